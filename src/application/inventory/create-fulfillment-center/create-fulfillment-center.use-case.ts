import { inject, injectable } from 'tsyringe';
import { FulfillmentCenter, type FulfillmentCenterSnapshot } from '#domain/inventory/fulfillment-center/fulfillment-center.aggregate';
import type { InvalidFulfillmentCenterError } from '#domain/inventory/fulfillment-center/fulfillment-center.errors';
import { FulfillmentCenterRepository } from '#domain/inventory/fulfillment-center/fulfillment-center.repository';
import { UniqueConstraintError } from '#domain/shared/domain-error';
import { ConflictError } from '#application/shared/application-error';
import { Clock } from '#application/shared/ports/clock.port';
import { IdGenerator } from '#application/shared/ports/id-generator.port';
import type { UseCaseContext } from '#application/shared/use-case-context';

export type CreateFulfillmentCenterErrors = InvalidFulfillmentCenterError | ConflictError;

/** Admin: adds a fulfillment center (active). Its code is upper-cased and unique. */
@injectable()
export class CreateFulfillmentCenterUseCase {
  constructor(
    @inject(FulfillmentCenterRepository) private readonly centers: FulfillmentCenterRepository,
    @inject(IdGenerator) private readonly ids: IdGenerator,
    @inject(Clock) private readonly clock: Clock,
  ) {}

  async execute(input: UseCaseContext & { readonly code: string; readonly name: string; readonly priority?: number }): Promise<FulfillmentCenterSnapshot> {
    const center = FulfillmentCenter.create({
      id: this.ids.next(),
      code: input.code,
      name: input.name,
      ...(input.priority !== undefined ? { priority: input.priority } : {}),
      now: await this.clock.now(),
    });
    try {
      await this.centers.save(center, input);
    } catch (error) {
      if (error instanceof UniqueConstraintError) throw new ConflictError(`code ${center.toSnapshot().code} is already taken`, { field: 'code' });
      throw error;
    }
    return center.toSnapshot();
  }
}
