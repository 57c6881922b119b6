import { describe, it, expect } from 'bun:test';
import fc from 'fast-check';
import {
  periodAt,
  periodBoundary,
  periodIndexAt,
  periodIndexOfStart,
  periodsFrom,
  type BillingInterval,
} from '../../../../../src/domain/subscriptions/subscription/billing-period.js';

// --- an independent reference ---------------------------------------------------------------------------------------
// Written differently on purpose: months are walked one by one with a hand-written leap-year table, days are added by
// letting Date.UTC normalise an overflowing day-of-month. It never calls the module under test.

const DAYS = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];
const isLeap = (y: number): boolean => (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
const monthLength = (y: number, m: number): number => (m === 1 && isLeap(y) ? 29 : DAYS[m]!);

function referenceBoundary(anchor: Date, interval: BillingInterval, k: number): Date {
  const [y, mo, d] = [anchor.getUTCFullYear(), anchor.getUTCMonth(), anchor.getUTCDate()];
  const time = [anchor.getUTCHours(), anchor.getUTCMinutes(), anchor.getUTCSeconds(), anchor.getUTCMilliseconds()] as const;
  if (interval.unit === 'day' || interval.unit === 'week') {
    const days = (interval.unit === 'week' ? 7 : 1) * interval.count * k;
    return new Date(Date.UTC(y, mo, d + days, ...time));
  }
  let months = (interval.unit === 'year' ? 12 : 1) * interval.count * k;
  let [year, month] = [y, mo];
  while (months > 0) {
    month += 1;
    if (month === 12) [year, month] = [year + 1, 0];
    months -= 1;
  }
  return new Date(Date.UTC(year, month, Math.min(d, monthLength(year, month)), ...time));
}

/** A deliberately wrong implementation: steps from the previous boundary, so the month-end clamp sticks (drift). */
function driftingBoundary(anchor: Date, interval: BillingInterval, k: number): Date {
  let current = anchor;
  for (let i = 0; i < k; i += 1) current = referenceBoundary(current, interval, 1);
  return current;
}

// --- arbitraries (bounds from API.md: day ≤ 365, week ≤ 52, month ≤ 12, year = 1) -----------------------------------

const anchorArb = fc.date({
  min: new Date('1990-01-01T00:00:00.000Z'),
  max: new Date('2100-12-31T23:59:59.999Z'),
  noInvalidDate: true,
});
const intervalArb: fc.Arbitrary<BillingInterval> = fc.oneof(
  fc.record({ unit: fc.constant('day' as const), count: fc.integer({ min: 1, max: 365 }) }),
  fc.record({ unit: fc.constant('week' as const), count: fc.integer({ min: 1, max: 52 }) }),
  fc.record({ unit: fc.constant('month' as const), count: fc.integer({ min: 1, max: 12 }) }),
  fc.record({ unit: fc.constant('year' as const), count: fc.constant(1) }),
);
const kArb = fc.integer({ min: 0, max: 400 });

const boundaryMatches = (impl: (a: Date, i: BillingInterval, k: number) => Date) =>
  fc.property(anchorArb, intervalArb, kArb, (anchor, interval, k) => {
    expect(impl(anchor, interval, k).toISOString()).toBe(referenceBoundary(anchor, interval, k).toISOString());
  });

const iso = (s: string): Date => new Date(s);
const monthly: BillingInterval = { unit: 'month', count: 1 };
const yearly: BillingInterval = { unit: 'year', count: 1 };

describe('billing-period properties', () => {
  it('(a) boundary k equals clamp(anchor + k × interval), counted from the anchor', () => {
    fc.assert(boundaryMatches(periodBoundary), { numRuns: 1000 });
  });

  it('(a) the same property catches a drifting implementation', () => {
    const result = fc.check(boundaryMatches(driftingBoundary), { numRuns: 2000 });
    expect(result.failed).toBe(true);
  });

  it('(b) periods are contiguous and non-empty', () => {
    fc.assert(
      fc.property(anchorArb, intervalArb, kArb, (anchor, interval, k) => {
        const p = periodAt(anchor, interval, k);
        const next = periodAt(anchor, interval, k + 1);
        expect(p.index).toBe(k);
        expect(p.end.getTime()).toBe(next.start.getTime());
        expect(p.start.getTime()).toBeLessThan(p.end.getTime());
      }),
      { numRuns: 500 },
    );
  });

  it('(c) periodIndexAt finds the period containing a random instant', () => {
    fc.assert(
      fc.property(anchorArb, intervalArb, kArb, fc.double({ min: 0, max: 1, maxExcluded: true, noNaN: true }), (anchor, interval, k, f) => {
        const { start, end } = periodAt(anchor, interval, k);
        const at = new Date(start.getTime() + Math.floor(f * (end.getTime() - start.getTime())));
        expect(periodIndexAt(anchor, interval, at)).toBe(k);
      }),
      { numRuns: 1000 },
    );
  });

  it('(c) for any instant at or after the anchor, start <= at < end; before the anchor it is 0', () => {
    const atArb = fc.date({ min: iso('1980-01-01T00:00:00Z'), max: iso('2600-01-01T00:00:00Z'), noInvalidDate: true });
    fc.assert(
      fc.property(anchorArb, intervalArb, atArb, (anchor, interval, at) => {
        const k = periodIndexAt(anchor, interval, at);
        if (at < anchor) return expect(k).toBe(0);
        const { start, end } = periodAt(anchor, interval, k);
        expect(start.getTime()).toBeLessThanOrEqual(at.getTime());
        expect(at.getTime()).toBeLessThan(end.getTime());
      }),
      { numRuns: 1000 },
    );
  });

  it('(d) periodIndexOfStart(boundary(k)) is k, and null just after it', () => {
    fc.assert(
      fc.property(anchorArb, intervalArb, kArb, (anchor, interval, k) => {
        const b = periodBoundary(anchor, interval, k);
        expect(periodIndexOfStart(anchor, interval, b)).toBe(k);
        expect(periodIndexOfStart(anchor, interval, new Date(b.getTime() + 1))).toBeNull();
      }),
      { numRuns: 500 },
    );
  });
});

describe('billing-period golden cases', () => {
  const boundaries = (anchor: Date, interval: BillingInterval, n: number): string[] =>
    Array.from({ length: n }, (_, k) => periodBoundary(anchor, interval, k).toISOString());

  it('monthly from Jan 31 in a non-leap year: Feb 28, then back to Mar 31, Apr 30', () => {
    expect(boundaries(iso('2023-01-31T10:15:30.123Z'), monthly, 4)).toEqual([
      '2023-01-31T10:15:30.123Z',
      '2023-02-28T10:15:30.123Z',
      '2023-03-31T10:15:30.123Z',
      '2023-04-30T10:15:30.123Z',
    ]);
  });

  it('monthly from Jan 31 in a leap year: Feb 29, then Mar 31', () => {
    expect(boundaries(iso('2024-01-31T00:00:00.000Z'), monthly, 3)).toEqual([
      '2024-01-31T00:00:00.000Z',
      '2024-02-29T00:00:00.000Z',
      '2024-03-31T00:00:00.000Z',
    ]);
  });

  it('yearly from Feb 29: Feb 28 in common years, Feb 29 again in 2028', () => {
    expect(boundaries(iso('2024-02-29T12:00:00.000Z'), yearly, 5)).toEqual([
      '2024-02-29T12:00:00.000Z',
      '2025-02-28T12:00:00.000Z',
      '2026-02-28T12:00:00.000Z',
      '2027-02-28T12:00:00.000Z',
      '2028-02-29T12:00:00.000Z',
    ]);
  });

  it('weekly and daily steps', () => {
    expect(periodBoundary(iso('2024-01-01T09:00:00Z'), { unit: 'week', count: 1 }, 3).toISOString()).toBe('2024-01-22T09:00:00.000Z');
    expect(periodBoundary(iso('2024-02-27T09:00:00Z'), { unit: 'day', count: 3 }, 1).toISOString()).toBe('2024-03-01T09:00:00.000Z');
    expect(periodAt(iso('2024-01-01T00:00:00Z'), { unit: 'week', count: 2 }, 1)).toEqual({
      index: 1,
      start: iso('2024-01-15T00:00:00Z'),
      end: iso('2024-01-29T00:00:00Z'),
    });
  });

  it('periodsFrom returns consecutive periods', () => {
    const periods = periodsFrom(iso('2023-01-31T00:00:00Z'), monthly, 1, 3);
    expect(periods.map((p) => [p.index, p.start.toISOString().slice(0, 10), p.end.toISOString().slice(0, 10)])).toEqual([
      [1, '2023-02-28', '2023-03-31'],
      [2, '2023-03-31', '2023-04-30'],
      [3, '2023-04-30', '2023-05-31'],
    ]);
    expect(periodsFrom(iso('2023-01-31T00:00:00Z'), monthly, 5, 0)).toEqual([]);
  });

  it('a 10-year gap on a daily plan gives the index directly', () => {
    const anchor = iso('2015-01-01T08:00:00Z'); // 3653 days to 2025-01-01
    expect(periodIndexAt(anchor, { unit: 'day', count: 1 }, iso('2025-01-01T07:59:59.999Z'))).toBe(3652);
    expect(periodIndexAt(anchor, { unit: 'day', count: 1 }, iso('2025-01-01T08:00:00.000Z'))).toBe(3653);
    expect(periodIndexOfStart(anchor, { unit: 'day', count: 1 }, iso('2025-01-01T08:00:00.000Z'))).toBe(3653);
  });

  it('periodIndexAt does not loop from 0 (huge gaps are instant)', () => {
    const started = performance.now();
    const anchor = iso('1970-01-31T00:00:00Z');
    const far = new Date(8.6e15); // ~ year 274,000: ~1e8 daily periods, ~3.3e6 monthly ones
    const daily = periodIndexAt(anchor, { unit: 'day', count: 1 }, far);
    const months = periodIndexAt(anchor, monthly, far);
    expect(periodBoundary(anchor, { unit: 'day', count: 1 }, daily).getTime()).toBeLessThanOrEqual(far.getTime());
    expect(periodBoundary(anchor, monthly, months).getTime()).toBeLessThanOrEqual(far.getTime());
    expect(performance.now() - started).toBeLessThan(100);
  });

  it('before the anchor: index 0, and no period starts there', () => {
    const anchor = iso('2024-05-10T00:00:00Z');
    expect(periodIndexAt(anchor, monthly, iso('2024-01-01T00:00:00Z'))).toBe(0);
    expect(periodIndexOfStart(anchor, monthly, iso('2024-04-10T00:00:00Z'))).toBeNull();
  });

  it('throws RangeError on invalid input', () => {
    const anchor = iso('2024-01-01T00:00:00Z');
    expect(() => periodBoundary(anchor, monthly, -1)).toThrow(RangeError);
    expect(() => periodBoundary(anchor, monthly, 1.5)).toThrow(RangeError);
    expect(() => periodBoundary(anchor, monthly, Number.NaN)).toThrow(RangeError);
    expect(() => periodBoundary(anchor, { unit: 'month', count: 0 }, 1)).toThrow(RangeError);
    expect(() => periodBoundary(anchor, { unit: 'day', count: 2.5 }, 1)).toThrow(RangeError);
    expect(() => periodBoundary(new Date(Number.NaN), monthly, 1)).toThrow(RangeError);
    expect(() => periodIndexAt(anchor, monthly, new Date(Number.NaN))).toThrow(RangeError);
    expect(() => periodsFrom(anchor, monthly, -1, 2)).toThrow(RangeError);
    expect(() => periodsFrom(anchor, monthly, 0, 1.5)).toThrow(RangeError);
  });
});
