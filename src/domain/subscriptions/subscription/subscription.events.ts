import type { DomainEvent } from '#domain/shared/domain-event';
import type { SubscriptionStatus } from '#domain/subscriptions/subscription/subscription-transitions';

export const SUBSCRIPTION_CREATED = 'subscriptions.subscription.created';
export const SUBSCRIPTION_BILLING_DUE = 'subscriptions.subscription.billing_due';
export const SUBSCRIPTION_STATUS_CHANGED = 'subscriptions.subscription.status_changed';
export const SUBSCRIPTION_CANCELED = 'subscriptions.subscription.canceled';
export const SUBSCRIPTION_CANCELLATION_SCHEDULED = 'subscriptions.subscription.cancellation_scheduled';
export const SUBSCRIPTION_PAYMENT_METHOD_CHANGED = 'subscriptions.subscription.payment_method_changed';

export type CancellationReason = 'cancellation_requested' | 'payment_failed';

/** Which billing job a due subscription needs: the period (by its start, epoch ms) and the attempt sequence. */
export interface BillingKey {
  readonly periodStartMs: number;
  readonly attemptSeq: number;
}

/** Every subscription event names its owner and product, so audit entries can be found by either. */
interface SubscriptionRefs {
  readonly userId: string;
  readonly productId: string;
}

export type SubscriptionCreatedEvent = DomainEvent<
  SubscriptionRefs & {
    planId: string;
    quantity: number;
    paymentMethod: string;
    status: SubscriptionStatus;
    amount: number;
    currency: string;
    trialEnd: string | null;
    nextBillingAt: string;
    /** Set when the subscription is due at once (no trial): billing starts without waiting for the scan. */
    billing: BillingKey | null;
  }
>;

/** The subscription needs a billing job now (a payment-method retry, or the next period already due: catch-up). */
export type SubscriptionBillingDueEvent = DomainEvent<SubscriptionRefs & BillingKey & { reason: 'payment_method_changed' | 'catch_up' | 'attempt_abandoned' }>;

export type SubscriptionStatusChangedEvent = DomainEvent<SubscriptionRefs & { from: SubscriptionStatus; to: SubscriptionStatus; reason: string }>;

export type SubscriptionCanceledEvent = DomainEvent<SubscriptionRefs & { reason: CancellationReason; previousStatus: SubscriptionStatus }>;

export type SubscriptionCancellationScheduledEvent = DomainEvent<SubscriptionRefs & { cancelAt: string; status: SubscriptionStatus }>;

export type SubscriptionPaymentMethodChangedEvent = DomainEvent<SubscriptionRefs & { from: string; to: string; retryNow: boolean }>;
