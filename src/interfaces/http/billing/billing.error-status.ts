import type { BillingAttemptErrorCode } from '#domain/billing/billing-attempt/billing-attempt.errors';

/** HTTP status of every billing error code (exhaustive). Raised by jobs rather than requests; a request that met one conflicts. */
export const billingErrorStatus = {
  BILLING_ATTEMPT_TRANSITION_NOT_ALLOWED: 409,
  BILLING_ATTEMPT_BUSY: 409,
  BILLING_ATTEMPT_INCONSISTENT: 409,
} as const satisfies Record<BillingAttemptErrorCode, number>;
