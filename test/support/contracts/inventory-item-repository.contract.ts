import { describe, expect, it } from 'bun:test';
import { InventoryItem } from '#domain/inventory/inventory-item/inventory-item.aggregate';
import type { InventoryItemRepository } from '#domain/inventory/inventory-item/inventory-item.repository';
import type { EventEnvelope } from '#application/shared/events/event-envelope';
import { UuidV7IdGenerator } from '#infrastructure/ids/uuid-v7.id-generator';

export interface InventoryItemRepositoryFixture {
  readonly repository: InventoryItemRepository;
  /** Entries still in the item's outbox. */
  outboxOf(id: string): Promise<readonly EventEnvelope[]>;
  /** Event types the fast path delivered, in order. */
  delivered(): readonly string[];
}

const ids = new UuidV7IdGenerator();
const meta = { actor: { type: 'user' as const, id: 'u-1' }, correlationId: 'req-1' };
const now = new Date('2026-03-01T12:00:00.000Z');
const expiresAt = new Date('2026-03-01T12:15:00.000Z');

/**
 * The inventory repository's contract, run against the in-memory adapter (unit) and the Mongoose one (integration):
 * one conditional write per operation, null and nothing written when the guard fails, the event in the same write.
 */
export function inventoryItemRepositoryContract(name: string, setup: () => Promise<InventoryItemRepositoryFixture>): void {
  describe(`InventoryItemRepository contract: ${name}`, () => {
    async function stocked(repository: InventoryItemRepository, quantity: number, productId = ids.next(), centerId = ids.next()) {
      const item = InventoryItem.create({ id: ids.next(), productId, fulfillmentCenterId: centerId, now });
      return (await repository.apply(item.adjust({ delta: quantity, reason: 'delivery' }, now), meta))!;
    }

    it('creates an item with its first adjustment and reads it back by (product, center) and by product', async () => {
      const { repository } = await setup();
      const item = await stocked(repository, 5);
      const { productId, fulfillmentCenterId } = item.toSnapshot();
      expect(item.toSnapshot()).toMatchObject({ onHand: 5, reserved: 0, available: 5, reservations: [], committed: [] });
      expect((await repository.findByProductAndCenter(productId, fulfillmentCenterId))?.toSnapshot()).toEqual(item.toSnapshot());
      expect((await repository.findByProduct(productId)).map((i) => i.id)).toEqual([item.id]);
      expect(await repository.findByProductAndCenter(productId, ids.next())).toBeNull();
    });

    it('refuses a second item for the same (product, center)', async () => {
      const { repository } = await setup();
      const first = await stocked(repository, 5);
      const { productId, fulfillmentCenterId } = first.toSnapshot();
      const twin = InventoryItem.create({ id: ids.next(), productId, fulfillmentCenterId, now });
      expect(await repository.apply(twin.adjust({ delta: 1, reason: 'x' }, now), meta)).toBeNull();
      expect((await repository.findByProduct(productId)).map((i) => i.toSnapshot().onHand)).toEqual([5]);
    });

    it('writes the event with the change, delivers it on the fast path and acknowledges it', async () => {
      const fixture = await setup();
      const item = await stocked(fixture.repository, 5);
      await fixture.repository.apply(item.reserve({ reservationId: 'r1', quantity: 2, expiresAt }, now), meta);
      expect(fixture.delivered()).toEqual(['inventory.item.adjusted', 'inventory.item.reserved']);
      expect(await fixture.outboxOf(item.id)).toEqual([]);
    });

    it('writes nothing, and records no event, when the guard does not hold', async () => {
      const fixture = await setup();
      const item = await stocked(fixture.repository, 2);
      const stale = InventoryItem.rehydrate(item.toSnapshot());
      expect(await fixture.repository.apply(item.reserve({ reservationId: 'a', quantity: 2, expiresAt }, now), meta)).not.toBeNull();
      expect(await fixture.repository.apply(stale.reserve({ reservationId: 'b', quantity: 1, expiresAt }, now), meta)).toBeNull();
      expect(await fixture.repository.apply(stale.adjust({ delta: -1, reason: 'x' }, now), meta)).toBeNull();
      const current = (await fixture.repository.findByProduct(item.toSnapshot().productId))[0]!.toSnapshot();
      expect(current).toMatchObject({ onHand: 2, reserved: 2, available: 0 });
      expect(fixture.delivered()).toEqual(['inventory.item.adjusted', 'inventory.item.reserved']);
    });

    it('keeps a reservation id on one item only, and finds it active or committed', async () => {
      const { repository } = await setup();
      const productId = ids.next();
      const a = await stocked(repository, 5, productId);
      const b = await stocked(repository, 5, productId);
      expect(await repository.apply(a.reserve({ reservationId: 'one', quantity: 1, expiresAt, refs: { userId: 'u-9' } }, now), meta)).not.toBeNull();
      expect(await repository.apply(b.reserve({ reservationId: 'one', quantity: 1, expiresAt }, now), meta)).toBeNull();
      const holder = (await repository.findByReservation(productId, 'one'))!;
      expect(holder.id).toBe(a.id);
      expect(holder.reservation('one')).toEqual({ reservationId: 'one', quantity: 1, expiresAt, refs: { userId: 'u-9' } });
      expect(await repository.apply(holder.commit({ reservationId: 'one' }, now), meta)).not.toBeNull();
      const after = (await repository.findByReservation(productId, 'one'))!;
      expect([after.id, after.hasCommitted('one'), after.reservation('one')]).toEqual([a.id, true, undefined]);
      expect(await repository.findByReservation(productId, 'other')).toBeNull();
      expect(await repository.findByReservation(ids.next(), 'one')).toBeNull();
    });

    it('pages through items with expired reservations by id', async () => {
      const { repository } = await setup();
      const expired: string[] = [];
      for (let i = 0; i < 3; i++) {
        const item = await stocked(repository, 2);
        await repository.apply(item.reserve({ reservationId: ids.next(), quantity: 1, expiresAt }, now), meta);
        expired.push(item.id);
      }
      const later = await stocked(repository, 2);
      await repository.apply(later.reserve({ reservationId: ids.next(), quantity: 1, expiresAt: new Date(expiresAt.getTime() + 60_000) }, now), meta);
      const first = await repository.findWithExpiredReservations(expiresAt, { limit: 2 });
      const second = await repository.findWithExpiredReservations(expiresAt, { limit: 2, afterId: first.at(-1)!.id });
      expect([...first, ...second].map((i) => i.id)).toEqual([...expired].sort());
      expect(await repository.findWithExpiredReservations(new Date(expiresAt.getTime() - 1), { limit: 10 })).toEqual([]);
    });

    it('forgets committed reservation ids older than a cutoff', async () => {
      const { repository } = await setup();
      const item = await stocked(repository, 5);
      const held = (await repository.apply(item.reserve({ reservationId: 'c', quantity: 1, expiresAt }, now), meta))!;
      await repository.apply(held.commit({ reservationId: 'c' }, now), meta);
      expect(await repository.forgetCommittedBefore(now)).toBe(0);
      expect(await repository.forgetCommittedBefore(new Date(now.getTime() + 1))).toBe(1);
      expect((await repository.findByProduct(item.toSnapshot().productId))[0]!.toSnapshot()).toMatchObject({ onHand: 4, reserved: 0, committed: [] });
    });
  });
}
