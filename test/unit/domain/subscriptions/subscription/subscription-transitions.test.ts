import { describe, expect, it } from 'bun:test';
import type { Subscription } from '#domain/subscriptions/subscription/subscription.aggregate';
import { SubscriptionTransitionNotAllowedError } from '#domain/subscriptions/subscription/subscription.errors';
import { DAY, subscriptionMother, T0 } from '../../../../support/billing-subscription-mother';

type Status = 'incomplete' | 'trialing' | 'active' | 'past_due' | 'canceled';
type Expected = Status | 'ignored' | 'rejected';

/**
 * Expected outcome of every (status, action) pair, written from API.md's billing rules (not read from the code's
 * table). `ignored`: accepted, nothing changes (a late billing outcome for a canceled subscription);
 * `rejected`: a 409-style refusal.
 */
const EXPECTED: Record<Status, Record<string, Expected>> = {
  // "an incomplete or past_due one is canceled at once"; "Failure → past_due (from incomplete too)".
  incomplete: {
    cancel_now: 'canceled',
    cancel_at_period_end: 'canceled',
    complete_scheduled_cancellation: 'rejected',
    change_payment_method: 'incomplete',
    record_payment_success: 'active',
    record_payment_failure: 'past_due',
    record_final_payment_failure: 'canceled',
    record_backorder: 'incomplete', // "the status unchanged"
    record_abandoned_attempt: 'incomplete',
  },
  // "a trialing one is canceled at trial end without a charge".
  trialing: {
    cancel_now: 'canceled',
    cancel_at_period_end: 'trialing',
    complete_scheduled_cancellation: 'canceled',
    change_payment_method: 'trialing',
    record_payment_success: 'active',
    record_payment_failure: 'past_due',
    record_final_payment_failure: 'canceled',
    record_backorder: 'trialing',
    record_abandoned_attempt: 'trialing',
  },
  // "an active subscription stays active until its period end, then canceled".
  active: {
    cancel_now: 'canceled',
    cancel_at_period_end: 'active',
    complete_scheduled_cancellation: 'canceled',
    change_payment_method: 'active',
    record_payment_success: 'active',
    record_payment_failure: 'past_due',
    record_final_payment_failure: 'canceled',
    record_backorder: 'active',
    record_abandoned_attempt: 'active',
  },
  past_due: {
    cancel_now: 'canceled',
    cancel_at_period_end: 'canceled',
    complete_scheduled_cancellation: 'rejected',
    change_payment_method: 'past_due', // "the response still says past_due"
    record_payment_success: 'active',
    record_payment_failure: 'past_due',
    record_final_payment_failure: 'canceled', // "after the last failure → canceled"
    record_backorder: 'past_due',
    record_abandoned_attempt: 'past_due',
  },
  // "already canceled → 409"; "payment-method … canceled → 409"; a charge already made is fulfilled but "the
  // subscription then stays canceled".
  canceled: {
    cancel_now: 'rejected',
    cancel_at_period_end: 'rejected',
    complete_scheduled_cancellation: 'ignored',
    change_payment_method: 'rejected',
    record_payment_success: 'ignored',
    record_payment_failure: 'ignored',
    record_final_payment_failure: 'ignored',
    record_backorder: 'ignored',
    record_abandoned_attempt: 'ignored',
  },
};

const build: Record<Status, () => Subscription> = {
  incomplete: () => subscriptionMother.incomplete(),
  trialing: () => subscriptionMother.trialing(),
  active: () => subscriptionMother.active(),
  past_due: () => subscriptionMother.pastDue(),
  canceled: () => subscriptionMother.canceled(),
};

const LATER = new Date(T0.getTime() + DAY);
const outcome = (s: Subscription) => ({ periodStart: s.billingPeriod().start, attemptSeq: s.toSnapshot().attemptSeq, at: LATER });

/** Each action performed through the aggregate's own method. */
const perform: Record<string, (s: Subscription) => void> = {
  cancel_now: (s) => s.cancel(false, LATER),
  cancel_at_period_end: (s) => s.cancel(true, LATER),
  complete_scheduled_cancellation: (s) => {
    if (s.status === 'active' || s.status === 'trialing') s.cancel(true, LATER);
    const due = s.toSnapshot().nextBillingAt ?? LATER;
    s.completeScheduledCancellation(new Date(Math.max(due.getTime(), LATER.getTime())));
  },
  change_payment_method: (s) => s.changePaymentMethod('pm_card_random', LATER),
  record_payment_success: (s) => s.recordPaymentSuccess({ periodStart: s.billingPeriod().start, now: LATER }),
  record_payment_failure: (s) => s.recordPaymentFailure({ ...outcome(s), retryDays: [1, 3, 5, 7] }),
  record_final_payment_failure: (s) => s.recordPaymentFailure({ ...outcome(s), retryDays: [] }),
  record_backorder: (s) => s.recordBackorder({ ...outcome(s), retryMs: 3_600_000 }),
  record_abandoned_attempt: (s) => s.recordAbandonedAttempt(outcome(s)),
};

describe('subscription transition table: every (status, action) pair', () => {
  for (const status of Object.keys(EXPECTED) as Status[]) {
    for (const [action, expected] of Object.entries(EXPECTED[status])) {
      it(`${status} + ${action} → ${expected}`, () => {
        const subscription = build[status]();
        expect(subscription.status).toBe(status);
        const before = subscription.toSnapshot();
        if (expected === 'rejected') {
          expect(() => perform[action]!(subscription)).toThrow(SubscriptionTransitionNotAllowedError);
          expect(subscription.toSnapshot()).toEqual(before);
          return;
        }
        perform[action]!(subscription);
        if (expected === 'ignored') {
          expect(subscription.toSnapshot()).toEqual(before);
          expect(subscription.pullDomainEvents()).toEqual([]);
          return;
        }
        expect(subscription.status).toBe(expected);
      });
    }
  }

  it('covers every action the aggregate knows', async () => {
    const { SUBSCRIPTION_ACTIONS } = await import('#domain/subscriptions/subscription/subscription-transitions');
    expect(Object.keys(perform).sort()).toEqual([...SUBSCRIPTION_ACTIONS].sort());
    for (const status of Object.keys(EXPECTED) as Status[]) expect(Object.keys(EXPECTED[status]).sort()).toEqual([...SUBSCRIPTION_ACTIONS].sort());
  });
});
