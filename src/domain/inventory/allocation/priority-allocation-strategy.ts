import type { AllocationCandidate, AllocationStrategy } from '#domain/inventory/allocation/allocation-strategy.port';

/**
 * The default allocation of API.md: active centers holding enough available stock for the whole line, by
 * `priority` (lower first), then most available, then `code`. Inactive centers are never candidates.
 */
export class PriorityAllocationStrategy implements AllocationStrategy {
  rank(candidates: readonly AllocationCandidate[], quantity: number): AllocationCandidate[] {
    return candidates
      .filter((c) => c.active && c.available >= quantity)
      .sort((a, b) => a.priority - b.priority || b.available - a.available || (a.code < b.code ? -1 : a.code > b.code ? 1 : 0));
  }
}
