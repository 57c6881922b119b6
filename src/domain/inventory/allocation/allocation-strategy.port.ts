/** One center's standing for a line: what allocation decides on. */
export interface AllocationCandidate {
  readonly fulfillmentCenterId: string;
  readonly code: string;
  /** 0..1000, lower ships first. */
  readonly priority: number;
  readonly active: boolean;
  readonly available: number;
}

/**
 * Chooses where a billing line is reserved. Returns the centers to try, best first; each must be able to hold the
 * whole line (a line is never split across centers). Reservation tries them in order, because stock read a moment
 * ago may be gone by the time the conditional write runs.
 */
export interface AllocationStrategy {
  rank(candidates: readonly AllocationCandidate[], quantity: number): AllocationCandidate[];
}
export const AllocationStrategy = Symbol('AllocationStrategy');
