import type { EventMetadata } from '#domain/shared/domain-event';
import type { InventoryItem } from '#domain/inventory/inventory-item/inventory-item.aggregate';
import type { InventoryOperation } from '#domain/inventory/inventory-item/inventory-operation';

/**
 * Inventory is the exception to load-then-save (DESIGN.md D3): every change goes through `apply`, which executes an
 * InventoryOperation as ONE conditional single-document write (guard in the filter; counters, reservation and the
 * event envelope pushed into the same document's outbox in the update). No locks, no transactions.
 */
export interface InventoryItemRepository {
  /**
   * The item as written, or null when the guard did not hold and nothing was written (stock moved meanwhile, the
   * reservation is gone, the reservation id is held by another item of the product, or the item already exists).
   */
  apply(operation: InventoryOperation, meta: EventMetadata): Promise<InventoryItem | null>;
  findByProductAndCenter(productId: string, fulfillmentCenterId: string): Promise<InventoryItem | null>;
  /** Every center's item of one product (one per center at most: a handful). */
  findByProduct(productId: string): Promise<InventoryItem[]>;
  /** The item of this product holding the reservation id, active or committed. */
  findByReservation(productId: string, reservationId: string): Promise<InventoryItem | null>;
  /** Items with a reservation expired at `now`, ordered by id, after `afterId`: the sweeper pages through them. */
  findWithExpiredReservations(now: Date, page: { limit: number; afterId?: string }): Promise<InventoryItem[]>;
  /** Forgets committed reservation ids committed before `before` (keeps the documents small); returns items touched. */
  forgetCommittedBefore(before: Date): Promise<number>;
}
export const InventoryItemRepository = Symbol('InventoryItemRepository');
