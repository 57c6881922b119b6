import { UnrecoverableError, Worker } from 'bullmq';
import type { Redis } from 'ioredis';
import type { QueueName } from '#application/shared/ports/job-queue.port';
import type { Logger } from '#application/shared/ports/logger.port';
import { PermanentJobError, type JobHandlers } from '#infrastructure/messaging/job-handler';

export interface WorkerHostOptions {
  readonly prefix: string;
  readonly concurrency: number;
  readonly lockDurationMs: number;
  readonly stalledIntervalMs: number;
}

/** Runs the in-process BullMQ workers (sandboxed processors do not work on Bun: STACK-NOTES). */
export class BullMqWorkerHost {
  readonly #workers: Worker[] = [];

  constructor(
    private readonly handlers: JobHandlers,
    private readonly createConnection: () => Redis,
    private readonly logger: Logger,
    private readonly options: WorkerHostOptions,
  ) {}

  start(): void {
    for (const [queue, byName] of Object.entries(this.handlers) as Array<[QueueName, JobHandlers[QueueName]]>) {
      if (!byName) continue;
      const worker = new Worker(
        queue,
        async (job) => {
          const handler = byName[job.name];
          if (!handler) throw new UnrecoverableError(`no handler for job ${job.name} on ${queue}`);
          try {
            await handler({ id: job.id ?? '', name: job.name, data: job.data, attemptsMade: job.attemptsMade });
          } catch (error) {
            if (error instanceof PermanentJobError) throw new UnrecoverableError(error.message);
            throw error;
          }
        },
        {
          connection: this.createConnection(),
          prefix: this.options.prefix,
          concurrency: this.options.concurrency,
          lockDuration: this.options.lockDurationMs,
          stalledInterval: this.options.stalledIntervalMs,
          maxStalledCount: 2,
        },
      );
      worker.on('failed', (job, error) =>
        this.logger.warn({ queue, jobId: job?.id, jobName: job?.name, attemptsMade: job?.attemptsMade, err: error }, 'job failed'),
      );
      worker.on('error', (error) => this.logger.error({ queue, err: error }, 'worker error'));
      this.#workers.push(worker);
    }
  }

  /** Stops taking jobs and waits for running ones, at most `timeoutMs` (BullMQ's close has no timeout of its own). */
  async close(timeoutMs: number): Promise<void> {
    const graceful = Promise.all(this.#workers.map((w) => w.close()));
    const timedOut = await Promise.race([graceful.then(() => false), sleep(timeoutMs).then(() => true)]);
    if (timedOut) {
      this.logger.warn({ timeoutMs }, 'workers did not finish in time; forcing close (their jobs return to wait as stalled)');
      await Promise.all(this.#workers.map((w) => w.close(true)));
    }
  }
}

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms).unref?.());
