import type { DependencyContainer } from 'tsyringe';
import { z } from 'zod';
import type { BillingAttemptErrorCode } from '#domain/billing/billing-attempt/billing-attempt.errors';
import type { OrderErrorCode } from '#domain/orders/order/order.errors';
import { DomainError, type SharedDomainErrorCode } from '#domain/shared/domain-error';
import { SYSTEM_ACTOR } from '#domain/shared/domain-event';
import type { SubscriptionErrorCode } from '#domain/subscriptions/subscription/subscription.errors';
import { BillSubscriptionUseCase } from '#application/billing/bill-subscription/bill-subscription.use-case';
import { BILLING_JOBS } from '#application/billing/billing-jobs';
import { RunBillingScanUseCase } from '#application/billing/run-billing-scan/run-billing-scan.use-case';
import { ApplicationError, type ApplicationErrorCode } from '#application/shared/application-error';
import { IdGenerator } from '#application/shared/ports/id-generator.port';
import { Logger } from '#application/shared/ports/logger.port';
import { PermanentJobError, type JobContext, type JobHandlers } from '#infrastructure/messaging/job-handler';

type BillingPipelineErrorCode = SharedDomainErrorCode | ApplicationErrorCode | SubscriptionErrorCode | BillingAttemptErrorCode | OrderErrorCode;

/**
 * What a billing-pipeline job does with each error (STYLE.md rule 14): `retry` (BullMQ backoff; the step is
 * idempotent and another try can succeed: a lost race, a busy attempt) or `fail` (no retry can help: the job is
 * kept as failed, the dead-letter state an operator sees). Errors without a code (network, database) are retried.
 */
export const BILLING_JOB_ERROR_POLICY = {
  CONCURRENCY_CONFLICT: 'retry',
  UNIQUE_CONSTRAINT: 'retry',
  BILLING_ATTEMPT_BUSY: 'retry',
  RATE_LIMITED: 'retry',
  INVARIANT_VIOLATION: 'fail',
  NOT_FOUND: 'fail',
  CONFLICT: 'fail',
  FORBIDDEN: 'fail',
  UNAUTHORIZED: 'fail',
  VALIDATION: 'fail',
  INVALID_SUBSCRIPTION: 'fail',
  SUBSCRIPTION_TRANSITION_NOT_ALLOWED: 'fail',
  BILLING_OUTCOME_MISMATCH: 'fail',
  BILLING_ATTEMPT_TRANSITION_NOT_ALLOWED: 'fail',
  BILLING_ATTEMPT_INCONSISTENT: 'fail',
  ORDER_REQUIRES_CHARGED_ATTEMPT: 'fail',
} as const satisfies Record<BillingPipelineErrorCode, 'retry' | 'fail'>;

/** Parses the job's data (a payload that fails its schema can never succeed: no retry), runs it, maps errors. */
export async function runPipelineJob<T extends z.ZodTypeAny>(job: JobContext, schema: T, run: (data: z.output<T>) => Promise<unknown>): Promise<void> {
  const parsed = schema.safeParse(job.data);
  if (!parsed.success) throw new PermanentJobError(`job ${job.name} ${job.id} has an invalid payload: ${parsed.error.message}`);
  try {
    await run(parsed.data);
  } catch (error) {
    if ((error instanceof DomainError || error instanceof ApplicationError) && BILLING_JOB_ERROR_POLICY[error.code as BillingPipelineErrorCode] === 'fail') {
      throw new PermanentJobError(`${error.code}: ${error.message}`);
    }
    throw error;
  }
}

/** The correlation id of a job's chain: the originating request's (carried in the event), else the job's own id (D3). */
export const correlationOf = (data: { jobId: string; correlationId?: string | undefined; event?: { correlationId: string } | undefined }) =>
  data.event?.correlationId ?? data.correlationId ?? data.jobId;

export const EventRefSchema = z.object({ correlationId: z.string().min(1) }).passthrough();

const BillJobSchema = z.object({
  subscriptionId: z.string().min(1),
  periodStartMs: z.number().int(),
  attemptSeq: z.number().int().min(0),
  jobId: z.string().min(1),
  correlationId: z.string().min(1).optional(),
  event: EventRefSchema.optional(),
});

/** The billing queue's billing job and the maintenance queue's scan. */
export function billingJobHandlers(container: DependencyContainer): JobHandlers {
  const ids = container.resolve<IdGenerator>(IdGenerator);
  const logger = container.resolve<Logger>(Logger);
  return {
    billing: {
      [BILLING_JOBS.bill]: (job) =>
        runPipelineJob(job, BillJobSchema, async (data) => {
          const correlationId = correlationOf(data);
          const outcome = await container.resolve(BillSubscriptionUseCase).execute({
            subscriptionId: data.subscriptionId,
            periodStartMs: data.periodStartMs,
            attemptSeq: data.attemptSeq,
            // Each delivery is its own lease owner: a redelivered copy must claim the attempt like any other worker.
            worker: `${job.id}#${ids.next()}`,
            actor: SYSTEM_ACTOR,
            correlationId,
          });
          if (outcome !== 'skipped') logger.info({ jobId: job.id, subscriptionId: data.subscriptionId, outcome, correlationId }, 'billing job done');
        }),
    },
    maintenance: {
      [BILLING_JOBS.scan]: async () => {
        const { enqueued } = await container.resolve(RunBillingScanUseCase).execute();
        if (enqueued > 0) logger.info({ enqueued }, 'billing scan enqueued due subscriptions');
      },
    },
  };
}
