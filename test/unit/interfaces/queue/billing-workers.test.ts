import { describe, expect, it } from 'bun:test';
import { BillingAttemptBusyError } from '#domain/billing/billing-attempt/billing-attempt.errors';
import { ConcurrencyError } from '#domain/shared/domain-error';
import { SubscriptionTransitionNotAllowedError } from '#domain/subscriptions/subscription/subscription.errors';
import { NotFoundError } from '#application/shared/application-error';
import { PermanentJobError, type JobContext } from '#infrastructure/messaging/job-handler';
import { runPipelineJob } from '#interfaces/queue/billing.worker';
import { z } from 'zod';
import { billingHarness } from '../../../support/billing-harness';

const job = (data: Record<string, unknown>, name = 'bill-subscription'): JobContext => ({ id: 'job-1', name, data, attemptsMade: 0 });

describe('billing pipeline workers', () => {
  it('a payload that fails its schema is a permanent failure (no retries), for each of the pipeline’s jobs', async () => {
    const h = billingHarness();
    await expect(h.handlers.billing!['bill-subscription']!(job({ subscriptionId: 's', periodStartMs: 'soon', attemptSeq: 0, jobId: 'j' }))).rejects.toBeInstanceOf(PermanentJobError);
    await expect(h.handlers.billing!['apply-billing-outcome']!(job({ outcome: 'refunded', jobId: 'j' }))).rejects.toBeInstanceOf(PermanentJobError);
    await expect(h.handlers.fulfillment!['fulfill-payment']!(job({ jobId: 'j' }))).rejects.toBeInstanceOf(PermanentJobError);
  });

  it('maps domain errors to retry (lost races, busy attempts) or fail (what no retry can fix)', async () => {
    const run = (error: Error) => runPipelineJob(job({}), z.object({}), async () => Promise.reject(error));
    await expect(run(new BillingAttemptBusyError('busy'))).rejects.toBeInstanceOf(BillingAttemptBusyError);
    await expect(run(new ConcurrencyError('Subscription', 'x'))).rejects.toBeInstanceOf(ConcurrencyError);
    await expect(run(new Error('connection reset'))).rejects.toThrow('connection reset');
    await expect(run(new NotFoundError('subscription', 'x'))).rejects.toBeInstanceOf(PermanentJobError);
    await expect(run(new SubscriptionTransitionNotAllowedError('canceled', 'cancel_now'))).rejects.toBeInstanceOf(PermanentJobError);
  });

  it('a billing job for a subscription that does not exist (or moved on) completes without doing anything', async () => {
    const h = billingHarness();
    await h.handlers.billing!['bill-subscription']!(job({ subscriptionId: h.ids.next(), periodStartMs: 0, attemptSeq: 0, jobId: 'j' }));
    expect(h.gateway.ledger()).toEqual([]);
  });
});
