import { AggregateRoot } from '#domain/shared/aggregate-root';
import { Money } from '#domain/shared/money.vo';
import { InvalidPlanError } from '#domain/catalog/plan/plan.errors';
import { PLAN_ARCHIVED, PLAN_CREATED, type PlanArchivedEvent, type PlanCreatedEvent } from '#domain/catalog/plan/plan.events';

export const PLAN_INTERVALS = ['day', 'week', 'month', 'year'] as const;
export type PlanInterval = (typeof PLAN_INTERVALS)[number];

/** intervalCount may reach at most one year (API.md Catalog). */
export const MAX_INTERVAL_COUNT: Readonly<Record<PlanInterval, number>> = { day: 365, week: 52, month: 12, year: 1 };
export const MAX_PLAN_AMOUNT = 99_999_999;
export const MAX_TRIAL_DAYS = 730;

export interface PlanSnapshot {
  readonly id: string;
  readonly name: string;
  /** Integer minor units, 1..99,999,999. */
  readonly amount: number;
  /** ISO 4217, upper case. */
  readonly currency: string;
  readonly interval: PlanInterval;
  readonly intervalCount: number;
  readonly trialDays: number;
  readonly active: boolean;
  readonly createdAt: Date;
  readonly updatedAt: Date;
}

/**
 * A price and a billing cadence. Immutable once created (a price change is a new plan); it can only be archived,
 * after which it takes no new subscriptions.
 */
export class Plan extends AggregateRoot {
  private constructor(
    private readonly id: string,
    private readonly name: string,
    private readonly price: Money,
    private readonly interval: PlanInterval,
    private readonly intervalCount: number,
    private readonly trialDays: number,
    private active: boolean,
    private readonly createdAt: Date,
    private updatedAt: Date,
    version: number,
  ) {
    super(version);
  }

  static create(input: {
    id: string;
    name: string;
    amount: number;
    currency: string;
    interval: PlanInterval;
    intervalCount?: number;
    trialDays?: number;
    now: Date;
  }): Plan {
    const interval = validInterval(input.interval);
    const plan = new Plan(
      input.id,
      validName(input.name),
      validPrice(input.amount, input.currency),
      interval,
      validIntervalCount(interval, input.intervalCount ?? 1),
      validTrialDays(input.trialDays ?? 0),
      true,
      input.now,
      input.now,
      0,
    );
    const s = plan.toSnapshot();
    plan.record({
      type: PLAN_CREATED,
      version: 1,
      aggregateType: 'Plan',
      aggregateId: input.id,
      occurredAt: input.now,
      payload: { name: s.name, amount: s.amount, currency: s.currency, interval: s.interval, intervalCount: s.intervalCount, trialDays: s.trialDays },
    } satisfies PlanCreatedEvent);
    return plan;
  }

  static rehydrate(snapshot: PlanSnapshot, version: number): Plan {
    const s = snapshot;
    return new Plan(s.id, s.name, Money.of(s.amount, s.currency), s.interval, s.intervalCount, s.trialDays, s.active, s.createdAt, s.updatedAt, version);
  }

  get isActive(): boolean {
    return this.active;
  }

  /** Takes the plan out of sale. Archiving an archived plan changes nothing and records nothing. */
  archive(now: Date): void {
    if (!this.active) return;
    this.active = false;
    this.updatedAt = now;
    this.record({
      type: PLAN_ARCHIVED,
      version: 1,
      aggregateType: 'Plan',
      aggregateId: this.id,
      occurredAt: now,
      payload: { name: this.name },
    } satisfies PlanArchivedEvent);
  }

  toSnapshot(): PlanSnapshot {
    return {
      id: this.id,
      name: this.name,
      amount: this.price.amount,
      currency: this.price.currency,
      interval: this.interval,
      intervalCount: this.intervalCount,
      trialDays: this.trialDays,
      active: this.active,
      createdAt: this.createdAt,
      updatedAt: this.updatedAt,
    };
  }
}

function validName(name: string): string {
  const trimmed = name.trim();
  if (trimmed.length < 1 || trimmed.length > 200) throw new InvalidPlanError('name must be 1..200 characters', 'name');
  return trimmed;
}

function validPrice(amount: number, currency: string): Money {
  if (!Number.isInteger(amount) || amount < 1 || amount > MAX_PLAN_AMOUNT) {
    throw new InvalidPlanError(`amount must be an integer of minor units from 1 to ${MAX_PLAN_AMOUNT}`, 'amount');
  }
  if (!Money.isKnownCurrency(currency)) throw new InvalidPlanError(`currency ${currency} is not an ISO 4217 code`, 'currency');
  return Money.of(amount, currency);
}

function validInterval(interval: string): PlanInterval {
  if (!(PLAN_INTERVALS as readonly string[]).includes(interval)) throw new InvalidPlanError('interval must be day, week, month or year', 'interval');
  return interval as PlanInterval;
}

function validIntervalCount(interval: PlanInterval, count: number): number {
  const max = MAX_INTERVAL_COUNT[interval];
  if (!Number.isInteger(count) || count < 1 || count > max) {
    throw new InvalidPlanError(`intervalCount must be an integer from 1 to ${max} for interval ${interval}`, 'intervalCount');
  }
  return count;
}

function validTrialDays(days: number): number {
  if (!Number.isInteger(days) || days < 0 || days > MAX_TRIAL_DAYS) {
    throw new InvalidPlanError(`trialDays must be an integer from 0 to ${MAX_TRIAL_DAYS}`, 'trialDays');
  }
  return days;
}
