import { inject, injectable } from 'tsyringe';
import { DEFAULT_CENTER_CODE, type FulfillmentCenter } from '#domain/inventory/fulfillment-center/fulfillment-center.aggregate';
import { FulfillmentCenterRepository } from '#domain/inventory/fulfillment-center/fulfillment-center.repository';
import { InventoryItem, type InventoryItemSnapshot } from '#domain/inventory/inventory-item/inventory-item.aggregate';
import type { InsufficientStockError, InvalidInventoryOperationError } from '#domain/inventory/inventory-item/inventory-item.errors';
import { InventoryItemRepository } from '#domain/inventory/inventory-item/inventory-item.repository';
import { CatalogLookup } from '#application/catalog/ports/catalog-lookup.port';
import { ConflictError, NotFoundError } from '#application/shared/application-error';
import { Clock } from '#application/shared/ports/clock.port';
import { IdGenerator } from '#application/shared/ports/id-generator.port';
import type { UseCaseContext } from '#application/shared/use-case-context';

export interface AdjustInventoryInput extends UseCaseContext {
  readonly productId: string;
  /** Defaults to the DEFAULT center. */
  readonly fulfillmentCenterId?: string;
  readonly delta: number;
  readonly reason: string;
}

export type AdjustInventoryErrors = NotFoundError | InsufficientStockError | InvalidInventoryOperationError | ConflictError;

/** How often an adjustment re-reads after another write changed onHand between its read and its write. */
const MAX_ATTEMPTS = 20;

/**
 * Admin: corrects the on-hand count of a product at a center (`delta` ≠ 0), never below what is reserved. The write
 * is conditional on the on-hand count it read, so the audited before/after are exact; when another write got there
 * first (a commit, another adjustment) it reads again and re-checks, up to MAX_ATTEMPTS times.
 */
@injectable()
export class AdjustInventoryUseCase {
  constructor(
    @inject(InventoryItemRepository) private readonly items: InventoryItemRepository,
    @inject(FulfillmentCenterRepository) private readonly centers: FulfillmentCenterRepository,
    @inject(CatalogLookup) private readonly catalog: CatalogLookup,
    @inject(IdGenerator) private readonly ids: IdGenerator,
    @inject(Clock) private readonly clock: Clock,
  ) {}

  async execute(input: AdjustInventoryInput): Promise<InventoryItemSnapshot> {
    if (!(await this.catalog.findProduct(input.productId))) throw new NotFoundError('product', input.productId);
    const center = await this.center(input.fulfillmentCenterId);
    const centerId = center.toSnapshot().id;
    const now = await this.clock.now();
    for (let attempt = 0; attempt < MAX_ATTEMPTS; attempt += 1) {
      const item =
        (await this.items.findByProductAndCenter(input.productId, centerId)) ??
        InventoryItem.create({ id: this.ids.next(), productId: input.productId, fulfillmentCenterId: centerId, now });
      const written = await this.items.apply(item.adjust({ delta: input.delta, reason: input.reason }, now), input);
      if (written) return written.toSnapshot();
    }
    throw new ConflictError('the stock kept changing while adjusting it; try again');
  }

  private async center(id: string | undefined): Promise<FulfillmentCenter> {
    const center = id === undefined ? await this.centers.findByCode(DEFAULT_CENTER_CODE) : await this.centers.findById(id);
    if (!center) throw new NotFoundError('fulfillment center', id);
    return center;
  }
}
