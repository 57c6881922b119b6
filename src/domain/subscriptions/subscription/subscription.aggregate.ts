import { AggregateRoot } from '#domain/shared/aggregate-root';
import type { DomainEvent } from '#domain/shared/domain-event';
import { Money } from '#domain/shared/money.vo';
import { periodAt, type BillingInterval, type BillingPeriod, type IntervalUnit } from '#domain/subscriptions/subscription/billing-period';
import {
  BillingOutcomeMismatchError,
  InvalidSubscriptionError,
  SubscriptionTransitionNotAllowedError,
} from '#domain/subscriptions/subscription/subscription.errors';
import {
  SUBSCRIPTION_BILLING_DUE,
  SUBSCRIPTION_CANCELED,
  SUBSCRIPTION_CANCELLATION_SCHEDULED,
  SUBSCRIPTION_CREATED,
  SUBSCRIPTION_PAYMENT_METHOD_CHANGED,
  SUBSCRIPTION_STATUS_CHANGED,
  type BillingKey,
  type CancellationReason,
  type SubscriptionBillingDueEvent,
  type SubscriptionCanceledEvent,
  type SubscriptionCancellationScheduledEvent,
  type SubscriptionCreatedEvent,
  type SubscriptionPaymentMethodChangedEvent,
  type SubscriptionStatusChangedEvent,
} from '#domain/subscriptions/subscription/subscription.events';
import {
  transitionOutcome,
  type SubscriptionAction,
  type SubscriptionStatus,
} from '#domain/subscriptions/subscription/subscription-transitions';

const DAY_MS = 86_400_000;
const MAX_QUANTITY = 1000;
const PAYMENT_METHOD = /^pm_[A-Za-z0-9_]{1,64}$/;

/** The plan's terms, copied when the subscription is created (plans are immutable: a price change is a new plan). */
export interface PlanTerms {
  readonly amount: number;
  readonly currency: string;
  readonly interval: IntervalUnit;
  readonly intervalCount: number;
  readonly trialDays: number;
}

export interface SubscriptionSnapshot {
  readonly id: string;
  readonly userId: string;
  readonly planId: string;
  readonly productId: string;
  readonly quantity: number;
  readonly paymentMethod: string;
  readonly status: SubscriptionStatus;
  readonly terms: PlanTerms;
  /** Period boundaries are counted from here (the creation time, or the trial end): `anchor + k × interval`. */
  readonly billingAnchor: Date;
  /** Index of the next period to bill (0 = the first). */
  readonly nextPeriodIndex: number;
  readonly currentPeriodStart: Date | null;
  readonly currentPeriodEnd: Date | null;
  /** When the next billing job is due; null once canceled. */
  readonly nextBillingAt: Date | null;
  readonly trialEnd: Date | null;
  readonly cancelAtPeriodEnd: boolean;
  readonly cancellationReason: CancellationReason | null;
  readonly canceledAt: Date | null;
  readonly awaitingStock: boolean;
  /** Sequence of the next billing attempt; goes up on every outcome that is not a success and on a payment-method retry. */
  readonly attemptSeq: number;
  /** Highest attempt sequence whose outcome was applied (so applying one twice changes nothing); -1 for none. */
  readonly settledAttemptSeq: number;
  /** Failed charges for the period being billed (dunning); back to 0 after a success. */
  readonly failedAttempts: number;
  readonly createdAt: Date;
  readonly updatedAt: Date;
}

type State = { -readonly [K in keyof SubscriptionSnapshot]: SubscriptionSnapshot[K] };

export interface CreateSubscriptionInput {
  readonly id: string;
  readonly userId: string;
  readonly planId: string;
  readonly productId: string;
  readonly quantity: number;
  readonly paymentMethod: string;
  readonly terms: PlanTerms;
  readonly now: Date;
}

/** The outcome of one billing attempt for the period being billed, as the billing context reports it. */
export interface AttemptOutcome {
  readonly periodStart: Date;
  readonly attemptSeq: number;
  /** Business time of the outcome: retries are scheduled from it. */
  readonly at: Date;
}

/**
 * A customer's subscription to a product on a plan (API.md "Subscriptions"). Every status change goes through
 * `SUBSCRIPTION_TRANSITIONS`; billing outcomes arrive as method calls keyed by period and attempt, so applying one
 * twice, late or out of order changes nothing.
 */
export class Subscription extends AggregateRoot {
  private constructor(private readonly s: State, version: number) {
    super(version);
  }

