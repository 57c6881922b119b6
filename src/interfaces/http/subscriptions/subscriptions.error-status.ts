import type { SubscriptionErrorCode } from '#domain/subscriptions/subscription/subscription.errors';

/** HTTP status of every subscriptions error code (exhaustive: a new code fails to compile until it is mapped). */
export const subscriptionsErrorStatus = {
  INVALID_SUBSCRIPTION: 400,
  SUBSCRIPTION_TRANSITION_NOT_ALLOWED: 409,
  BILLING_OUTCOME_MISMATCH: 409,
} as const satisfies Record<SubscriptionErrorCode, number>;
