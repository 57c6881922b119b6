import { describe, expect, it } from 'bun:test';
import { RunBillingScanUseCase } from '#application/billing/run-billing-scan/run-billing-scan.use-case';
import type { JobRequest } from '#application/shared/ports/job-queue.port';
import { billingHarness, DAY } from '../../../support/billing-harness';

async function dueSubscriptions(count: number) {
  const h = billingHarness();
  const productId = await h.product();
  const planId = await h.plan({ trialDays: 3 }); // trials: nothing is enqueued at creation, the scan must find them
  await h.stock(productId, await h.defaultCenter(), count);
  const ids: string[] = [];
  for (let i = 0; i < count; i += 1) ids.push((await h.subscribe({ planId, productId })).id);
  await h.drain();
  const bulks: number[] = [];
  const addBulk = h.queue.addBulk.bind(h.queue);
  h.queue.addBulk = async (jobs: readonly JobRequest[]) => {
    bulks.push(jobs.length);
    return addBulk(jobs);
  };
  await h.clock.advance(3 * DAY);
  return { h, ids, bulks };
}

describe('the billing scan', () => {
  it('submits every due subscription in keyset pages of at most 500, one addBulk per page', async () => {
    const { h, ids, bulks } = await dueSubscriptions(1001);
    const result = await h.container.resolve(RunBillingScanUseCase).execute();
    expect(result).toEqual({ enqueued: 1001 });
    expect(bulks).toEqual([500, 500, 1]);
    expect(new Set(h.queue.pending.map((j) => j.data.subscriptionId))).toEqual(new Set(ids));
  });

  it('job ids are per (subscription, period, attempt) and correlate the chain they start; overlapping scans never enqueue twice', async () => {
    const { h, ids } = await dueSubscriptions(5);
    const scan = h.container.resolve(RunBillingScanUseCase);
    await Promise.all([scan.execute(), scan.execute({ pageSize: 2 }), scan.execute({ correlationId: 'req-run' })]);
    expect(h.queue.pending).toHaveLength(5);
    for (const job of h.queue.pending) {
      const sub = h.subscription(job.data.subscriptionId as string);
      expect(job.jobId).toBe(`bill-${sub.id}-${sub.trialEnd!.getTime()}-0`);
      expect(job.jobId).not.toContain(':');
      expect(job.data).toMatchObject({ periodStartMs: sub.trialEnd!.getTime(), attemptSeq: 0, jobId: job.jobId });
    }
    await h.drain();
    expect(ids.every((id) => h.subscription(id).status === 'active')).toBe(true);
    expect(await scan.execute()).toEqual({ enqueued: 0 }); // nothing due any more
  });
});
