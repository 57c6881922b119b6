import type { QueueName } from '#application/shared/ports/job-queue.port';
import type { Config } from '#infrastructure/config/config';
import { SWEEP_EXPIRED_RESERVATIONS_JOB } from '#interfaces/queue/inventory.worker';
import { BILLING_JOBS } from '#application/billing/billing-jobs';

/** A repeating job: one BullMQ job scheduler per id, however many worker processes declare it (STACK-NOTES). */
export interface JobSchedule {
  readonly schedulerId: string;
  readonly queue: QueueName;
  readonly jobName: string;
  readonly everyMs: number;
}

/** The repeating jobs of worker-role processes (the billing scan, the reservation sweeper). */
export function jobSchedules(config: Config): JobSchedule[] {
  return [
    { schedulerId: 'reservation-sweeper', queue: 'maintenance', jobName: SWEEP_EXPIRED_RESERVATIONS_JOB, everyMs: config.RESERVATION_SWEEP_INTERVAL_MS },
    { schedulerId: 'billing-scan', queue: 'maintenance', jobName: BILLING_JOBS.scan, everyMs: config.BILLING_SCAN_INTERVAL_MS },
  ];
}
