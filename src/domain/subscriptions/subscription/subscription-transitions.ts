/**
 * The one table of what every action does in every status (API.md "Billing rules"). The Subscription aggregate
 * looks every status change up here; nothing else decides a status.
 *
 * An outcome is the status the subscription ends in (possibly the same one), `ignored` (a late billing outcome for a
 * subscription already canceled: nothing changes) or `rejected` (the caller asked for something the status forbids:
 * the aggregate throws).
 */
export const SUBSCRIPTION_STATUSES = ['incomplete', 'trialing', 'active', 'past_due', 'canceled'] as const;
export type SubscriptionStatus = (typeof SUBSCRIPTION_STATUSES)[number];

export const SUBSCRIPTION_ACTIONS = [
  /** Cancel with `atPeriodEnd: false`. */
  'cancel_now',
  /** Cancel with `atPeriodEnd: true`: active/trialing keep running until the period (trial) end, others end now. */
  'cancel_at_period_end',
  /** The period (trial) end of a subscription canceling at period end has come. */
  'complete_scheduled_cancellation',
  'change_payment_method',
  /** A charge for the period being billed succeeded. */
  'record_payment_success',
  /** A charge failed and dunning retries remain. */
  'record_payment_failure',
  /** A charge failed and it was the last one the dunning schedule allows. */
  'record_final_payment_failure',
  /** No center had stock: nothing was charged, billing retries after BACKORDER_RETRY_MS. */
  'record_backorder',
  /** An attempt ended before charging (its reservation expired): billing retries with a new attempt. */
  'record_abandoned_attempt',
] as const;
export type SubscriptionAction = (typeof SUBSCRIPTION_ACTIONS)[number];

export type TransitionOutcome = { readonly to: SubscriptionStatus } | 'ignored' | 'rejected';

const to = (status: SubscriptionStatus): TransitionOutcome => ({ to: status });

export const SUBSCRIPTION_TRANSITIONS: Readonly<Record<SubscriptionStatus, Readonly<Record<SubscriptionAction, TransitionOutcome>>>> = {
  incomplete: {
    cancel_now: to('canceled'),
    cancel_at_period_end: to('canceled'),
    complete_scheduled_cancellation: 'rejected',
    change_payment_method: to('incomplete'),
    record_payment_success: to('active'),
    record_payment_failure: to('past_due'),
    record_final_payment_failure: to('canceled'),
    record_backorder: to('incomplete'),
    record_abandoned_attempt: to('incomplete'),
  },
  trialing: {
    cancel_now: to('canceled'),
    cancel_at_period_end: to('trialing'),
    complete_scheduled_cancellation: to('canceled'),
    change_payment_method: to('trialing'),
    record_payment_success: to('active'),
    record_payment_failure: to('past_due'),
    record_final_payment_failure: to('canceled'),
    record_backorder: to('trialing'),
    record_abandoned_attempt: to('trialing'),
  },
  active: {
    cancel_now: to('canceled'),
    cancel_at_period_end: to('active'),
    complete_scheduled_cancellation: to('canceled'),
    change_payment_method: to('active'),
    record_payment_success: to('active'),
    record_payment_failure: to('past_due'),
    record_final_payment_failure: to('canceled'),
    record_backorder: to('active'),
    record_abandoned_attempt: to('active'),
  },
  past_due: {
    cancel_now: to('canceled'),
    cancel_at_period_end: to('canceled'),
    complete_scheduled_cancellation: 'rejected',
    change_payment_method: to('past_due'),
    record_payment_success: to('active'),
    record_payment_failure: to('past_due'),
    record_final_payment_failure: to('canceled'),
    record_backorder: to('past_due'),
    record_abandoned_attempt: to('past_due'),
  },
  canceled: {
    cancel_now: 'rejected',
    cancel_at_period_end: 'rejected',
    complete_scheduled_cancellation: 'ignored',
    change_payment_method: 'rejected',
    // A charge that succeeded is still fulfilled (order, deduction) but the subscription stays canceled.
    record_payment_success: 'ignored',
    record_payment_failure: 'ignored',
    record_final_payment_failure: 'ignored',
    record_backorder: 'ignored',
    record_abandoned_attempt: 'ignored',
  },
};

export function transitionOutcome(status: SubscriptionStatus, action: SubscriptionAction): TransitionOutcome {
  return SUBSCRIPTION_TRANSITIONS[status][action];
}
