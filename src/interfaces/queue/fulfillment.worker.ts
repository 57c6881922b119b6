import type { DependencyContainer } from 'tsyringe';
import { z } from 'zod';
import { SYSTEM_ACTOR } from '#domain/shared/domain-event';
import { BILLING_JOBS } from '#application/billing/billing-jobs';
import { FulfillPaymentUseCase } from '#application/billing/fulfill-payment/fulfill-payment.use-case';
import type { JobHandlers } from '#infrastructure/messaging/job-handler';
import { correlationOf, EventRefSchema, runPipelineJob } from '#interfaces/queue/billing.worker';

const FulfillJobSchema = z.object({ attemptId: z.string().min(1), jobId: z.string().min(1), event: EventRefSchema });

/** The fulfillment queue: a succeeded payment becomes a deduction, an order and the subscription's next period. */
export function fulfillmentJobHandlers(container: DependencyContainer): JobHandlers {
  return {
    fulfillment: {
      [BILLING_JOBS.fulfill]: (job) =>
        runPipelineJob(job, FulfillJobSchema, (data) =>
          container.resolve(FulfillPaymentUseCase).execute({ attemptId: data.attemptId, actor: SYSTEM_ACTOR, correlationId: correlationOf(data) }),
        ),
    },
  };
}
