import { describe, expect, it } from 'bun:test';
import { FulfillmentCenter } from '#domain/inventory/fulfillment-center/fulfillment-center.aggregate';
import type { FulfillmentCenterRepository } from '#domain/inventory/fulfillment-center/fulfillment-center.repository';
import { ConcurrencyError, UniqueConstraintError } from '#domain/shared/domain-error';
import type { EventEnvelope } from '#application/shared/events/event-envelope';
import { UuidV7IdGenerator } from '#infrastructure/ids/uuid-v7.id-generator';

export interface FulfillmentCenterRepositoryFixture {
  readonly repository: FulfillmentCenterRepository;
  /** Entries still in the document's outbox. */
  outboxOf(id: string): Promise<readonly EventEnvelope[]>;
  /** Events the fast path delivered (type list, in order). */
  delivered(): readonly string[];
}

const ids = new UuidV7IdGenerator();
const meta = { actor: { type: 'user' as const, id: 'u-1' }, correlationId: 'req-1' };
const at = new Date('2026-03-01T00:00:00.000Z');

/**
 * One contract, run against the in-memory adapter (unit) and the Mongoose adapter (integration), so the fake
 * cannot drift from the real thing (STYLE.md rule 29). It also pins the versioned save + outbox behaviour of D3.
 */
export function fulfillmentCenterRepositoryContract(name: string, setup: () => Promise<FulfillmentCenterRepositoryFixture>): void {
  describe(`FulfillmentCenterRepository contract: ${name}`, () => {
    it('saves a new center and reads it back by id and by code (any case)', async () => {
      const { repository } = await setup();
      const center = FulfillmentCenter.create({ id: ids.next(), code: 'east-1', name: 'East', priority: 5, now: at });
      await repository.save(center, meta);
      const byId = await repository.findById(center.toSnapshot().id);
      expect(byId?.toSnapshot()).toEqual(center.toSnapshot());
      expect(byId?.version).toBe(1);
      expect((await repository.findByCode('East-1'))?.toSnapshot().id).toBe(center.toSnapshot().id);
      expect(await repository.findById(ids.next())).toBeNull();
    });

    it('delivers the recorded events on the fast path and acknowledges them out of the outbox', async () => {
      const fixture = await setup();
      const center = FulfillmentCenter.create({ id: ids.next(), code: 'WEST', name: 'West', now: at });
      await fixture.repository.save(center, meta);
      expect(fixture.delivered()).toEqual(['inventory.fulfillment_center.created']);
      expect(await fixture.outboxOf(center.toSnapshot().id)).toEqual([]);
    });

    it('a second save appends the new events and bumps the version', async () => {
      const fixture = await setup();
      const center = FulfillmentCenter.create({ id: ids.next(), code: 'NORTH', name: 'North', now: at });
      await fixture.repository.save(center, meta);
      center.update({ priority: 7 }, at);
      await fixture.repository.save(center, meta);
      const loaded = await fixture.repository.findById(center.toSnapshot().id);
      expect(loaded?.version).toBe(2);
      expect(loaded?.toSnapshot().priority).toBe(7);
      expect(fixture.delivered()).toEqual(['inventory.fulfillment_center.created', 'inventory.fulfillment_center.updated']);
    });

    it('rejects a save from a stale copy with ConcurrencyError and keeps the winner', async () => {
      const { repository } = await setup();
      const center = FulfillmentCenter.create({ id: ids.next(), code: 'SOUTH', name: 'South', now: at });
      await repository.save(center, meta);
      const first = (await repository.findById(center.toSnapshot().id))!;
      const second = (await repository.findById(center.toSnapshot().id))!;
      first.update({ name: 'South A' }, at);
      second.update({ name: 'South B' }, at);
      await repository.save(first, meta);
      await expect(repository.save(second, meta)).rejects.toBeInstanceOf(ConcurrencyError);
      expect((await repository.findById(center.toSnapshot().id))?.toSnapshot().name).toBe('South A');
    });

    it('rejects a taken code with UniqueConstraintError naming the field', async () => {
      const { repository } = await setup();
      await repository.save(FulfillmentCenter.create({ id: ids.next(), code: 'DUP', name: 'One', now: at }), meta);
      const error = await repository.save(FulfillmentCenter.create({ id: ids.next(), code: 'dup', name: 'Two', now: at }), meta).catch((e) => e);
      expect(error).toBeInstanceOf(UniqueConstraintError);
      expect((error as UniqueConstraintError).field).toBe('code');
    });

    it('re-saving a never-saved copy of an existing id is a ConcurrencyError, not an overwrite', async () => {
      const { repository } = await setup();
      const id = ids.next();
      await repository.save(FulfillmentCenter.create({ id, code: 'ONCE', name: 'Once', now: at }), meta);
      await expect(repository.save(FulfillmentCenter.create({ id, code: 'TWICE', name: 'Twice', now: at }), meta)).rejects.toBeInstanceOf(ConcurrencyError);
    });
  });
}
