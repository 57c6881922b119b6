import type { EventMetadata } from '#domain/shared/domain-event';

/**
 * Asked by the reservation sweeper before it releases an expired reservation. The billing context binds its own
 * guard, which moves the billing attempt `reserved → abandoned` in one conditional write and answers false when the
 * attempt already moved on (e.g. `charging`), so stock whose charge is under way is never released (DESIGN.md D4).
 * Without billing, every expired reservation may be released.
 */
export interface ReservationReleaseGuard {
  claimForRelease(reservationId: string, meta: EventMetadata): Promise<boolean>;
}
export const ReservationReleaseGuard = Symbol('ReservationReleaseGuard');
