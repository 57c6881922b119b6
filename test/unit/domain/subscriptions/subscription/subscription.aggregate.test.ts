import { describe, expect, it } from 'bun:test';
import { Subscription } from '#domain/subscriptions/subscription/subscription.aggregate';
import { BillingOutcomeMismatchError, InvalidSubscriptionError } from '#domain/subscriptions/subscription/subscription.errors';
import { DAY, MONTHLY, subscriptionMother, T0 } from '../../../../support/billing-subscription-mother';

const at = (iso: string) => new Date(iso);
const types = (s: Subscription) => s.pullDomainEvents().map((e) => e.type);

describe('Subscription.create', () => {
  it('without a trial: incomplete, due at once, and its creation event asks for billing of period 0', () => {
    const s = Subscription.create({ id: 'sub-1', userId: 'u', planId: 'p', productId: 'x', quantity: 3, paymentMethod: 'pm_card_ok', terms: MONTHLY, now: T0 });
    const snap = s.toSnapshot();
    expect(snap).toMatchObject({ status: 'incomplete', nextBillingAt: T0, trialEnd: null, currentPeriodStart: null, attemptSeq: 0, awaitingStock: false });
    expect(s.chargeAmount()).toBe(3 * 1999);
    const [created] = s.pullDomainEvents();
    expect(created).toMatchObject({ type: 'subscriptions.subscription.created', payload: { billing: { periodStartMs: T0.getTime(), attemptSeq: 0 }, amount: 5997 } });
  });

  it('with a trial: trialing until the trial end, which anchors the periods and is when billing is due', () => {
    const s = subscriptionMother.incomplete({ ...MONTHLY, trialDays: 14 });
    const trialEnd = new Date(T0.getTime() + 14 * DAY);
    expect(s.toSnapshot()).toMatchObject({ status: 'trialing', trialEnd, nextBillingAt: trialEnd, billingAnchor: trialEnd, currentPeriodEnd: trialEnd });
    expect(s.billingPeriod().start).toEqual(trialEnd);
  });

  it('refuses a quantity outside 1..1000 and an unknown payment method format', () => {
    const base = { id: 'i', userId: 'u', planId: 'p', productId: 'x', paymentMethod: 'pm_card_ok', terms: MONTHLY, now: T0 };
    expect(() => Subscription.create({ ...base, quantity: 0 })).toThrow(InvalidSubscriptionError);
    expect(() => Subscription.create({ ...base, quantity: 1001 })).toThrow(InvalidSubscriptionError);
    expect(() => Subscription.create({ ...base, quantity: 1, paymentMethod: 'visa' })).toThrow(InvalidSubscriptionError);
  });
});

describe('payment success', () => {
  it('makes the paid period current and the next due at its end, keeping the anchor day (Jan 31 → Feb 28 → Mar 31)', () => {
    const s = subscriptionMother.incomplete(MONTHLY, at('2026-01-31T10:00:00.000Z'));
    s.recordPaymentSuccess({ periodStart: s.billingPeriod().start, now: at('2026-01-31T10:00:01.000Z') });
    expect(s.toSnapshot()).toMatchObject({
      status: 'active',
      currentPeriodStart: at('2026-01-31T10:00:00.000Z'),
      currentPeriodEnd: at('2026-02-28T10:00:00.000Z'),
      nextBillingAt: at('2026-02-28T10:00:00.000Z'),
    });
    expect(types(s)).toEqual(['subscriptions.subscription.status_changed']);
    s.recordPaymentSuccess({ periodStart: at('2026-02-28T10:00:00.000Z'), now: at('2026-02-28T10:00:05.000Z') });
    expect(s.toSnapshot()).toMatchObject({ currentPeriodStart: at('2026-02-28T10:00:00.000Z'), currentPeriodEnd: at('2026-03-31T10:00:00.000Z') });
    expect(types(s)).toEqual([]); // active → active: no status change
  });

  it('applied twice changes nothing the second time', () => {
    const s = subscriptionMother.incomplete();
    const start = s.billingPeriod().start;
    s.recordPaymentSuccess({ periodStart: start, now: T0 });
    const once = s.toSnapshot();
    s.pullDomainEvents();
    s.recordPaymentSuccess({ periodStart: start, now: T0 });
    expect(s.toSnapshot()).toEqual(once);
    expect(s.pullDomainEvents()).toEqual([]);
  });

  it('after a long gap the next period is due at once: a billing-due event asks for it (catch-up, one period per job)', () => {
    const s = subscriptionMother.active(T0);
    const late = new Date(T0.getTime() + 100 * DAY);
    s.recordPaymentSuccess({ periodStart: s.billingPeriod().start, now: late });
    const [due] = s.pullDomainEvents();
    expect(due).toMatchObject({ type: 'subscriptions.subscription.billing_due', payload: { reason: 'catch_up', periodStartMs: s.billingPeriod().start.getTime() } });
  });

  it('for a period that is not the one being billed is refused', () => {
    const s = subscriptionMother.incomplete();
    expect(() => s.recordPaymentSuccess({ periodStart: new Date(T0.getTime() + 40 * DAY), now: T0 })).toThrow(BillingOutcomeMismatchError);
  });
});

