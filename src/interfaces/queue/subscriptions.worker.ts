import type { DependencyContainer } from 'tsyringe';
import { z } from 'zod';
import { SYSTEM_ACTOR } from '#domain/shared/domain-event';
import { BILLING_JOBS } from '#application/billing/billing-jobs';
import { ApplyBillingOutcomeUseCase } from '#application/subscriptions/apply-billing-outcome/apply-billing-outcome.use-case';
import type { JobHandlers } from '#infrastructure/messaging/job-handler';
import { correlationOf, runPipelineJob } from '#interfaces/queue/billing.worker';

/** Job data from an attempt's PaymentFailed / BillingDeferredOutOfStock / abandoned event (the outbox route adds `event`). */
const OutcomeJobSchema = z.object({
  outcome: z.enum(['failed', 'deferred', 'abandoned']),
  jobId: z.string().min(1),
  event: z
    .object({
      correlationId: z.string().min(1),
      occurredAt: z.coerce.date(),
      payload: z
        .object({ subscriptionId: z.string().min(1), periodStartMs: z.number().int(), attemptSeq: z.number().int().min(0), reason: z.string().optional() })
        .passthrough(),
    })
    .passthrough(),
});

/** Billing outcomes that are not successes, applied to their subscription (dunning, backorder, a new attempt). */
export function subscriptionsJobHandlers(container: DependencyContainer): JobHandlers {
  return {
    billing: {
      [BILLING_JOBS.applyOutcome]: (job) =>
        runPipelineJob(job, OutcomeJobSchema, (data) => {
          const { payload, occurredAt } = data.event;
          return container.resolve(ApplyBillingOutcomeUseCase).execute({
            outcome: data.outcome,
            subscriptionId: payload.subscriptionId,
            periodStartMs: payload.periodStartMs,
            attemptSeq: payload.attemptSeq,
            at: occurredAt,
            ...(payload.reason ? { reason: payload.reason } : {}),
            actor: SYSTEM_ACTOR,
            correlationId: correlationOf(data),
          });
        }),
    },
  };
}
