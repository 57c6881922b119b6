import type { ReservationReleaseGuard } from '#application/inventory/ports/reservation-release-guard.port';

/**
 * The release guard without billing: every expired reservation may be released. The billing module registers its
 * own guard after this one (DESIGN.md D4), which then wins.
 */
export class AllowAllReservationReleaseGuard implements ReservationReleaseGuard {
  async claimForRelease(): Promise<boolean> {
    return true;
  }
}
