import type { EventMetadata } from '#domain/shared/domain-event';
import type { ReservationRefs } from '#domain/inventory/inventory-item/inventory-item.events';

/**
 * What billing asks of inventory (DESIGN.md D3, D4). Every call is idempotent by `reservationId`: reserving twice
 * reserves once and never at two centers; committing or releasing twice acts once.
 * `refs` (optional) says what the reservation is for: stored with it, so the sweeper's release carries it too, and
 * copied into the audit entries' refs (`inventory.reserved` / `deducted` / `released` found by subscription or user).
 */
export interface StockReservations {
  /** Reserves the whole line at one center chosen by the AllocationStrategy, or reports out of stock. */
  reserveAnywhere(
    input: { productId: string; quantity: number; reservationId: string; expiresAt: Date; now: Date; refs?: ReservationRefs },
    meta: EventMetadata,
  ): Promise<{ status: 'reserved'; fulfillmentCenterId: string } | { status: 'out_of_stock' }>;

  /** Deducts a reservation (onHand -= q, reserved -= q). `already_committed` on a repeat. */
  commit(
    input: { productId: string; reservationId: string; now: Date; refs?: ReservationRefs },
    meta: EventMetadata,
  ): Promise<{ status: 'committed' | 'already_committed'; fulfillmentCenterId: string } | { status: 'not_found' }>;

  /** Returns reserved stock to available. `not_found` when there is nothing (left) to release. */
  release(input: { productId: string; reservationId: string; now: Date; refs?: ReservationRefs }, meta: EventMetadata): Promise<'released' | 'not_found'>;
}
export const StockReservations = Symbol('StockReservations');
