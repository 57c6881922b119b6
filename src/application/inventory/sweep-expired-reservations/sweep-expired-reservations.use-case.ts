import { inject, injectable } from 'tsyringe';
import { InventoryItemRepository } from '#domain/inventory/inventory-item/inventory-item.repository';
import { ReservationReleaseGuard } from '#application/inventory/ports/reservation-release-guard.port';
import { Clock } from '#application/shared/ports/clock.port';
import type { UseCaseContext } from '#application/shared/use-case-context';

export interface SweepExpiredReservationsInput extends UseCaseContext {
  /** Real time (reservation expiries are leases, DESIGN.md D1): reservations expired at this instant are swept. */
  readonly now: Date;
  /** Items read per page. */
  readonly batchSize?: number;
}

export interface SweepExpiredReservationsResult {
  readonly released: number;
  /** Expired, but the guard refused (e.g. its charge is under way): left for the biller to commit or release. */
  readonly kept: number;
}

/** Committed reservation ids are remembered this long, so a late repeated commit still answers "already committed". */
export const COMMITTED_RESERVATION_RETENTION_MS = 30 * 86_400_000;

/**
 * The maintenance job that returns stale reservations to available. Before each release it asks the
 * ReservationReleaseGuard (billing moves its attempt `reserved → abandoned` there, and refuses when the charge is
 * already under way: DESIGN.md D4). The release itself is conditional on the reservation still being held, so a
 * commit or release racing the sweeper wins or loses cleanly.
 */
@injectable()
export class SweepExpiredReservationsUseCase {
  constructor(
    @inject(InventoryItemRepository) private readonly items: InventoryItemRepository,
    @inject(ReservationReleaseGuard) private readonly guard: ReservationReleaseGuard,
    @inject(Clock) private readonly clock: Clock,
  ) {}

  async execute(input: SweepExpiredReservationsInput): Promise<SweepExpiredReservationsResult> {
    const meta = { actor: input.actor, correlationId: input.correlationId };
    const limit = input.batchSize ?? 100;
    const occurredAt = await this.clock.now();
    let released = 0;
    let kept = 0;
    let afterId: string | undefined;
    for (;;) {
      const page = await this.items.findWithExpiredReservations(input.now, { limit, ...(afterId ? { afterId } : {}) });
      for (const item of page) {
        for (const reservation of item.expiredReservations(input.now)) {
          if (!(await this.guard.claimForRelease(reservation.reservationId, meta))) {
            kept += 1;
            continue;
          }
          const operation = item.release({ reservationId: reservation.reservationId, reason: 'expired' }, occurredAt);
          if (await this.items.apply(operation, meta)) released += 1;
        }
      }
      if (page.length < limit) break;
      afterId = page.at(-1)!.id;
    }
    await this.items.forgetCommittedBefore(new Date(input.now.getTime() - COMMITTED_RESERVATION_RETENTION_MS));
    return { released, kept };
  }
}
