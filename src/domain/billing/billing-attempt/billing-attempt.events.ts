import type { DomainEvent } from '#domain/shared/domain-event';

export const BILLING_ATTEMPT_STARTED = 'billing.billing_attempt.started';
/** PaymentSucceeded: the charge went through; the fulfillment job commits the stock and creates the order. */
export const PAYMENT_SUCCEEDED = 'billing.billing_attempt.payment_succeeded';
/** PaymentFailed: the charge was declined; the reservation is released and the subscription enters dunning. */
export const PAYMENT_FAILED = 'billing.billing_attempt.payment_failed';
/** BillingDeferredOutOfStock: no center could hold the line; nothing was charged. */
export const BILLING_DEFERRED_OUT_OF_STOCK = 'billing.billing_attempt.deferred_out_of_stock';
/** The attempt ended before charging (its reservation expired, or the subscription was canceled first). */
export const BILLING_ATTEMPT_ABANDONED = 'billing.billing_attempt.abandoned';

export type PaymentFailureReason = 'card_declined' | 'insufficient_funds';

/** What every attempt event carries: enough for audit refs and for the subscription to apply the outcome. */
export interface AttemptEventPayload {
  readonly subscriptionId: string;
  readonly userId: string;
  readonly productId: string;
  readonly quantity: number;
  readonly amount: number;
  readonly currency: string;
  readonly paymentMethod: string;
  readonly periodStartMs: number;
  readonly periodEndMs: number;
  readonly attemptSeq: number;
  /** 1 for the period's first charge, 2 for the first dunning retry, … */
  readonly paymentAttempt: number;
}

export type BillingAttemptStartedEvent = DomainEvent<AttemptEventPayload>;
export type PaymentSucceededEvent = DomainEvent<AttemptEventPayload & { chargeId: string; fulfillmentCenterId: string }>;
export type PaymentFailedEvent = DomainEvent<AttemptEventPayload & { chargeId: string; reason: PaymentFailureReason }>;
export type BillingDeferredOutOfStockEvent = DomainEvent<AttemptEventPayload>;
export type BillingAttemptAbandonedEvent = DomainEvent<AttemptEventPayload & { reason: AbandonReason }>;

export type AbandonReason = 'reservation_expired' | 'subscription_canceled';
