import { AggregateRoot } from '#domain/shared/aggregate-root';
import type { DomainEvent } from '#domain/shared/domain-event';
import { BillingAttemptTransitionError } from '#domain/billing/billing-attempt/billing-attempt.errors';
import {
  BILLING_ATTEMPT_ABANDONED,
  BILLING_ATTEMPT_STARTED,
  BILLING_DEFERRED_OUT_OF_STOCK,
  PAYMENT_FAILED,
  PAYMENT_SUCCEEDED,
  type AbandonReason,
  type AttemptEventPayload,
  type BillingAttemptAbandonedEvent,
  type PaymentFailedEvent,
  type PaymentFailureReason,
  type PaymentSucceededEvent,
} from '#domain/billing/billing-attempt/billing-attempt.events';

/**
 * The billing saga's states (DESIGN.md D4):
 * `reserving → reserved → charging → charged → fulfilled`, or `deferred` (no stock), `failed` (declined),
 * `abandoned` (ended before charging).
 */
export const BILLING_ATTEMPT_STATES = ['reserving', 'reserved', 'charging', 'charged', 'fulfilled', 'deferred', 'failed', 'abandoned'] as const;
export type BillingAttemptState = (typeof BILLING_ATTEMPT_STATES)[number];

/** States a worker is (or was, if it crashed) working on: the only ones a lease can be claimed in. */
export const IN_FLIGHT_STATES: readonly BillingAttemptState[] = ['reserving', 'reserved', 'charging'];
/** States that hold their period: at most one attempt per (subscription, period) is in one of these. */
export const LIVE_STATES: readonly BillingAttemptState[] = [...IN_FLIGHT_STATES, 'charged', 'fulfilled'];

export const isLiveState = (state: BillingAttemptState): boolean => LIVE_STATES.includes(state);

/** Who works on an attempt, until when (real time: leases are not business time, DESIGN.md D1). */
export interface AttemptLease {
  readonly owner: string;
  readonly expiresAt: Date;
}

export interface BillingAttemptSnapshot {
  readonly id: string;
  readonly subscriptionId: string;
  readonly userId: string;
  readonly productId: string;
  readonly quantity: number;
  /** `plan.amount × quantity`, minor units. */
  readonly amount: number;
  readonly currency: string;
  readonly paymentMethod: string;
  readonly periodStart: Date;
  readonly periodEnd: Date;
  readonly attemptSeq: number;
  readonly paymentAttempt: number;
  readonly state: BillingAttemptState;
  readonly lease: AttemptLease | null;
  readonly fulfillmentCenterId: string | null;
  readonly chargeId: string | null;
  readonly failureReason: PaymentFailureReason | null;
  readonly abandonReason: AbandonReason | null;
  readonly reservationCommitted: boolean;
  readonly orderId: string | null;
  readonly createdAt: Date;
  readonly updatedAt: Date;
}

type State = { -readonly [K in keyof BillingAttemptSnapshot]: BillingAttemptSnapshot[K] };
type Changes = Partial<Omit<State, 'id' | 'subscriptionId' | 'periodStart' | 'attemptSeq' | 'createdAt'>>;

/** What the stored attempt must still look like for a transition to apply. */
export interface AttemptExpectation {
  readonly states: readonly BillingAttemptState[];
  /** Only while this owner holds the lease. */
  readonly leaseHeldBy?: string;
  /** Only if the lease is free, expired at `at`, or already held by `owner`. */
  readonly leaseClaimableBy?: { readonly owner: string; readonly at: Date };
}

/**
 * One step of the saga as one conditional write (DESIGN.md D4): the repository sets `changes` and appends `events`
 * only if the stored attempt still meets `expected`, so of two workers (or a worker and the reservation sweeper)
 * racing for the same step exactly one wins.
 */
export interface AttemptTransition {
  readonly attemptId: string;
  readonly expected: AttemptExpectation;
  readonly changes: Changes;
  readonly events: readonly DomainEvent[];
}

/** Whether a stored attempt meets an expectation (the in-memory adapter's filter; Mongo's is built from the same fields). */
export function meetsExpectation(snapshot: BillingAttemptSnapshot, expected: AttemptExpectation): boolean {
  if (!expected.states.includes(snapshot.state)) return false;
  if (expected.leaseHeldBy !== undefined && snapshot.lease?.owner !== expected.leaseHeldBy) return false;
  const claim = expected.leaseClaimableBy;
  if (claim && snapshot.lease && snapshot.lease.owner !== claim.owner && snapshot.lease.expiresAt.getTime() > claim.at.getTime()) return false;
  return true;
}

