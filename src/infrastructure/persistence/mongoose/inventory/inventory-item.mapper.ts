import type { EventEnvelope } from '#application/shared/events/event-envelope';
import { InventoryItem, type InventoryItemSnapshot } from '#domain/inventory/inventory-item/inventory-item.aggregate';
import type { InventoryOperation } from '#domain/inventory/inventory-item/inventory-operation';

export interface InventoryItemDocument extends Omit<InventoryItemSnapshot, 'id'> {
  _id: string;
  version: number;
}

export const inventoryItemMapper = {
  toSnapshot({ _id, version: _version, ...rest }: InventoryItemDocument): InventoryItemSnapshot {
    return {
      id: _id,
      ...rest,
      reservations: (rest.reservations ?? []).map((r) => ({ ...r, refs: r.refs ?? {} })),
      committed: rest.committed ?? [],
    };
  },

  toDomain(document: InventoryItemDocument): InventoryItem {
    return InventoryItem.rehydrate(inventoryItemMapper.toSnapshot(document));
  },

  /** The operation's guard as a filter: the invariant and the idempotency condition, checked by the write itself. */
  filterOf({ item, guard }: InventoryOperation): Record<string, unknown> {
    const filter: Record<string, unknown> = { _id: item.id };
    if (guard.minAvailable !== undefined) filter.available = { $gte: guard.minAvailable };
    if (guard.onHand !== undefined) filter.onHand = guard.onHand;
    if (guard.holds) filter.reservations = { $elemMatch: { reservationId: guard.holds.reservationId, quantity: guard.holds.quantity } };
    if (guard.lacks !== undefined) {
      filter['reservations.reservationId'] = { $ne: guard.lacks };
      filter['committed.reservationId'] = { $ne: guard.lacks };
    }
    return filter;
  },

  /** The operation's effect as one update: counters by $inc, the reservation $push/$pull, the event into the outbox. */
  updateOf({ effect }: InventoryOperation, entries: readonly EventEnvelope[]): Record<string, unknown> {
    const push: Record<string, unknown> = { outbox: { $each: entries } };
    if (effect.addReservation) push.reservations = effect.addReservation;
    if (effect.addCommitted) push.committed = effect.addCommitted;
    return {
      $inc: { onHand: effect.onHand, reserved: effect.reserved, available: effect.onHand - effect.reserved, version: 1 },
      $set: { updatedAt: effect.at },
      $push: push,
      ...(effect.removeReservation !== undefined ? { $pull: { reservations: { reservationId: effect.removeReservation } } } : {}),
    };
  },
};