describe('dunning', () => {
  it('retries 1, 3 and 5 days after each failure, then cancels with payment_failed after the 4th', () => {
    const s = subscriptionMother.incomplete();
    const period = s.billingPeriod().start;
    let now = T0;
    const retries: number[] = [];
    for (let failure = 1; failure <= 3; failure += 1) {
      s.recordPaymentFailure({ periodStart: period, attemptSeq: s.toSnapshot().attemptSeq, at: now, retryDays: [1, 3, 5] });
      expect(s.status).toBe('past_due');
      const next = s.toSnapshot().nextBillingAt!;
      retries.push((next.getTime() - now.getTime()) / DAY);
      now = next;
    }
    expect(retries).toEqual([1, 3, 5]);
    s.recordPaymentFailure({ periodStart: period, attemptSeq: s.toSnapshot().attemptSeq, at: now, retryDays: [1, 3, 5] });
    expect(s.toSnapshot()).toMatchObject({ status: 'canceled', cancellationReason: 'payment_failed', nextBillingAt: null, canceledAt: now, failedAttempts: 4 });
  });

  it('a failure applied twice counts once', () => {
    const s = subscriptionMother.incomplete();
    const failure = { periodStart: s.billingPeriod().start, attemptSeq: 0, at: T0, retryDays: [1, 3, 5] };
    s.recordPaymentFailure(failure);
    const once = s.toSnapshot();
    s.recordPaymentFailure(failure);
    expect(s.toSnapshot()).toEqual(once);
    expect(once).toMatchObject({ failedAttempts: 1, attemptSeq: 1 });
  });

  it('a payment-method change on past_due retries at once with a new attempt, which counts toward the limit', () => {
    const s = subscriptionMother.pastDue();
    const changedAt = new Date(T0.getTime() + 2 * 3_600_000);
    s.changePaymentMethod('pm_card_ok', changedAt);
    expect(s.toSnapshot()).toMatchObject({ status: 'past_due', attemptSeq: 2, nextBillingAt: changedAt, paymentMethod: 'pm_card_ok' });
    expect(types(s)).toEqual(['subscriptions.subscription.payment_method_changed', 'subscriptions.subscription.billing_due']);
    s.recordPaymentFailure({ periodStart: s.billingPeriod().start, attemptSeq: 2, at: changedAt, retryDays: [1, 3, 5] });
    expect(s.toSnapshot().failedAttempts).toBe(2);
  });

  it('a failure of an older attempt landing after a payment-method retry was asked keeps that retry at once', () => {
    const s = subscriptionMother.incomplete();
    const period = s.billingPeriod().start;
    s.recordPaymentFailure({ periodStart: period, attemptSeq: 0, at: T0, retryDays: [1, 3, 5] }); // seq → 1, retry in 1 day
    const changedAt = new Date(T0.getTime() + 3_600_000);
    s.changePaymentMethod('pm_card_ok', changedAt); // seq → 2, due now
    s.recordPaymentFailure({ periodStart: period, attemptSeq: 1, at: changedAt, retryDays: [1, 3, 5] }); // a late outcome of attempt 1
    expect(s.toSnapshot()).toMatchObject({ attemptSeq: 2, nextBillingAt: changedAt, failedAttempts: 2 });
  });
});

describe('backorder and abandoned attempts', () => {
  it('no stock: status unchanged, awaitingStock, retry after the backorder delay with a new attempt (not a dunning attempt)', () => {
    const s = subscriptionMother.active();
    const period = s.billingPeriod().start;
    s.recordBackorder({ periodStart: period, attemptSeq: 0, at: period, retryMs: 3_600_000 });
    expect(s.toSnapshot()).toMatchObject({ status: 'active', awaitingStock: true, attemptSeq: 1, failedAttempts: 0, nextBillingAt: new Date(period.getTime() + 3_600_000) });
    s.recordPaymentSuccess({ periodStart: period, now: period });
    expect(s.toSnapshot().awaitingStock).toBe(false);
  });

  it('an abandoned attempt moves to a new attempt and asks for it at once while still due', () => {
    const s = subscriptionMother.incomplete();
    s.recordAbandonedAttempt({ periodStart: s.billingPeriod().start, attemptSeq: 0, at: T0 });
    expect(s.toSnapshot().attemptSeq).toBe(1);
    expect(s.pullDomainEvents()).toMatchObject([{ type: 'subscriptions.subscription.billing_due', payload: { attemptSeq: 1, reason: 'attempt_abandoned' } }]);
  });

  it('an outcome for an attempt never started is refused', () => {
    const s = subscriptionMother.incomplete();
    expect(() => s.recordBackorder({ periodStart: s.billingPeriod().start, attemptSeq: 5, at: T0, retryMs: 1 })).toThrow(BillingOutcomeMismatchError);
  });
});

describe('cancellation', () => {
  it('at period end: active stays active, due at its period end, and then ends without a charge', () => {
    const s = subscriptionMother.active();
    const end = s.toSnapshot().currentPeriodEnd!;
    s.cancel(true, T0);
    expect(s.toSnapshot()).toMatchObject({ status: 'active', cancelAtPeriodEnd: true, cancellationReason: 'cancellation_requested', nextBillingAt: end, canceledAt: null });
    expect(() => s.completeScheduledCancellation(new Date(end.getTime() - 1))).toThrow(BillingOutcomeMismatchError);
    s.completeScheduledCancellation(end);
    expect(s.toSnapshot()).toMatchObject({ status: 'canceled', canceledAt: end, nextBillingAt: null });
    expect(s.billingKey()).toBeNull();
  });

  it('at period end for a trial: canceled at the trial end', () => {
    const s = subscriptionMother.trialing();
    s.cancel(true, T0);
    expect(s.toSnapshot().nextBillingAt).toEqual(s.toSnapshot().trialEnd);
  });

  it('now: canceled with the request reason, and a status change plus a cancellation event', () => {
    const s = subscriptionMother.active();
    s.cancel(false, T0);
    expect(s.toSnapshot()).toMatchObject({ status: 'canceled', cancellationReason: 'cancellation_requested', canceledAt: T0 });
    expect(types(s)).toEqual(['subscriptions.subscription.status_changed', 'subscriptions.subscription.canceled']);
  });
});
