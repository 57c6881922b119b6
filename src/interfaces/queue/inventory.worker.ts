import type { DependencyContainer } from 'tsyringe';
import { SYSTEM_ACTOR } from '#domain/shared/domain-event';
import { SweepExpiredReservationsUseCase } from '#application/inventory/sweep-expired-reservations/sweep-expired-reservations.use-case';
import { Logger } from '#application/shared/ports/logger.port';
import type { JobHandlers } from '#infrastructure/messaging/job-handler';

export const SWEEP_EXPIRED_RESERVATIONS_JOB = 'sweep-expired-reservations';

/**
 * Inventory's jobs. The reservation sweeper runs on the `maintenance` queue from a job scheduler (every
 * RESERVATION_SWEEP_INTERVAL_MS); it has no payload, and sweeping twice is harmless (each release is conditional).
 */
export function inventoryJobHandlers(container: DependencyContainer): JobHandlers {
  return {
    maintenance: {
      [SWEEP_EXPIRED_RESERVATIONS_JOB]: async (job) => {
        const result = await container.resolve(SweepExpiredReservationsUseCase).execute({
          // Reservation expiries are leases: real time, not the simulated business clock (DESIGN.md D1).
          now: new Date(),
          actor: SYSTEM_ACTOR,
          correlationId: job.id,
        });
        if (result.released > 0 || result.kept > 0) {
          container.resolve<Logger>(Logger).info({ jobId: job.id, ...result }, 'swept expired reservations');
        }
      },
    },
  };
}
