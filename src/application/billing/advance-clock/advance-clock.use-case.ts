import { inject, injectable } from 'tsyringe';
import { RunBillingScanUseCase } from '#application/billing/run-billing-scan/run-billing-scan.use-case';
import { NotFoundError } from '#application/shared/application-error';
import { SimulationClockControl } from '#application/shared/ports/clock.port';

export interface AdvanceClockInput {
  readonly seconds: number;
  readonly correlationId: string;
}

export type AdvanceClockErrors = NotFoundError;

/**
 * Moves the simulated business clock forward (shared by every process through Redis) and runs a billing scan, so
 * whatever became due is billed: advancing the clock and scanning is always enough (DESIGN.md D1). Without
 * SIMULATION_CLOCK the endpoint does not exist (404).
 */
@injectable()
export class AdvanceClockUseCase {
  constructor(
    @inject(SimulationClockControl) private readonly control: SimulationClockControl,
    @inject(RunBillingScanUseCase) private readonly scan: RunBillingScanUseCase,
  ) {}

  async execute(input: AdvanceClockInput): Promise<{ now: Date; enqueued: number }> {
    if (!this.control.simulated) throw new NotFoundError('simulation clock');
    const now = await this.control.advance(input.seconds * 1000);
    const { enqueued } = await this.scan.execute({ correlationId: input.correlationId });
    return { now, enqueued };
  }
}