export type StartAttemptInput = Pick<
  BillingAttemptSnapshot,
  'id' | 'subscriptionId' | 'userId' | 'productId' | 'quantity' | 'amount' | 'currency' | 'paymentMethod' | 'attemptSeq' | 'paymentAttempt'
> & {
  readonly period: { readonly start: Date; readonly end: Date };
  readonly lease: AttemptLease;
  readonly now: Date;
};

/**
 * One try at billing one period of one subscription: the saga of DESIGN.md D4. Unique on
 * `(subscriptionId, periodStart, attemptSeq)`; its id is also the stock reservation's id.
 * Each step method checks the current state, changes this instance, and returns the transition the repository
 * applies as one conditional write; a `false` from the repository means another worker moved the attempt first.
 */
export class BillingAttempt extends AggregateRoot {
  private constructor(private readonly s: State, version: number) {
    super(version);
  }

  static start(input: StartAttemptInput): BillingAttempt {
    if (!Number.isInteger(input.quantity) || input.quantity < 1) throw new BillingAttemptTransitionError('reserving', 'start with a quantity below 1');
    const { period, lease, now, ...terms } = input;
    const attempt = new BillingAttempt(
      {
        ...terms,
        periodStart: period.start,
        periodEnd: period.end,
        state: 'reserving',
        lease,
        fulfillmentCenterId: null,
        chargeId: null,
        failureReason: null,
        abandonReason: null,
        reservationCommitted: false,
        orderId: null,
        createdAt: now,
        updatedAt: now,
      },
      0,
    );
    attempt.emit(BILLING_ATTEMPT_STARTED, input.now, {});
    return attempt;
  }

  static rehydrate(snapshot: BillingAttemptSnapshot, version: number): BillingAttempt {
    return new BillingAttempt({ ...snapshot, lease: snapshot.lease ? { ...snapshot.lease } : null }, version);
  }

  get id(): string {
    return this.s.id;
  }

  get state(): BillingAttemptState {
    return this.s.state;
  }

  /** The gateway's idempotency key (DESIGN.md D4): a retry of the same job reuses it, a new attempt never does. */
  get idempotencyKey(): string {
    return `${this.s.subscriptionId}-${this.s.periodStart.getTime()}-${this.s.attemptSeq}`;
  }

  /** The stock reservation made for this attempt carries the attempt's id. */
  get reservationId(): string {
    return this.s.id;
  }

  isInFlight(): boolean {
    return IN_FLIGHT_STATES.includes(this.s.state);
  }

  /** Takes (or renews) the lease: only if it is free, expired, or already ours. */
  claim(lease: AttemptLease, at: Date): AttemptTransition {
    this.require(IN_FLIGHT_STATES, 'be claimed');
    this.s.lease = lease;
    return this.transition({ states: IN_FLIGHT_STATES, leaseClaimableBy: { owner: lease.owner, at } }, { lease });
  }

  markReserved(fulfillmentCenterId: string, lease: AttemptLease, now: Date): AttemptTransition {
    this.require(['reserving'], 'be marked reserved');
    return this.step({ states: ['reserving'], leaseHeldBy: lease.owner }, { state: 'reserved', fulfillmentCenterId, lease }, now);
  }

  /** No center had stock: nothing is charged. */
  deferForNoStock(owner: string, now: Date): AttemptTransition {
    this.require(['reserving'], 'be deferred');
    return this.step({ states: ['reserving'], leaseHeldBy: owner }, { state: 'deferred', lease: null }, now, BILLING_DEFERRED_OUT_OF_STOCK, {});
  }

  /** The point of no return for the sweeper: once charging, the reservation is never released by it. */
  startCharging(lease: AttemptLease, now: Date): AttemptTransition {
    this.require(['reserved'], 'start charging');
    return this.step({ states: ['reserved'], leaseHeldBy: lease.owner }, { state: 'charging', lease }, now);
  }

  markCharged(chargeId: string, owner: string, now: Date): AttemptTransition {
    this.require(['charging'], 'be marked charged');
    return this.step({ states: ['charging'], leaseHeldBy: owner }, { state: 'charged', chargeId, lease: null }, now, PAYMENT_SUCCEEDED, {
      chargeId,
      fulfillmentCenterId: this.s.fulfillmentCenterId!, // set when it was reserved
    } satisfies Omit<PaymentSucceededEvent['payload'], keyof AttemptEventPayload>);
  }

