import { inject, injectable } from 'tsyringe';
import { DEFAULT_CENTER_CODE, FulfillmentCenter } from '#domain/inventory/fulfillment-center/fulfillment-center.aggregate';
import { FulfillmentCenterRepository } from '#domain/inventory/fulfillment-center/fulfillment-center.repository';
import { UniqueConstraintError } from '#domain/shared/domain-error';
import { Clock } from '#application/shared/ports/clock.port';
import { IdGenerator } from '#application/shared/ports/id-generator.port';
import type { UseCaseContext } from '#application/shared/use-case-context';

/**
 * Start-up: makes sure the DEFAULT center exists (API.md). Race-safe across processes (DESIGN.md D2): the unique
 * index on `code` lets one insert win; the others re-read.
 */
@injectable()
export class EnsureDefaultFulfillmentCenterUseCase {
  constructor(
    @inject(FulfillmentCenterRepository) private readonly centers: FulfillmentCenterRepository,
    @inject(IdGenerator) private readonly ids: IdGenerator,
    @inject(Clock) private readonly clock: Clock,
  ) {}

  async execute(input: UseCaseContext): Promise<{ id: string; created: boolean }> {
    const existing = await this.centers.findByCode(DEFAULT_CENTER_CODE);
    if (existing) return { id: existing.toSnapshot().id, created: false };
    const center = FulfillmentCenter.create({ id: this.ids.next(), code: DEFAULT_CENTER_CODE, name: 'Default', now: await this.clock.now() });
    try {
      await this.centers.save(center, input);
      return { id: center.toSnapshot().id, created: true };
    } catch (error) {
      if (!(error instanceof UniqueConstraintError)) throw error;
      const winner = await this.centers.findByCode(DEFAULT_CENTER_CODE);
      if (!winner) throw error;
      return { id: winner.toSnapshot().id, created: false };
    }
  }
}
