import { describe, expect, it } from 'bun:test';
import type { AllocationCandidate } from '#domain/inventory/allocation/allocation-strategy.port';
import { PriorityAllocationStrategy } from '#domain/inventory/allocation/priority-allocation-strategy';

const strategy = new PriorityAllocationStrategy();
const center = (code: string, priority: number, available: number, active = true): AllocationCandidate => ({
  fulfillmentCenterId: `id-${code}`,
  code,
  priority,
  active,
  available,
});
const codes = (list: AllocationCandidate[]) => list.map((c) => c.code);

describe('PriorityAllocationStrategy (API.md: by priority, then most available, then code; never split)', () => {
  it('orders by priority first, lower ships first', () => {
    expect(codes(strategy.rank([center('B', 200, 50), center('A', 10, 5), center('C', 100, 9)], 1))).toEqual(['A', 'C', 'B']);
  });

  it('breaks a priority tie by most available, then by code', () => {
    expect(codes(strategy.rank([center('Z', 100, 5), center('Y', 100, 9), center('X', 100, 5)], 1))).toEqual(['Y', 'X', 'Z']);
  });

  it('leaves out centers that cannot hold the whole line', () => {
    expect(codes(strategy.rank([center('A', 1, 2), center('B', 2, 3), center('C', 3, 10)], 3))).toEqual(['B', 'C']);
    expect(strategy.rank([center('A', 1, 2), center('B', 2, 2)], 3)).toEqual([]);
  });

  it('never offers an inactive center, even the best priority with the most stock', () => {
    expect(codes(strategy.rank([center('BEST', 0, 1000, false), center('OTHER', 500, 1)], 1))).toEqual(['OTHER']);
    expect(strategy.rank([center('BEST', 0, 1000, false)], 1)).toEqual([]);
  });
});
