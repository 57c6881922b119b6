import type { InventoryItemSnapshot, CommittedReservation, Reservation } from '#domain/inventory/inventory-item/inventory-item.aggregate';
import type { InventoryItemEvent } from '#domain/inventory/inventory-item/inventory-item.events';

/**
 * What must hold on the stored item for an operation to apply. The repository puts all of it in the filter of its
 * one conditional write (DESIGN.md D3), so the check and the change are a single atomic step: no read-modify-write.
 */
export interface InventoryGuard {
  /** false: the write creates the item (its first adjustment) and fails if the (product, center) item exists. */
  readonly exists: boolean;
  /** available ≥ this: the invariant "available never goes below zero". */
  readonly minAvailable?: number;
  /** onHand is exactly this (adjustments, so the event's before/after are exact). */
  readonly onHand?: number;
  /** An active reservation with this id and quantity is held here (commit, release). */
  readonly holds?: { readonly reservationId: string; readonly quantity: number };
  /** No active or committed reservation has this id here (reserve: idempotency). */
  readonly lacks?: string;
}

/** The change, applied only when the guard holds: counters by delta, the reservation lists, the event. */
export interface InventoryEffect {
  readonly onHand: number;
  readonly reserved: number;
  readonly addReservation?: Reservation;
  readonly removeReservation?: string;
  readonly addCommitted?: CommittedReservation;
  readonly at: Date;
}

/** One rule supplied by the InventoryItem aggregate and executed by its repository as ONE write. */
export interface InventoryOperation {
  readonly item: { readonly id: string; readonly productId: string; readonly fulfillmentCenterId: string; readonly createdAt: Date };
  readonly guard: InventoryGuard;
  readonly effect: InventoryEffect;
  readonly event: InventoryItemEvent;
}

/** Whether the guard holds on the stored item (`null`: no item stored yet). */
export function guardHolds(current: InventoryItemSnapshot | null, guard: InventoryGuard): boolean {
  if (!guard.exists) return current === null;
  if (current === null) return false;
  if (guard.minAvailable !== undefined && current.available < guard.minAvailable) return false;
  if (guard.onHand !== undefined && current.onHand !== guard.onHand) return false;
  const { holds, lacks } = guard;
  if (holds && !current.reservations.some((r) => r.reservationId === holds.reservationId && r.quantity === holds.quantity)) return false;
  if (lacks && (current.reservations.some((r) => r.reservationId === lacks) || current.committed.some((c) => c.reservationId === lacks))) return false;
  return true;
}

/**
 * The stored item after the operation, or null when its guard does not hold (then nothing changes). This is the
 * reference semantics of the repository's conditional write; the in-memory adapter runs it as is.
 */
export function applyInventoryOperation(current: InventoryItemSnapshot | null, operation: InventoryOperation): InventoryItemSnapshot | null {
  if (!guardHolds(current, operation.guard)) return null;
  const { item, effect } = operation;
  const base: InventoryItemSnapshot = current ?? {
    ...item,
    onHand: 0,
    reserved: 0,
    available: 0,
    reservations: [],
    committed: [],
    updatedAt: item.createdAt,
  };
  const onHand = base.onHand + effect.onHand;
  const reserved = base.reserved + effect.reserved;
  return {
    ...base,
    onHand,
    reserved,
    available: onHand - reserved,
    reservations: [
      ...base.reservations.filter((r) => r.reservationId !== effect.removeReservation),
      ...(effect.addReservation ? [effect.addReservation] : []),
    ],
    committed: [...base.committed, ...(effect.addCommitted ? [effect.addCommitted] : [])],
    updatedAt: effect.at,
  };
}
