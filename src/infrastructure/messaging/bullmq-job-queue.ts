import { Queue, type JobsOptions } from 'bullmq';
import type { Redis } from 'ioredis';
import { QUEUE_NAMES, type JobQueue, type JobRequest, type QueueName } from '#application/shared/ports/job-queue.port';

/**
 * Job options every queue uses (DESIGN.md D2): completed jobs are kept a day so a re-added id is still ignored
 * through any redelivery window; failed jobs are kept as the dead-letter state shown on the dashboard.
 */
export const DEFAULT_JOB_OPTIONS: JobsOptions = {
  removeOnComplete: { age: 86_400 },
  removeOnFail: false,
  attempts: 8,
  backoff: { type: 'exponential', delay: 1_000 },
};

export class BullMqJobQueue implements JobQueue {
  readonly queues: ReadonlyMap<QueueName, Queue>;

  constructor(connection: Redis, prefix: string) {
    this.queues = new Map(
      QUEUE_NAMES.map((name) => {
        const queue = new Queue(name, { connection, prefix, defaultJobOptions: DEFAULT_JOB_OPTIONS });
        // A lost connection is reported by readiness; an 'error' event with no listener would crash the process.
        queue.on('error', () => {});
        return [name, queue] as const;
      }),
    );
  }

  queue(name: QueueName): Queue {
    return this.queues.get(name)!;
  }

  async add(job: JobRequest): Promise<void> {
    await this.queue(job.queue).add(job.name, job.data, { jobId: job.jobId });
  }

  async addBulk(jobs: readonly JobRequest[]): Promise<number> {
    const byQueue = new Map<QueueName, JobRequest[]>();
    for (const job of jobs) byQueue.set(job.queue, [...(byQueue.get(job.queue) ?? []), job]);
    for (const [name, list] of byQueue) {
      await this.queue(name).addBulk(list.map((job) => ({ name: job.name, data: job.data, opts: { jobId: job.jobId } })));
    }
    return jobs.length;
  }

  async close(): Promise<void> {
    await Promise.all([...this.queues.values()].map((q) => q.close()));
  }
}
