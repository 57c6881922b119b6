import { inject, injectable } from 'tsyringe';
import { BillingAttemptRepository } from '#domain/billing/billing-attempt/billing-attempt.repository';
import type { EventMetadata } from '#domain/shared/domain-event';
import { WallClock } from '#application/billing/ports/wall-clock.port';
import type { ReservationReleaseGuard } from '#application/inventory/ports/reservation-release-guard.port';
import { Clock } from '#application/shared/ports/clock.port';

/**
 * Billing's answer to the reservation sweeper (DESIGN.md D4): before an expired reservation is released, its
 * attempt moves `reserved → abandoned` (or `reserving → abandoned` once its worker's lease expired) in one
 * conditional write. The biller's `reserved → charging` is conditional too, so exactly one of them wins: stock whose
 * charge is under way (charging, charged, fulfilled) is never released. Declined or abandoned attempts' stock may
 * go; a reservation with no attempt is not billing's.
 */
@injectable()
export class BillingReservationReleaseGuard implements ReservationReleaseGuard {
  constructor(
    @inject(BillingAttemptRepository) private readonly attempts: BillingAttemptRepository,
    @inject(Clock) private readonly clock: Clock,
    @inject(WallClock) private readonly wall: WallClock,
  ) {}

  async claimForRelease(reservationId: string, meta: EventMetadata): Promise<boolean> {
    for (let tries = 0; tries < 3; tries += 1) {
      const attempt = await this.attempts.findById(reservationId);
      if (!attempt) return true;
      switch (attempt.state) {
        case 'failed':
        case 'deferred':
        case 'abandoned':
          return true;
        case 'charging':
        case 'charged':
        case 'fulfilled':
          return false;
      }
      const transition = attempt.abandonForRelease(await this.wall.now(), await this.clock.now());
      if (!transition) return false; // reserving, and its worker is alive
      if (await this.attempts.apply(transition, meta)) return true;
      // Lost to the biller (now charging) or to another sweeper: look again.
    }
    return false;
  }
}
