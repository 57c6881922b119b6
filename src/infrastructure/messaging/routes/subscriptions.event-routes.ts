import {
  SUBSCRIPTION_BILLING_DUE,
  SUBSCRIPTION_CANCELED,
  SUBSCRIPTION_CANCELLATION_SCHEDULED,
  SUBSCRIPTION_CREATED,
  SUBSCRIPTION_PAYMENT_METHOD_CHANGED,
  SUBSCRIPTION_STATUS_CHANGED,
  type BillingKey,
} from '#domain/subscriptions/subscription/subscription.events';
import { BILLING_JOBS, billingJobData, billingJobId } from '#application/billing/billing-jobs';
import type { EventEnvelope } from '#application/shared/events/event-envelope';
import type { JobRequest } from '#application/shared/ports/job-queue.port';
import { auditEntryFrom, jobFor, type EventRoutes } from '#infrastructure/messaging/event-route';

type Payload = { userId: string; productId: string } & Record<string, unknown>;

/** Audit entry about a subscription: refs let the audit filters find it by user, subscription and product. */
function subscriptionAudit(type: string, data: (p: Payload) => Record<string, unknown>) {
  return (e: EventEnvelope) => {
    const p = e.payload as Payload;
    return auditEntryFrom(e, {
      type,
      subject: { type: 'subscription', id: e.aggregateId },
      refs: { userId: p.userId, subscriptionId: e.aggregateId, productId: p.productId },
      data: data(p),
    });
  };
}

/** The billing job for (subscription, period, attempt): its id deduplicates it against the scan (DESIGN.md D4). */
function billingJob(e: EventEnvelope, key: BillingKey): JobRequest {
  return jobFor(e, { queue: 'billing', name: BILLING_JOBS.bill, jobId: billingJobId(e.aggregateId, key), data: billingJobData(e.aggregateId, key) });
}

/** Subscriptions events: where each goes (audit entries and jobs). */
export const subscriptionsEventRoutes: EventRoutes = {
  [SUBSCRIPTION_CREATED]: {
    audit: subscriptionAudit('subscription.created', ({ userId: _u, productId: _p, billing: _b, ...data }) => data),
    // A subscription due at once (no trial) starts billing now, not at the next scan.
    jobs: (e) => {
      const key = (e.payload as { billing: BillingKey | null }).billing;
      return key ? [billingJob(e, key)] : [];
    },
  },
  [SUBSCRIPTION_BILLING_DUE]: {
    jobs: (e) => {
      const { periodStartMs, attemptSeq } = e.payload as unknown as BillingKey;
      return [billingJob(e, { periodStartMs, attemptSeq })];
    },
  },
  [SUBSCRIPTION_STATUS_CHANGED]: {
    audit: subscriptionAudit('subscription.status_changed', ({ from, to, reason }) => ({ from, to, reason })),
  },
  [SUBSCRIPTION_CANCELED]: {
    audit: subscriptionAudit('subscription.canceled', ({ reason, previousStatus }) => ({ reason, previousStatus })),
  },
  [SUBSCRIPTION_CANCELLATION_SCHEDULED]: {
    audit: subscriptionAudit('subscription.cancellation_scheduled', ({ cancelAt, status }) => ({ cancelAt, status })),
  },
  [SUBSCRIPTION_PAYMENT_METHOD_CHANGED]: {
    audit: subscriptionAudit('subscription.payment_method_changed', ({ from, to, retryNow }) => ({ from, to, retryNow })),
  },
};
