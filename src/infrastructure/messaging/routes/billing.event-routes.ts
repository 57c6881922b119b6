import {
  BILLING_ATTEMPT_ABANDONED,
  BILLING_ATTEMPT_STARTED,
  BILLING_DEFERRED_OUT_OF_STOCK,
  PAYMENT_FAILED,
  PAYMENT_SUCCEEDED,
  type AttemptEventPayload,
} from '#domain/billing/billing-attempt/billing-attempt.events';
import { BILLING_JOBS } from '#application/billing/billing-jobs';
import type { EventEnvelope } from '#application/shared/events/event-envelope';
import { auditEntryFrom, jobFor, type EventRoutes } from '#infrastructure/messaging/event-route';

type Payload = AttemptEventPayload & { chargeId?: string; reason?: string; fulfillmentCenterId?: string };

function attemptAudit(type: string, data: (p: Payload) => Record<string, unknown>) {
  return (e: EventEnvelope) => {
    const p = e.payload as unknown as Payload;
    return auditEntryFrom(e, {
      type,
      subject: { type: 'billing_attempt', id: e.aggregateId },
      refs: { userId: p.userId, subscriptionId: p.subscriptionId, productId: p.productId },
      data: {
        amount: p.amount,
        currency: p.currency,
        quantity: p.quantity,
        periodStart: new Date(p.periodStartMs).toISOString(),
        periodEnd: new Date(p.periodEndMs).toISOString(),
        attemptSeq: p.attemptSeq,
        ...data(p),
      },
    });
  };
}

/** `payment.attempted` (API.md): outcome, reason, amount and the attempt number (1 = the period's first charge). */
const paymentAttempted = (outcome: 'succeeded' | 'failed') =>
  attemptAudit('payment.attempted', (p) => ({
    outcome,
    reason: p.reason ?? null,
    attempt: p.paymentAttempt,
    paymentMethod: p.paymentMethod,
    chargeId: p.chargeId ?? null,
  }));

/** The subscription learns of an unsuccessful attempt through this job (one per attempt). */
const applyOutcome = (outcome: 'failed' | 'deferred' | 'abandoned') => (e: EventEnvelope) => [
  jobFor(e, { queue: 'billing', name: BILLING_JOBS.applyOutcome, jobId: `outcome-${e.aggregateId}`, data: { outcome } }),
];

/** Billing events: where each goes (audit entries and jobs). */
export const billingEventRoutes: EventRoutes = {
  [BILLING_ATTEMPT_STARTED]: {},
  [PAYMENT_SUCCEEDED]: {
    audit: paymentAttempted('succeeded'),
    jobs: (e) => [jobFor(e, { queue: 'fulfillment', name: BILLING_JOBS.fulfill, jobId: `fulfill-${e.aggregateId}`, data: { attemptId: e.aggregateId } })],
  },
  [PAYMENT_FAILED]: {
    audit: paymentAttempted('failed'),
    jobs: applyOutcome('failed'),
  },
  [BILLING_DEFERRED_OUT_OF_STOCK]: {
    audit: attemptAudit('billing.deferred_out_of_stock', (p) => ({ attempt: p.paymentAttempt })),
    jobs: applyOutcome('deferred'),
  },
  [BILLING_ATTEMPT_ABANDONED]: {
    audit: attemptAudit('billing.attempt_abandoned', (p) => ({ reason: p.reason ?? null })),
    jobs: applyOutcome('abandoned'),
  },
};
