import { inject, injectable } from 'tsyringe';
import { Clock, SimulationClockControl } from '#application/shared/ports/clock.port';

/** Business time and whether it is simulated (GET /admin/clock always answers). */
@injectable()
export class ReadClockUseCase {
  constructor(
    @inject(Clock) private readonly clock: Clock,
    @inject(SimulationClockControl) private readonly control: SimulationClockControl,
  ) {}

  async execute(): Promise<{ now: Date; simulated: boolean }> {
    return { now: await this.clock.now(), simulated: this.control.simulated };
  }
}
