import type { FulfillmentCenterSnapshot } from '#domain/inventory/fulfillment-center/fulfillment-center.aggregate';
import type { InventoryItemSnapshot } from '#domain/inventory/inventory-item/inventory-item.aggregate';
import type { InventoryQueries } from '#application/inventory/queries/inventory-queries.port';
import type { Page, PageRequest } from '#application/shared/pagination';
import type { InMemoryFulfillmentCenterRepository } from '#infrastructure/in-memory/inventory/in-memory-fulfillment-center.repository';
import type { InMemoryInventoryItemRepository } from '#infrastructure/in-memory/inventory/in-memory-inventory-item.repository';
import { keysetPageOf } from '#infrastructure/in-memory/shared/keyset-page';

export class InMemoryInventoryQueries implements InventoryQueries {
  constructor(
    private readonly centers: InMemoryFulfillmentCenterRepository,
    private readonly items: InMemoryInventoryItemRepository,
  ) {}

  async listFulfillmentCenters(page: PageRequest): Promise<Page<FulfillmentCenterSnapshot>> {
    return keysetPageOf(this.centers.store.snapshots(), page);
  }

  async listItems(filter: { readonly productId?: string }, page: PageRequest): Promise<Page<InventoryItemSnapshot>> {
    return keysetPageOf(
      this.items.snapshots().filter((s) => filter.productId === undefined || s.productId === filter.productId),
      page,
    );
  }
}
