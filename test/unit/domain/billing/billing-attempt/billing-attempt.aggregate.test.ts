import { describe, expect, it } from 'bun:test';
import { BillingAttempt, meetsExpectation } from '#domain/billing/billing-attempt/billing-attempt.aggregate';
import { BillingAttemptTransitionError } from '#domain/billing/billing-attempt/billing-attempt.errors';

const now = new Date('2026-03-01T00:00:00.000Z');
const wall = new Date('2030-01-01T00:00:00.000Z');
const lease = (owner: string, ms = 10_000) => ({ owner, expiresAt: new Date(wall.getTime() + ms) });

function started(owner = 'w1') {
  const attempt = BillingAttempt.start({
    id: 'att-1',
    subscriptionId: 'sub-1',
    userId: 'u-1',
    productId: 'p-1',
    quantity: 2,
    amount: 3998,
    currency: 'EUR',
    paymentMethod: 'pm_card_ok',
    period: { start: new Date('2026-03-01T00:00:00.000Z'), end: new Date('2026-04-01T00:00:00.000Z') },
    attemptSeq: 3,
    paymentAttempt: 1,
    lease: lease(owner),
    now,
  });
  return attempt;
}

describe('BillingAttempt', () => {
  it('starts reserving under its lease; its idempotency key and reservation id are fixed by (subscription, period, seq) and id', () => {
    const a = started();
    expect(a.state).toBe('reserving');
    expect(a.idempotencyKey).toBe(`sub-1-${new Date('2026-03-01T00:00:00.000Z').getTime()}-3`);
    expect(a.reservationId).toBe('att-1');
    expect(a.pullDomainEvents().map((e) => e.type)).toEqual(['billing.billing_attempt.started']);
  });

  it('walks reserving → reserved → charging → charged, each step conditional on the state and the lease holder', () => {
    const a = started();
    a.pullDomainEvents();
    const reserved = a.markReserved('fc-1', lease('w1'), now);
    expect(reserved.expected).toEqual({ states: ['reserving'], leaseHeldBy: 'w1' });
    const charging = a.startCharging(lease('w1'), now);
    expect(charging.expected).toEqual({ states: ['reserved'], leaseHeldBy: 'w1' });
    const charged = a.markCharged('ch_1', 'w1', now);
    expect(charged.changes).toMatchObject({ state: 'charged', chargeId: 'ch_1', lease: null });
    expect(charged.events).toMatchObject([
      { type: 'billing.billing_attempt.payment_succeeded', payload: { subscriptionId: 'sub-1', amount: 3998, fulfillmentCenterId: 'fc-1', paymentAttempt: 1, attemptSeq: 3 } },
    ]);
  });

  it('refuses steps out of order (charging twice, fulfilling before committing)', () => {
    const a = started();
    expect(() => a.startCharging(lease('w1'), now)).toThrow(BillingAttemptTransitionError);
    a.markReserved('fc', lease('w1'), now);
    a.startCharging(lease('w1'), now);
    expect(() => a.startCharging(lease('w1'), now)).toThrow(BillingAttemptTransitionError);
    a.markCharged('ch', 'w1', now);
    expect(() => a.markFulfilled('o-1', now)).toThrow(BillingAttemptTransitionError);
    expect(a.recordCommit('fc', now)).not.toBeNull();
    expect(a.recordCommit('fc', now)).toBeNull();
    expect(a.markFulfilled('o-1', now).changes).toMatchObject({ state: 'fulfilled', orderId: 'o-1' });
  });

  it('the sweeper may abandon a reserved attempt whoever holds it, a reserving one only once its lease expired, a charging one never', () => {
    const reserved = started();
    reserved.markReserved('fc', lease('w1'), now);
    expect(reserved.abandonForRelease(wall, now)?.expected).toEqual({ states: ['reserved'] });

    const live = started();
    expect(live.abandonForRelease(wall, now)).toBeNull();
    const dead = started();
    const transition = dead.abandonForRelease(new Date(wall.getTime() + 60_000), now);
    expect(transition?.expected).toMatchObject({ states: ['reserving'], leaseClaimableBy: { owner: 'reservation-sweeper' } });

    const charging = started();
    charging.markReserved('fc', lease('w1'), now);
    charging.startCharging(lease('w1'), now);
    expect(charging.abandonForRelease(new Date(wall.getTime() + 3_600_000), now)).toBeNull();
  });

  it('expectations: a lease is claimable when free, expired or already ours; held-by checks the owner', () => {
    const snapshot = started('w1').toSnapshot();
    const claim = (owner: string, at: Date) => meetsExpectation(snapshot, { states: ['reserving'], leaseClaimableBy: { owner, at } });
    expect(claim('w2', wall)).toBe(false);
    expect(claim('w1', wall)).toBe(true);
    expect(claim('w2', new Date(wall.getTime() + 10_000))).toBe(true);
    expect(meetsExpectation(snapshot, { states: ['reserving'], leaseHeldBy: 'w2' })).toBe(false);
    expect(meetsExpectation(snapshot, { states: ['reserved'] })).toBe(false);
  });
});
