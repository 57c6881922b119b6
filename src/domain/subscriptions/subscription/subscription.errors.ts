import { DomainError } from '#domain/shared/domain-error';
import type { SubscriptionAction, SubscriptionStatus } from '#domain/subscriptions/subscription/subscription-transitions';

/** Input that breaks a subscription rule (quantity, plan terms, payment method). `path` names the field. */
export class InvalidSubscriptionError extends DomainError<'INVALID_SUBSCRIPTION'> {
  readonly code = 'INVALID_SUBSCRIPTION';
  constructor(message: string, readonly path: string) {
    super(message, { path });
  }
}

/** The transition table refuses this action in this status (e.g. canceling a canceled subscription). */
export class SubscriptionTransitionNotAllowedError extends DomainError<'SUBSCRIPTION_TRANSITION_NOT_ALLOWED'> {
  readonly code = 'SUBSCRIPTION_TRANSITION_NOT_ALLOWED';
  constructor(readonly status: SubscriptionStatus, readonly action: SubscriptionAction) {
    super(status === 'canceled' ? 'The subscription is already canceled.' : `Cannot ${action.replaceAll('_', ' ')} a subscription that is ${status}.`, {
      status,
      action,
    });
  }
}

/** A billing outcome that does not belong to this subscription's billing state (a bug or a forged job). */
export class BillingOutcomeMismatchError extends DomainError<'BILLING_OUTCOME_MISMATCH'> {
  readonly code = 'BILLING_OUTCOME_MISMATCH';
}

export type SubscriptionErrorCode =
  | InvalidSubscriptionError['code']
  | SubscriptionTransitionNotAllowedError['code']
  | BillingOutcomeMismatchError['code'];
