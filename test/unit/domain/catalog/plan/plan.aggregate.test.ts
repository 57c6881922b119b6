import { describe, expect, it } from 'bun:test';
import { Plan, type PlanInterval } from '#domain/catalog/plan/plan.aggregate';
import { InvalidPlanError } from '#domain/catalog/plan/plan.errors';

const now = new Date('2026-03-01T12:00:00.000Z');
const id = '0190a6f4-5b7e-7c4a-9f1e-2d3c4b5a6978';
const base = { id, name: 'Monthly', amount: 1999, currency: 'eur', interval: 'month' as PlanInterval, now };

function pathOf(fn: () => unknown): string {
  try {
    fn();
  } catch (error) {
    if (error instanceof InvalidPlanError) return error.path;
    throw error;
  }
  throw new Error('expected an InvalidPlanError');
}

describe('Plan', () => {
  it('is created active with defaults intervalCount 1 and trialDays 0, currency upper-cased', () => {
    const plan = Plan.create(base);
    expect(plan.toSnapshot()).toEqual({
      id,
      name: 'Monthly',
      amount: 1999,
      currency: 'EUR',
      interval: 'month',
      intervalCount: 1,
      trialDays: 0,
      active: true,
      createdAt: now,
      updatedAt: now,
    });
    expect(plan.pullDomainEvents()).toMatchObject([
      { type: 'catalog.plan.created', payload: { name: 'Monthly', amount: 1999, currency: 'EUR', interval: 'month', intervalCount: 1, trialDays: 0 } },
    ]);
  });

  it('accepts amounts 1..99,999,999 and nothing else', () => {
    expect(Plan.create({ ...base, amount: 1 }).toSnapshot().amount).toBe(1);
    expect(Plan.create({ ...base, amount: 99_999_999 }).toSnapshot().amount).toBe(99_999_999);
    for (const amount of [0, -1, 100_000_000, 10.5, Number.NaN]) expect(pathOf(() => Plan.create({ ...base, amount }))).toBe('amount');
  });

  it('accepts any ISO 4217 currency in any case and refuses unknown codes', () => {
    expect(Plan.create({ ...base, currency: 'jPy' }).toSnapshot().currency).toBe('JPY');
    for (const currency of ['ZZZ', 'EURO', '', 'E1R']) expect(pathOf(() => Plan.create({ ...base, currency }))).toBe('currency');
  });

  it('bounds intervalCount to at most one year per unit', () => {
    const limits: Array<[PlanInterval, number]> = [
      ['day', 365],
      ['week', 52],
      ['month', 12],
      ['year', 1],
    ];
    for (const [interval, max] of limits) {
      expect(Plan.create({ ...base, interval, intervalCount: max }).toSnapshot().intervalCount).toBe(max);
      expect(pathOf(() => Plan.create({ ...base, interval, intervalCount: max + 1 }))).toBe('intervalCount');
      expect(pathOf(() => Plan.create({ ...base, interval, intervalCount: 0 }))).toBe('intervalCount');
    }
    expect(pathOf(() => Plan.create({ ...base, intervalCount: 1.5 }))).toBe('intervalCount');
    expect(pathOf(() => Plan.create({ ...base, interval: 'fortnight' as PlanInterval }))).toBe('interval');
  });

  it('bounds trialDays to 0..730', () => {
    expect(Plan.create({ ...base, trialDays: 730 }).toSnapshot().trialDays).toBe(730);
    for (const trialDays of [-1, 731, 2.5]) expect(pathOf(() => Plan.create({ ...base, trialDays }))).toBe('trialDays');
  });

  it('is immutable: archiving is the only change, and only once', () => {
    const methods = Object.getOwnPropertyNames(Plan.prototype).filter((m) => m !== 'constructor');
    expect(methods.sort()).toEqual(['archive', 'isActive', 'toSnapshot']);
    const plan = Plan.rehydrate(Plan.create(base).toSnapshot(), 1);
    plan.archive(new Date('2026-03-05T00:00:00.000Z'));
    plan.archive(new Date('2026-03-06T00:00:00.000Z'));
    expect(plan.toSnapshot()).toMatchObject({ active: false, amount: 1999, updatedAt: new Date('2026-03-05T00:00:00.000Z') });
    expect(plan.pullDomainEvents().map((e) => e.type)).toEqual(['catalog.plan.archived']);
  });
});
