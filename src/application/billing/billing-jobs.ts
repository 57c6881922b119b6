import type { BillingKey } from '#domain/subscriptions/subscription/subscription.events';
import type { JobRequest } from '#application/shared/ports/job-queue.port';

/** Job names of the billing pipeline (queues per DESIGN.md D2). */
export const BILLING_JOBS = {
  /** billing queue: one attempt at billing one period of one subscription. */
  bill: 'bill-subscription',
  /** billing queue: apply a declined, deferred or abandoned attempt to its subscription. */
  applyOutcome: 'apply-billing-outcome',
  /** fulfillment queue: commit the stock, create the order, advance the subscription. */
  fulfill: 'fulfill-payment',
  /** maintenance queue: the billing scan (scheduled, `billing/run`, clock advance). */
  scan: 'billing-scan',
} as const;

/**
 * `bill-<subscriptionId>-<periodStartMs>-<attemptSeq>` (DESIGN.md D2/D4): one id per attempt, so however many scans,
 * events and relays submit it, BullMQ keeps one job; a retry after a non-success outcome has a new sequence.
 */
export function billingJobId(subscriptionId: string, key: BillingKey): string {
  return `bill-${subscriptionId}-${key.periodStartMs}-${key.attemptSeq}`;
}

/** The billing job data every producer sends (the outbox routes add the originating `event`). */
export function billingJobData(subscriptionId: string, key: BillingKey): { subscriptionId: string; periodStartMs: number; attemptSeq: number } {
  return { subscriptionId, periodStartMs: key.periodStartMs, attemptSeq: key.attemptSeq };
}

/** A billing job submitted by the scan: a chain it starts is correlated by its own job id unless one is given. */
export function scannedBillingJob(subscriptionId: string, key: BillingKey, correlationId?: string): JobRequest {
  const jobId = billingJobId(subscriptionId, key);
  return {
    queue: 'billing',
    name: BILLING_JOBS.bill,
    jobId,
    data: { ...billingJobData(subscriptionId, key), jobId, correlationId: correlationId ?? jobId },
  };
}