  static create(input: CreateSubscriptionInput): Subscription {
    const terms = validTerms(input.terms);
    const quantity = validQuantity(input.quantity);
    const paymentMethod = validPaymentMethod(input.paymentMethod);
    const now = input.now;
    const trialEnd = terms.trialDays > 0 ? new Date(now.getTime() + terms.trialDays * DAY_MS) : null;
    const anchor = trialEnd ?? now;
    const subscription = new Subscription(
      {
        id: input.id,
        userId: input.userId,
        planId: input.planId,
        productId: input.productId,
        quantity,
        paymentMethod,
        status: trialEnd ? 'trialing' : 'incomplete',
        terms,
        billingAnchor: anchor,
        nextPeriodIndex: 0,
        // Like Stripe, a trial is the current (free) period; without one there is no period until the first payment.
        currentPeriodStart: trialEnd ? now : null,
        currentPeriodEnd: trialEnd,
        nextBillingAt: anchor,
        trialEnd,
        cancelAtPeriodEnd: false,
        cancellationReason: null,
        canceledAt: null,
        awaitingStock: false,
        attemptSeq: 0,
        settledAttemptSeq: -1,
        failedAttempts: 0,
        createdAt: now,
        updatedAt: now,
      },
      0,
    );
    subscription.emit<SubscriptionCreatedEvent>(SUBSCRIPTION_CREATED, now, {
      planId: input.planId,
      quantity,
      paymentMethod,
      status: subscription.s.status,
      amount: subscription.chargeAmount(),
      currency: terms.currency,
      trialEnd: trialEnd?.toISOString() ?? null,
      nextBillingAt: anchor.toISOString(),
      billing: trialEnd ? null : subscription.billingKey(),
    });
    return subscription;
  }

  static rehydrate(snapshot: SubscriptionSnapshot, version: number): Subscription {
    return new Subscription({ ...snapshot, terms: { ...snapshot.terms } }, version);
  }

  get id(): string {
    return this.s.id;
  }

  get status(): SubscriptionStatus {
    return this.s.status;
  }

  /** `plan.amount × quantity`, in minor units. */
  chargeAmount(): number {
    return Money.of(this.s.terms.amount, this.s.terms.currency).times(this.s.quantity).amount;
  }

  interval(): BillingInterval {
    return { unit: this.s.terms.interval, count: this.s.terms.intervalCount };
  }

  /** The period the next billing job bills. */
  billingPeriod(): BillingPeriod {
    return periodAt(this.s.billingAnchor, this.interval(), this.s.nextPeriodIndex);
  }

  /** Period and attempt of the billing job this subscription needs; null once canceled. */
  billingKey(): BillingKey | null {
    if (this.s.status === 'canceled') return null;
    return { periodStartMs: this.billingPeriod().start.getTime(), attemptSeq: this.s.attemptSeq };
  }

  isDue(now: Date): boolean {
    return this.s.nextBillingAt !== null && this.s.nextBillingAt.getTime() <= now.getTime();
  }

  /**
   * `atPeriodEnd: false` cancels at once. `atPeriodEnd: true` lets an active subscription run to its period end and a
   * trialing one to its trial end (the billing job due then cancels instead of charging); incomplete and past_due
   * ones are canceled at once. Asking again for a cancellation already scheduled changes nothing.
   */
  cancel(atPeriodEnd: boolean, now: Date): void {
    const to = this.outcome(atPeriodEnd ? 'cancel_at_period_end' : 'cancel_now');
    if (to === null) return;
    if (to === 'canceled') {
      this.end('cancellation_requested', now);
      return;
    }
    if (this.s.cancelAtPeriodEnd) return;
    const cancelAt = (this.s.status === 'trialing' ? this.s.trialEnd : this.s.currentPeriodEnd) ?? now;
    this.s.cancelAtPeriodEnd = true;
    this.s.cancellationReason = 'cancellation_requested';
    this.s.nextBillingAt = cancelAt;
    this.s.updatedAt = now;
    this.emit<SubscriptionCancellationScheduledEvent>(SUBSCRIPTION_CANCELLATION_SCHEDULED, now, {
      cancelAt: cancelAt.toISOString(),
      status: this.s.status,
    });
  }