  markFailed(reason: PaymentFailureReason, chargeId: string, owner: string, now: Date): AttemptTransition {
    this.require(['charging'], 'be marked failed');
    return this.step(
      { states: ['charging'], leaseHeldBy: owner },
      { state: 'failed', chargeId, failureReason: reason, lease: null },
      now,
      PAYMENT_FAILED,
      { chargeId, reason } satisfies Omit<PaymentFailedEvent['payload'], keyof AttemptEventPayload>,
    );
  }

  /** The worker holding the lease gives up before charging (the subscription was canceled meanwhile). */
  abandon(reason: AbandonReason, owner: string, now: Date): AttemptTransition {
    this.require(['reserving', 'reserved'], 'be abandoned');
    return this.abandonWhere({ states: [this.s.state], leaseHeldBy: owner }, reason, now);
  }

  /**
   * The reservation sweeper wants to release this attempt's expired reservation (DESIGN.md D4). Allowed from
   * `reserved` whoever holds the lease (the biller's `reserved → charging` and this are both conditional: one wins),
   * and from `reserving` only once the lease has expired (its worker died between reserving and recording it).
   * Returns null when the attempt may not be abandoned now (charging or later, or a live reserving worker).
   */
  abandonForRelease(at: Date, now: Date): AttemptTransition | null {
    if (this.s.state === 'reserved') return this.abandonWhere({ states: ['reserved'] }, 'reservation_expired', now);
    if (this.s.state === 'reserving' && (this.s.lease === null || this.s.lease.expiresAt.getTime() <= at.getTime())) {
      return this.abandonWhere({ states: ['reserving'], leaseClaimableBy: { owner: 'reservation-sweeper', at } }, 'reservation_expired', now);
    }
    return null;
  }

  /** Remembers that the reservation was committed (deducted), so a later commit that finds nothing knows why. */
  recordCommit(fulfillmentCenterId: string, now: Date): AttemptTransition | null {
    this.require(['charged'], 'record a commit');
    if (this.s.reservationCommitted) return null;
    return this.step({ states: ['charged'] }, { reservationCommitted: true, fulfillmentCenterId }, now);
  }

  markFulfilled(orderId: string, now: Date): AttemptTransition {
    this.require(['charged'], 'be marked fulfilled');
    if (!this.s.reservationCommitted) throw new BillingAttemptTransitionError(this.s.state, 'be fulfilled before its reservation is committed');
    return this.step({ states: ['charged'] }, { state: 'fulfilled', orderId }, now);
  }

  toSnapshot(): BillingAttemptSnapshot {
    return { ...this.s, lease: this.s.lease ? { ...this.s.lease } : null };
  }

  // --- internals -------------------------------------------------------------------------------------------------

  private abandonWhere(expected: AttemptExpectation, reason: AbandonReason, now: Date): AttemptTransition {
    return this.step(expected, { state: 'abandoned', abandonReason: reason, lease: null }, now, BILLING_ATTEMPT_ABANDONED, {
      reason,
    } satisfies Omit<BillingAttemptAbandonedEvent['payload'], keyof AttemptEventPayload>);
  }

  private require(states: readonly BillingAttemptState[], step: string): void {
    if (!states.includes(this.s.state)) throw new BillingAttemptTransitionError(this.s.state, step);
  }

  private step(expected: AttemptExpectation, changes: Changes, now: Date, eventType?: string, payload?: object): AttemptTransition {
    Object.assign(this.s, changes, { updatedAt: now });
    if (eventType) this.emit(eventType, now, payload ?? {});
    return this.transition(expected, { ...changes, updatedAt: now });
  }

  private transition(expected: AttemptExpectation, changes: Changes): AttemptTransition {
    return { attemptId: this.s.id, expected, changes, events: this.pullDomainEvents() };
  }

  private emit(type: string, now: Date, extra: object): void {
    const { subscriptionId, userId, productId, quantity, amount, currency, paymentMethod, attemptSeq, paymentAttempt } = this.s;
    const payload: AttemptEventPayload = {
      ...{ subscriptionId, userId, productId, quantity, amount, currency, paymentMethod, attemptSeq, paymentAttempt },
      periodStartMs: this.s.periodStart.getTime(),
      periodEndMs: this.s.periodEnd.getTime(),
    };
    this.record({ type, version: 1, aggregateType: 'BillingAttempt', aggregateId: this.s.id, occurredAt: now, payload: { ...payload, ...extra } });
  }
}
