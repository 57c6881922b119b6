/** The queues of DESIGN.md D2. */
export const QUEUE_NAMES = ['billing', 'fulfillment', 'maintenance'] as const;
export type QueueName = (typeof QUEUE_NAMES)[number];

/** One job to enqueue. `jobId` deduplicates (no `:`, never all digits: DESIGN.md D2). */
export interface JobRequest {
  readonly queue: QueueName;
  readonly name: string;
  readonly jobId: string;
  readonly data: Readonly<Record<string, unknown>>;
}

/**
 * Enqueues jobs. Only the outbox relay and the billing scan use it (DESIGN.md D3): use cases record events instead.
 */
export interface JobQueue {
  add(job: JobRequest): Promise<void>;
  /** Returns how many jobs were submitted (ids already known to the queue are ignored by it). */
  addBulk(jobs: readonly JobRequest[]): Promise<number>;
}
export const JobQueue = Symbol('JobQueue');
