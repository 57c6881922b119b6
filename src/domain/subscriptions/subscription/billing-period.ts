/**
 * Billing-period arithmetic (pure, UTC only).
 *
 * Boundary k is `anchor + k × interval`, always counted from the anchor and never from the previous boundary, so
 * month-end clamping cannot drift: an anchor on Jan 31 gives Feb 28/29, then Mar 31 again (not Mar 28).
 * Month and year steps keep the anchor's UTC day, clamped to the target month's last day, and its time of day.
 * Period k is the half-open interval [boundary(k), boundary(k + 1)).
 */

export type IntervalUnit = 'day' | 'week' | 'month' | 'year';

export interface BillingInterval {
  readonly unit: IntervalUnit;
  /** At least 1. */
  readonly count: number;
}

export interface BillingPeriod {
  readonly index: number;
  readonly start: Date;
  readonly end: Date;
}

const DAY_MS = 86_400_000;

/** k-th boundary: anchor + k × interval, counted from the anchor, month/year steps clamped to the month's end. */
export function periodBoundary(anchor: Date, interval: BillingInterval, k: number): Date {
  const anchorMs = validAnchor(anchor);
  const step = validStep(interval);
  requireIndex(k, 'k');
  return new Date(boundaryMs(anchorMs, step, k));
}

/** The period [boundary(k), boundary(k + 1)). */
export function periodAt(anchor: Date, interval: BillingInterval, k: number): BillingPeriod {
  const start = periodBoundary(anchor, interval, k);
  const end = periodBoundary(anchor, interval, k + 1);
  return { index: k, start, end };
}

/**
 * Index of the period containing `at`: the largest k >= 0 with boundary(k) <= at; 0 if `at` is before the anchor.
 * Constant time: exact division for fixed-length units, an estimate from the month difference then a small adjustment
 * for calendar units.
 */
export function periodIndexAt(anchor: Date, interval: BillingInterval, at: Date): number {
  const anchorMs = validAnchor(anchor);
  const step = validStep(interval);
  const atMs = validDate(at, 'at');
  if (atMs < anchorMs) return 0;

  if (step.kind === 'ms') return Math.floor((atMs - anchorMs) / step.size);

  const a = new Date(anchorMs);
  const t = new Date(atMs);
  const monthDiff =
    (t.getUTCFullYear() - a.getUTCFullYear()) * 12 + (t.getUTCMonth() - a.getUTCMonth());
  let k = Math.max(0, Math.floor(monthDiff / step.size));
  while (k > 0 && boundaryMs(anchorMs, step, k) > atMs) k -= 1;
  while (boundaryMs(anchorMs, step, k + 1) <= atMs) k += 1;
  return k;
}

/** Index of the period whose start equals `start` exactly, or null. */
export function periodIndexOfStart(anchor: Date, interval: BillingInterval, start: Date): number | null {
  const startMs = validDate(start, 'start');
  if (startMs < validAnchor(anchor)) return null;
  const k = periodIndexAt(anchor, interval, start);
  return periodBoundary(anchor, interval, k).getTime() === startMs ? k : null;
}

/** `count` consecutive periods starting at index `fromIndex`. */
export function periodsFrom(
  anchor: Date,
  interval: BillingInterval,
  fromIndex: number,
  count: number,
): BillingPeriod[] {
  requireIndex(fromIndex, 'fromIndex');
  requireIndex(count, 'count');
  const periods: BillingPeriod[] = [];
  for (let i = 0; i < count; i += 1) periods.push(periodAt(anchor, interval, fromIndex + i));
  return periods;
}

// --- internals ---------------------------------------------------------------------------------------------------

/** A fixed-length step in milliseconds, or a calendar step in months. */
type Step = { readonly kind: 'ms' | 'months'; readonly size: number };

function boundaryMs(anchorMs: number, step: Step, k: number): number {
  const ms = step.kind === 'ms' ? anchorMs + step.size * k : addMonthsClamped(anchorMs, step.size * k);
  if (!Number.isFinite(ms) || Math.abs(ms) > 8.64e15) throw new RangeError(`boundary ${k} is out of the Date range`);
  return ms;
}

function addMonthsClamped(anchorMs: number, months: number): number {
  const a = new Date(anchorMs);
  const total = a.getUTCFullYear() * 12 + a.getUTCMonth() + months;
  const year = Math.floor(total / 12);
  const month = total - year * 12;
  const day = Math.min(a.getUTCDate(), daysInMonth(year, month));
  const d = new Date(0);
  d.setUTCFullYear(year, month, day); // unlike Date.UTC, keeps years 0..99 as they are
  d.setUTCHours(a.getUTCHours(), a.getUTCMinutes(), a.getUTCSeconds(), a.getUTCMilliseconds());
  return d.getTime();
}

function daysInMonth(year: number, month: number): number {
  const d = new Date(0);
  d.setUTCFullYear(year, month + 1, 0); // day 0 of the next month is the last day of this one
  return d.getUTCDate();
}

function validStep(interval: BillingInterval): Step {
  const { unit, count } = interval;
  if (!Number.isSafeInteger(count) || count < 1) {
    throw new RangeError(`interval count must be an integer >= 1, got ${count}`);
  }
  switch (unit) {
    case 'day':
      return { kind: 'ms', size: DAY_MS * count };
    case 'week':
      return { kind: 'ms', size: 7 * DAY_MS * count };
    case 'month':
      return { kind: 'months', size: count };
    case 'year':
      return { kind: 'months', size: 12 * count };
    default:
      throw new RangeError(`unknown interval unit: ${String(unit)}`);
  }
}

function validAnchor(anchor: Date): number {
  return validDate(anchor, 'anchor');
}

function validDate(value: Date, name: string): number {
  const ms = value instanceof Date ? value.getTime() : Number.NaN;
  if (Number.isNaN(ms)) throw new RangeError(`${name} must be a valid Date`);
  return ms;
}

function requireIndex(value: number, name: string): void {
  if (!Number.isSafeInteger(value) || value < 0) {
    throw new RangeError(`${name} must be an integer >= 0, got ${value}`);
  }
}
