import { inject, injectable } from 'tsyringe';
import { SubscriptionRepository, type DuePosition } from '#domain/subscriptions/subscription/subscription.repository';
import { scannedBillingJob } from '#application/billing/billing-jobs';
import { Clock } from '#application/shared/ports/clock.port';
import { JobQueue, type JobRequest } from '#application/shared/ports/job-queue.port';

/** At most this many subscriptions per page, and per `addBulk` (DESIGN.md D4). */
export const BILLING_SCAN_PAGE_SIZE = 500;

export interface RunBillingScanInput {
  /** The request id when an admin (or a clock advance) asked for the scan; scheduled scans correlate each chain by its job id. */
  readonly correlationId?: string;
  readonly pageSize?: number;
}

/**
 * The safety net of billing (DESIGN.md D4): every subscription due now (`nextBillingAt <= now`), in keyset pages on
 * `(nextBillingAt, _id)`, one `addBulk` per page. Job ids are deterministic per (subscription, period, attempt), so
 * overlapping scans (the scheduler, `billing/run`, a clock advance) never enqueue a billing twice. The one use case
 * whose output is jobs.
 */
@injectable()
export class RunBillingScanUseCase {
  constructor(
    @inject(SubscriptionRepository) private readonly subscriptions: SubscriptionRepository,
    @inject(JobQueue) private readonly jobs: JobQueue,
    @inject(Clock) private readonly clock: Clock,
  ) {}

  async execute(input: RunBillingScanInput = {}): Promise<{ enqueued: number }> {
    const limit = Math.min(input.pageSize ?? BILLING_SCAN_PAGE_SIZE, BILLING_SCAN_PAGE_SIZE);
    const now = await this.clock.now();
    let enqueued = 0;
    let after: DuePosition | undefined;
    for (;;) {
      const page = await this.subscriptions.findDue(now, { limit, ...(after ? { after } : {}) });
      const jobs = page.flatMap((subscription): JobRequest[] => {
        const key = subscription.billingKey();
        return key ? [scannedBillingJob(subscription.id, key, input.correlationId)] : [];
      });
      if (jobs.length > 0) enqueued += await this.jobs.addBulk(jobs);
      if (page.length < limit) break;
      const last = page.at(-1)!.toSnapshot();
      after = { nextBillingAt: last.nextBillingAt!, id: last.id };
    }
    return { enqueued };
  }
}