  /** The period (or trial) end of a subscription canceling at period end: it ends now, without a charge. */
  completeScheduledCancellation(now: Date): void {
    const to = this.outcome('complete_scheduled_cancellation');
    if (to === null) return;
    if (!this.s.cancelAtPeriodEnd) throw new BillingOutcomeMismatchError('no cancellation is scheduled for this subscription');
    if (!this.isDue(now)) throw new BillingOutcomeMismatchError('the scheduled cancellation is not due yet');
    this.end('cancellation_requested', now);
  }

  /** A new payment method; a past_due subscription is retried at once with a new attempt (it counts toward dunning). */
  changePaymentMethod(paymentMethod: string, now: Date): void {
    const method = validPaymentMethod(paymentMethod);
    this.outcome('change_payment_method');
    const retryNow = this.s.status === 'past_due';
    if (method === this.s.paymentMethod && !retryNow) return;
    const from = this.s.paymentMethod;
    this.s.paymentMethod = method;
    this.s.updatedAt = now;
    this.emit<SubscriptionPaymentMethodChangedEvent>(SUBSCRIPTION_PAYMENT_METHOD_CHANGED, now, { from, to: method, retryNow });
    if (retryNow) {
      this.s.attemptSeq += 1;
      this.s.nextBillingAt = now;
      this.billingDue('payment_method_changed', now);
    }
  }

  /**
   * The charge for `periodStart` succeeded (and was fulfilled): that period becomes the current one, the next is due
   * at its end, and if that end has already passed (a long gap) the next period is billed at once (catch-up). A
   * canceled subscription stays canceled and does not advance. Applying the same success twice changes nothing.
   */
  recordPaymentSuccess(input: { periodStart: Date; now: Date }): void {
    const to = this.outcome('record_payment_success');
    if (to === null) return;
    const period = this.billingPeriod();
    const start = input.periodStart.getTime();
    if (start < period.start.getTime()) return; // already applied
    if (start !== period.start.getTime()) {
      throw new BillingOutcomeMismatchError(`payment for a period (${input.periodStart.toISOString()}) that is not being billed`);
    }
    this.s.currentPeriodStart = period.start;
    this.s.currentPeriodEnd = period.end;
    this.s.nextPeriodIndex += 1;
    this.s.nextBillingAt = period.end;
    this.s.failedAttempts = 0;
    this.s.awaitingStock = false;
    this.s.updatedAt = input.now;
    this.moveTo(to, input.now, 'payment_succeeded');
    if (this.isDue(input.now)) this.billingDue('catch_up', input.now);
  }

  /**
   * A declined charge: past_due with the next retry `DUNNING_RETRY_DAYS[n-1]` days after the n-th failure, or
   * canceled (`payment_failed`) after the last one. If a payment-method retry is already pending (a newer attempt
   * sequence), that retry keeps its time.
   */
  recordPaymentFailure(input: AttemptOutcome & { retryDays: readonly number[] }): void {
    const final = this.s.failedAttempts + 1 > input.retryDays.length;
    const to = this.outcome(final ? 'record_final_payment_failure' : 'record_payment_failure');
    if (to === null || !this.settles(input)) return;
    this.s.failedAttempts += 1;
    this.s.awaitingStock = false;
    this.s.updatedAt = input.at;
    if (to === 'canceled') {
      this.end('payment_failed', input.at);
      return;
    }
    this.moveTo(to, input.at, 'payment_failed');
    if (this.advanceAttempt(input.attemptSeq)) {
      this.s.nextBillingAt = new Date(input.at.getTime() + input.retryDays[this.s.failedAttempts - 1]! * DAY_MS);
    }
  }

  /** No stock anywhere: nothing charged, status unchanged, `awaitingStock`, retried after `retryMs` (not a dunning attempt). */
  recordBackorder(input: AttemptOutcome & { retryMs: number }): void {
    const to = this.outcome('record_backorder');
    if (to === null || !this.settles(input)) return;
    this.s.awaitingStock = true;
    this.s.updatedAt = input.at;
    this.moveTo(to, input.at, 'out_of_stock');
    if (this.advanceAttempt(input.attemptSeq)) this.s.nextBillingAt = new Date(input.at.getTime() + input.retryMs);
  }

  /** An attempt ended before charging (its reservation expired): a new attempt is made, at once if still due. */
  recordAbandonedAttempt(input: AttemptOutcome): void {
    const to = this.outcome('record_abandoned_attempt');
    if (to === null || !this.settles(input)) return;
    this.s.updatedAt = input.at;
    this.moveTo(to, input.at, 'attempt_abandoned');
    if (this.advanceAttempt(input.attemptSeq) && this.isDue(input.at)) this.billingDue('attempt_abandoned', input.at);
  }

