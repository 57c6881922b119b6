import { inject, injectable } from 'tsyringe';
import type { FulfillmentCenterChanges, FulfillmentCenterSnapshot } from '#domain/inventory/fulfillment-center/fulfillment-center.aggregate';
import type { InvalidFulfillmentCenterError } from '#domain/inventory/fulfillment-center/fulfillment-center.errors';
import { FulfillmentCenterRepository } from '#domain/inventory/fulfillment-center/fulfillment-center.repository';
import type { ConcurrencyError } from '#domain/shared/domain-error';
import { NotFoundError } from '#application/shared/application-error';
import { Clock } from '#application/shared/ports/clock.port';
import type { UseCaseContext } from '#application/shared/use-case-context';

export type UpdateFulfillmentCenterErrors = NotFoundError | InvalidFulfillmentCenterError | ConcurrencyError;

/** Admin: renames, reprioritises or (de)activates a center. An inactive center is never allocated from. */
@injectable()
export class UpdateFulfillmentCenterUseCase {
  constructor(
    @inject(FulfillmentCenterRepository) private readonly centers: FulfillmentCenterRepository,
    @inject(Clock) private readonly clock: Clock,
  ) {}

  async execute(input: UseCaseContext & { readonly fulfillmentCenterId: string; readonly changes: FulfillmentCenterChanges }): Promise<FulfillmentCenterSnapshot> {
    const center = await this.centers.findById(input.fulfillmentCenterId);
    if (!center) throw new NotFoundError('fulfillment center', input.fulfillmentCenterId);
    center.update(input.changes, await this.clock.now());
    await this.centers.save(center, input);
    return center.toSnapshot();
  }
}
