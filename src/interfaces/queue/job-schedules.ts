import type { QueueName } from '#application/shared/ports/job-queue.port';
import type { Config } from '#infrastructure/config/config';

/** A repeating job: one BullMQ job scheduler per id, however many worker processes declare it (STACK-NOTES). */
export interface JobSchedule {
  readonly schedulerId: string;
  readonly queue: QueueName;
  readonly jobName: string;
  readonly everyMs: number;
}

/** The repeating jobs of worker-role processes (the billing scan, the reservation sweeper). */
export function jobSchedules(_config: Config): JobSchedule[] {
  return [];
}
