import type { DomainEvent } from '#domain/shared/domain-event';

export const INVENTORY_ADJUSTED = 'inventory.item.adjusted';
export const INVENTORY_RESERVED = 'inventory.item.reserved';
export const INVENTORY_RESERVATION_RELEASED = 'inventory.item.reservation_released';
export const INVENTORY_DEDUCTED = 'inventory.item.deducted';

/** What a reservation is for, copied into its events so audit entries can be found by subscription or user. */
export interface ReservationRefs {
  readonly subscriptionId?: string;
  readonly userId?: string;
}

type ItemRef = {
  readonly productId: string;
  readonly fulfillmentCenterId: string;
};

/** `before`/`after` are the on-hand counts around this adjustment (exact: the write is conditional on `before`). */
export type InventoryAdjustedEvent = DomainEvent<ItemRef & { delta: number; reason: string; before: number; after: number }>;
export type InventoryReservedEvent = DomainEvent<
  ItemRef & { reservationId: string; quantity: number; expiresAt: Date; refs: ReservationRefs }
>;
/** `reason`: `released` when asked to (billing), `expired` when the sweeper released a stale reservation. */
export type InventoryReservationReleasedEvent = DomainEvent<
  ItemRef & { reservationId: string; quantity: number; reason: 'released' | 'expired'; refs: ReservationRefs }
>;
/** A committed reservation: the units left the building (onHand and reserved both went down by `quantity`). */
export type InventoryDeductedEvent = DomainEvent<ItemRef & { reservationId: string; quantity: number; refs: ReservationRefs }>;

export type InventoryItemEvent = InventoryAdjustedEvent | InventoryReservedEvent | InventoryReservationReleasedEvent | InventoryDeductedEvent;
