import type { QueueName } from '#application/shared/ports/job-queue.port';

/** What a job processor sees, independent of BullMQ (so in-memory queues can run the same handlers). */
export interface JobContext {
  readonly id: string;
  readonly name: string;
  readonly data: Readonly<Record<string, unknown>>;
  /** Delivery count so far (0 on the first); only for logging, never for business keys (DESIGN.md D4). */
  readonly attemptsMade: number;
}

export type JobHandler = (job: JobContext) => Promise<void>;

/** Handlers by queue and job name, contributed by `src/interfaces/queue/*.worker.ts`. */
export type JobHandlers = Partial<Record<QueueName, Readonly<Record<string, JobHandler>>>>;

/** Thrown for a job that can never succeed (unknown name, payload that fails its schema): no retries. */
export class PermanentJobError extends Error {
  override readonly name = 'PermanentJobError';
}
