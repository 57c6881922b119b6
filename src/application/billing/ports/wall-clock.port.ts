/**
 * Real time, for what DESIGN.md D1 keeps out of business time: attempt leases and reservation expiries. Never
 * simulated, so advancing the simulation clock cannot expire a lease a live worker holds.
 */
export interface WallClock {
  now(): Promise<Date>;
}
export const WallClock = Symbol('WallClock');
