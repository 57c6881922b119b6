import type { FulfillmentCenterSnapshot } from '#domain/inventory/fulfillment-center/fulfillment-center.aggregate';
import type { InventoryItemSnapshot } from '#domain/inventory/inventory-item/inventory-item.aggregate';
import type { Page, PageRequest } from '#application/shared/pagination';

/** Inventory's list screens, newest first on (createdAt, id). */
export interface InventoryQueries {
  listFulfillmentCenters(page: PageRequest): Promise<Page<FulfillmentCenterSnapshot>>;
  listItems(filter: { readonly productId?: string }, page: PageRequest): Promise<Page<InventoryItemSnapshot>>;
}
export const InventoryQueries = Symbol('InventoryQueries');
