import type { PaymentFailureReason } from '#domain/billing/billing-attempt/billing-attempt.events';

/**
 * The payment methods v1 accepts: the simulated gateway's (API.md "Subscriptions"). `pm_card_random` fails at
 * PAYMENT_SIMULATED_FAILURE_RATE, deterministically per idempotency key.
 */
export const PAYMENT_METHODS = ['pm_card_ok', 'pm_card_declined', 'pm_card_insufficient_funds', 'pm_card_random'] as const;
export type PaymentMethodId = (typeof PAYMENT_METHODS)[number];
export const isPaymentMethod = (value: string): value is PaymentMethodId => (PAYMENT_METHODS as readonly string[]).includes(value);

export interface ChargeRequest {
  /** `<subscriptionId>-<periodStartMs>-<attemptSeq>` (DESIGN.md D4): the same key always gets the same answer. */
  readonly idempotencyKey: string;
  readonly paymentMethod: string;
  readonly amount: number;
  readonly currency: string;
  /** Stored with the charge, like Stripe's metadata. */
  readonly metadata: Readonly<Record<string, string>>;
}

export type ChargeResult =
  | { readonly status: 'succeeded'; readonly chargeId: string }
  | { readonly status: 'failed'; readonly chargeId: string; readonly reason: PaymentFailureReason };

/** Charges a payment method, idempotent by key: a repeated call replays the first answer and never charges twice. */
export interface PaymentGateway {
  charge(request: ChargeRequest): Promise<ChargeResult>;
}
export const PaymentGateway = Symbol('PaymentGateway');