  toSnapshot(): SubscriptionSnapshot {
    return { ...this.s, terms: { ...this.s.terms } };
  }

  // --- internals -------------------------------------------------------------------------------------------------

  /** Looks the action up in the table: the status to end in, null when ignored; throws when rejected. */
  private outcome(action: SubscriptionAction): SubscriptionStatus | null {
    const outcome = transitionOutcome(this.s.status, action);
    if (outcome === 'rejected') throw new SubscriptionTransitionNotAllowedError(this.s.status, action);
    return outcome === 'ignored' ? null : outcome.to;
  }

  /** True when this outcome is for the period being billed and was not applied yet; records it as applied. */
  private settles(outcome: AttemptOutcome): boolean {
    if (outcome.periodStart.getTime() !== this.billingPeriod().start.getTime()) return false; // that period was paid meanwhile
    if (outcome.attemptSeq <= this.s.settledAttemptSeq) return false;
    if (outcome.attemptSeq > this.s.attemptSeq) {
      throw new BillingOutcomeMismatchError(`outcome of attempt ${outcome.attemptSeq}, which this subscription never started`);
    }
    this.s.settledAttemptSeq = outcome.attemptSeq;
    return true;
  }

  /** Moves past a finished attempt; false when a newer attempt (a payment-method retry) is already pending. */
  private advanceAttempt(attemptSeq: number): boolean {
    if (this.s.attemptSeq !== attemptSeq) return false;
    this.s.attemptSeq += 1;
    return true;
  }

  private end(reason: CancellationReason, now: Date): void {
    const previousStatus = this.s.status;
    this.s.cancellationReason = reason;
    this.s.canceledAt = now;
    this.s.nextBillingAt = null;
    this.s.updatedAt = now;
    this.moveTo('canceled', now, reason);
    this.emit<SubscriptionCanceledEvent>(SUBSCRIPTION_CANCELED, now, { reason, previousStatus });
  }

  private moveTo(to: SubscriptionStatus, now: Date, reason: string): void {
    const from = this.s.status;
    if (from === to) return;
    this.s.status = to;
    this.s.updatedAt = now;
    this.emit<SubscriptionStatusChangedEvent>(SUBSCRIPTION_STATUS_CHANGED, now, { from, to, reason });
  }

  private billingDue(reason: SubscriptionBillingDueEvent['payload']['reason'], now: Date): void {
    this.emit<SubscriptionBillingDueEvent>(SUBSCRIPTION_BILLING_DUE, now, { ...this.billingKey()!, reason });
  }

  private emit<E extends DomainEvent<object>>(type: string, now: Date, payload: Omit<E['payload'], 'userId' | 'productId'>): void {
    this.record({
      type,
      version: 1,
      aggregateType: 'Subscription',
      aggregateId: this.s.id,
      occurredAt: now,
      payload: { userId: this.s.userId, productId: this.s.productId, ...payload },
    });
  }
}

function validQuantity(quantity: number): number {
  if (!Number.isInteger(quantity) || quantity < 1 || quantity > MAX_QUANTITY) {
    throw new InvalidSubscriptionError(`quantity must be an integer from 1 to ${MAX_QUANTITY}`, 'quantity');
  }
  return quantity;
}

function validPaymentMethod(method: string): string {
  if (!PAYMENT_METHOD.test(method)) throw new InvalidSubscriptionError('paymentMethod must be a payment method id (pm_…)', 'paymentMethod');
  return method;
}

function validTerms(terms: PlanTerms): PlanTerms {
  const money = Money.of(terms.amount, terms.currency);
  if (money.amount < 1) throw new InvalidSubscriptionError('the plan amount must be positive', 'planId');
  if (!['day', 'week', 'month', 'year'].includes(terms.interval)) throw new InvalidSubscriptionError('unknown plan interval', 'planId');
  if (!Number.isInteger(terms.intervalCount) || terms.intervalCount < 1) throw new InvalidSubscriptionError('the plan interval count must be at least 1', 'planId');
  if (!Number.isInteger(terms.trialDays) || terms.trialDays < 0) throw new InvalidSubscriptionError('the plan trial days must be 0 or more', 'planId');
  return { amount: money.amount, currency: money.currency, interval: terms.interval, intervalCount: terms.intervalCount, trialDays: terms.trialDays };
}
