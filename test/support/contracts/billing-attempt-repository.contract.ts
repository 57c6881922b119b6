import { describe, expect, it } from 'bun:test';
import { BillingAttempt } from '#domain/billing/billing-attempt/billing-attempt.aggregate';
import type { BillingAttemptRepository } from '#domain/billing/billing-attempt/billing-attempt.repository';
import type { EventEnvelope } from '#application/shared/events/event-envelope';
import { UuidV7IdGenerator } from '#infrastructure/ids/uuid-v7.id-generator';

export interface BillingAttemptRepositoryFixture {
  readonly repository: BillingAttemptRepository;
  outboxOf(id: string): Promise<readonly EventEnvelope[]>;
  delivered(): readonly string[];
}

const ids = new UuidV7IdGenerator();
const meta = { actor: { type: 'system' as const }, correlationId: 'corr-1' };
const now = new Date('2026-03-01T00:00:00.000Z');
const wall = new Date('2030-01-01T00:00:00.000Z');
const lease = (owner: string, ms = 10_000) => ({ owner, expiresAt: new Date(wall.getTime() + ms) });

function attempt(subscriptionId: string, attemptSeq: number, owner = 'w1') {
  return BillingAttempt.start({
    id: ids.next(),
    subscriptionId,
    userId: 'u-1',
    productId: 'p-1',
    quantity: 1,
    amount: 1999,
    currency: 'EUR',
    paymentMethod: 'pm_card_ok',
    period: { start: new Date('2026-03-01T00:00:00.000Z'), end: new Date('2026-04-01T00:00:00.000Z') },
    attemptSeq,
    paymentAttempt: 1,
    lease: lease(owner),
    now,
  });
}

/** The billing attempt store's contract (DESIGN.md D4), for the in-memory and the Mongoose adapter alike. */
export function billingAttemptRepositoryContract(name: string, setup: () => Promise<BillingAttemptRepositoryFixture>): void {
  describe(`BillingAttemptRepository contract: ${name}`, () => {
    it('inserts once per (subscription, period, attemptSeq), and one live attempt per period', async () => {
      const { repository } = await setup();
      const sub = ids.next();
      const first = attempt(sub, 0);
      expect(await repository.insert(first, meta)).toBe('inserted');
      expect(await repository.insert(attempt(sub, 0), meta)).toBe('key_taken');
      expect(await repository.insert(attempt(sub, 1), meta)).toBe('period_taken');
      expect((await repository.findLiveForPeriod(sub, new Date('2026-03-01T00:00:00.000Z')))?.id).toBe(first.id);
      // Once the first ends without success the period is free for the next attempt.
      const loaded = (await repository.findById(first.id))!;
      expect(await repository.apply(loaded.deferForNoStock('w1', now), meta)).toBe(true);
      expect(await repository.findLiveForPeriod(sub, new Date('2026-03-01T00:00:00.000Z'))).toBeNull();
      expect(await repository.insert(attempt(sub, 1), meta)).toBe('inserted');
      expect((await repository.findByKey(sub, new Date('2026-03-01T00:00:00.000Z'), 0))?.state).toBe('deferred');
    });

    it('applies a transition only while the stored attempt meets its expectation, with its events in the same write', async () => {
      const fixture = await setup();
      const a = attempt(ids.next(), 0);
      await fixture.repository.insert(a, meta);
      const copy1 = (await fixture.repository.findById(a.id))!;
      const copy2 = (await fixture.repository.findById(a.id))!;
      expect(await fixture.repository.apply(copy1.markReserved('fc-1', lease('w1'), now), meta)).toBe(true);
      expect(await fixture.repository.apply(copy2.markReserved('fc-2', lease('w1'), now), meta)).toBe(false); // no longer reserving
      expect(await fixture.repository.apply(copy1.startCharging(lease('w2'), now), meta)).toBe(false); // w2 does not hold the lease
      const stored = (await fixture.repository.findById(a.id))!.toSnapshot();
      expect(stored).toMatchObject({ state: 'reserved', fulfillmentCenterId: 'fc-1' });
      const charging = (await fixture.repository.findById(a.id))!;
      await fixture.repository.apply(charging.startCharging(lease('w1'), now), meta);
      expect(await fixture.repository.apply(charging.markCharged('ch_1', 'w1', now), meta)).toBe(true);
      expect(fixture.delivered()).toContain('billing.billing_attempt.payment_succeeded');
      expect(await fixture.outboxOf(a.id)).toEqual([]);
    });

    it('a lease is claimed only when free, expired or already the claimant’s', async () => {
      const { repository } = await setup();
      const a = attempt(ids.next(), 0, 'w1');
      await repository.insert(a, meta);
      const other = (await repository.findById(a.id))!;
      expect(await repository.apply(other.claim(lease('w2'), wall), meta)).toBe(false);
      expect(await repository.apply(other.claim(lease('w1'), wall), meta)).toBe(true);
      const later = new Date(wall.getTime() + 20_000);
      expect(await repository.apply(other.claim({ owner: 'w2', expiresAt: new Date(later.getTime() + 10_000) }, later), meta)).toBe(true);
      expect((await repository.findById(a.id))!.toSnapshot().lease?.owner).toBe('w2');
    });

    it('the release guard’s abandonment races the biller’s charging step: exactly one wins', async () => {
      const { repository } = await setup();
      const a = attempt(ids.next(), 0);
      await repository.insert(a, meta);
      const reserved = (await repository.findById(a.id))!;
      await repository.apply(reserved.markReserved('fc', lease('w1'), now), meta);
      const biller = (await repository.findById(a.id))!;
      const sweeper = (await repository.findById(a.id))!;
      const results = await Promise.all([
        repository.apply(biller.startCharging(lease('w1'), now), meta),
        repository.apply(sweeper.abandonForRelease(wall, now)!, meta),
      ]);
      expect(results.filter(Boolean)).toHaveLength(1);
      expect(['charging', 'abandoned']).toContain((await repository.findById(a.id))!.state);
    });
  });
}
