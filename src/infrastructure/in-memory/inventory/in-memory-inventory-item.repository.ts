import { InventoryItem, type InventoryItemSnapshot } from '#domain/inventory/inventory-item/inventory-item.aggregate';
import type { InventoryItemRepository } from '#domain/inventory/inventory-item/inventory-item.repository';
import { applyInventoryOperation, type InventoryOperation } from '#domain/inventory/inventory-item/inventory-operation';
import type { EventMetadata } from '#domain/shared/domain-event';
import type { EventEnvelope } from '#application/shared/events/event-envelope';
import type { IdGenerator } from '#application/shared/ports/id-generator.port';
import { envelopeEvents } from '#infrastructure/messaging/envelope';
import type { OutboxDispatcher } from '#infrastructure/messaging/outbox-dispatcher';
import type { OutboxSource } from '#infrastructure/messaging/outbox-source';

interface StoredItem {
  snapshot: InventoryItemSnapshot;
  outbox: EventEnvelope[];
}

/**
 * In-memory inventory with the Mongo adapter's semantics: each operation's guard is checked and its effect applied
 * in one synchronous step (nothing can interleave), with the same unique keys ((product, center); a reservation id
 * held by one item at most) and the event appended to the item's outbox in that step.
 */
export class InMemoryInventoryItemRepository implements InventoryItemRepository, OutboxSource {
  readonly name = 'InventoryItem';
  readonly #items = new Map<string, StoredItem>();

  constructor(
    private readonly ids: IdGenerator,
    private readonly dispatcher?: OutboxDispatcher,
  ) {}

  async apply(operation: InventoryOperation, meta: EventMetadata): Promise<InventoryItem | null> {
    const entries = envelopeEvents([operation.event], meta, this.ids);
    const stored = this.#items.get(operation.item.id);
    if (!operation.guard.exists && this.snapshots().some((s) => s.productId === operation.item.productId && s.fulfillmentCenterId === operation.item.fulfillmentCenterId)) {
      return null;
    }
    const added = operation.effect.addReservation?.reservationId;
    if (added !== undefined && this.snapshots().some((s) => s.id !== operation.item.id && s.reservations.some((r) => r.reservationId === added))) {
      return null;
    }
    const after = applyInventoryOperation(stored ? stored.snapshot : null, operation);
    if (!after) return null;
    this.#items.set(after.id, { snapshot: structuredClone(after), outbox: [...(stored?.outbox ?? []), ...entries] });
    if (this.dispatcher) await this.dispatcher.dispatchAfterSave(this, after.id, entries);
    return InventoryItem.rehydrate(structuredClone(after));
  }

  async findByProductAndCenter(productId: string, fulfillmentCenterId: string): Promise<InventoryItem | null> {
    return this.first((s) => s.productId === productId && s.fulfillmentCenterId === fulfillmentCenterId);
  }

  async findByProduct(productId: string): Promise<InventoryItem[]> {
    return this.snapshots()
      .filter((s) => s.productId === productId)
      .map((s) => InventoryItem.rehydrate(s));
  }

  async findByReservation(productId: string, reservationId: string): Promise<InventoryItem | null> {
    return this.first(
      (s) => s.productId === productId && [...s.reservations, ...s.committed].some((r) => r.reservationId === reservationId),
    );
  }

  async findWithExpiredReservations(now: Date, page: { limit: number; afterId?: string }): Promise<InventoryItem[]> {
    return this.snapshots()
      .filter((s) => s.reservations.some((r) => r.expiresAt.getTime() <= now.getTime()))
      .filter((s) => page.afterId === undefined || s.id > page.afterId)
      .sort((a, b) => (a.id < b.id ? -1 : 1))
      .slice(0, page.limit)
      .map((s) => InventoryItem.rehydrate(s));
  }

  async forgetCommittedBefore(before: Date): Promise<number> {
    let touched = 0;
    for (const stored of this.#items.values()) {
      const kept = stored.snapshot.committed.filter((c) => c.committedAt.getTime() >= before.getTime());
      if (kept.length === stored.snapshot.committed.length) continue;
      stored.snapshot = { ...stored.snapshot, committed: kept };
      touched += 1;
    }
    return touched;
  }

  /** Every stored item (copies). */
  snapshots(): InventoryItemSnapshot[] {
    return [...this.#items.values()].map((stored) => structuredClone(stored.snapshot));
  }

  outboxOf(id: string): readonly EventEnvelope[] {
    return this.#items.get(id)?.outbox ?? [];
  }

  async findPending(storedBefore: Date, limit: number) {
    return [...this.#items.entries()]
      .map(([documentId, stored]) => ({ documentId, entries: stored.outbox.filter((e) => e.storedAt <= storedBefore) }))
      .filter((d) => d.entries.length > 0)
      .slice(0, limit);
  }

  async acknowledge(documentId: string, entryIds: readonly string[]): Promise<void> {
    const stored = this.#items.get(documentId);
    if (stored) stored.outbox = stored.outbox.filter((e) => !entryIds.includes(e.id));
  }

  private first(predicate: (snapshot: InventoryItemSnapshot) => boolean): InventoryItem | null {
    const snapshot = this.snapshots().find(predicate);
    return snapshot ? InventoryItem.rehydrate(snapshot) : null;
  }
}
