import type { JobQueue, JobRequest } from '#application/shared/ports/job-queue.port';
import type { JobHandlers } from '#infrastructure/messaging/job-handler';

/**
 * A queue in memory with BullMQ's id semantics (an id already known is ignored). Tests drive it with `drain`,
 * which runs queued jobs through the same handlers the BullMQ workers use, synchronously and in order.
 */
export class InMemoryJobQueue implements JobQueue {
  readonly #known = new Set<string>();
  readonly #pending: JobRequest[] = [];
  readonly processed: JobRequest[] = [];

  async add(job: JobRequest): Promise<void> {
    await this.addBulk([job]);
  }

  async addBulk(jobs: readonly JobRequest[]): Promise<number> {
    for (const job of jobs) {
      const key = `${job.queue}/${job.jobId}`;
      if (this.#known.has(key)) continue;
      this.#known.add(key);
      this.#pending.push(structuredClone(job));
    }
    return jobs.length;
  }

  get pending(): readonly JobRequest[] {
    return this.#pending;
  }

  /** Runs jobs until none are left (jobs may enqueue more). Returns how many ran. */
  async drain(handlers: JobHandlers, maxJobs = 10_000): Promise<number> {
    let ran = 0;
    while (this.#pending.length > 0) {
      if (ran >= maxJobs) throw new Error(`drain stopped after ${maxJobs} jobs`);
      const job = this.#pending.shift()!;
      const handler = handlers[job.queue]?.[job.name];
      if (!handler) throw new Error(`no handler for ${job.queue}/${job.name}`);
      // Job data crosses a JSON boundary in BullMQ; do the same here so handlers see what they will see in production.
      await handler({ id: job.jobId, name: job.name, data: JSON.parse(JSON.stringify(job.data)), attemptsMade: 0 });
      this.processed.push(job);
      ran += 1;
    }
    return ran;
  }
}
