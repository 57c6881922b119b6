import { inject, injectable } from 'tsyringe';
import { BillingAttempt, type AttemptLease, type AttemptTransition } from '#domain/billing/billing-attempt/billing-attempt.aggregate';
import { BillingAttemptBusyError } from '#domain/billing/billing-attempt/billing-attempt.errors';
import { BillingAttemptRepository } from '#domain/billing/billing-attempt/billing-attempt.repository';
import type { EventMetadata } from '#domain/shared/domain-event';
import { periodAt } from '#domain/subscriptions/subscription/billing-period';
import type { Subscription } from '#domain/subscriptions/subscription/subscription.aggregate';
import { SubscriptionRepository } from '#domain/subscriptions/subscription/subscription.repository';
import { BillingSettings } from '#application/billing/ports/billing-settings.port';
import { PaymentGateway } from '#application/billing/ports/payment-gateway.port';
import { WallClock } from '#application/billing/ports/wall-clock.port';
import { StockReservations } from '#application/inventory/ports/stock-reservations.port';
import { Clock } from '#application/shared/ports/clock.port';
import { IdGenerator } from '#application/shared/ports/id-generator.port';
import { Metrics } from '#application/shared/ports/metrics.port';
import type { UseCaseContext } from '#application/shared/use-case-context';

export interface BillSubscriptionInput extends UseCaseContext {
  readonly subscriptionId: string;
  readonly periodStartMs: number;
  readonly attemptSeq: number;
  /** Who claims the attempt's lease: unique per delivery of the job (a redelivered copy is another worker). */
  readonly worker: string;
}

export type BillSubscriptionOutcome =
  | 'charged'
  | 'failed'
  | 'deferred'
  | 'abandoned'
  | 'canceled'
  /** Nothing to do: the job is stale (the subscription moved on) or its attempt already finished. */
  | 'skipped';

export type BillSubscriptionErrors = BillingAttemptBusyError;

/**
 * The billing job: one attempt at one period (DESIGN.md D4). Claim the attempt (create it, or take over a crashed
 * worker's once its lease expired) → reserve stock anywhere → none: deferred, nothing charged → else `charging` →
 * charge with the attempt's idempotency key → `charged` (PaymentSucceeded: the fulfillment job takes over) or
 * `failed` (PaymentFailed, reservation released). Every step is one conditional write on the attempt, so a copy of
 * this job that loses a step stops (BillingAttemptBusyError: retried later, then finds the attempt finished), and a
 * copy delivered after a crash resumes where the first stopped, with the same reservation and idempotency key.
 * The subscription's own changes (past_due, backorder, next period) follow from the attempt's events.
 */
@injectable()
export class BillSubscriptionUseCase {
  constructor(
    @inject(SubscriptionRepository) private readonly subscriptions: SubscriptionRepository,
    @inject(BillingAttemptRepository) private readonly attempts: BillingAttemptRepository,
    @inject(StockReservations) private readonly stock: StockReservations,
    @inject(PaymentGateway) private readonly gateway: PaymentGateway,
    @inject(Metrics) private readonly metrics: Metrics,
    @inject(BillingSettings) private readonly settings: BillingSettings,
    @inject(IdGenerator) private readonly ids: IdGenerator,
    @inject(Clock) private readonly clock: Clock,
    @inject(WallClock) private readonly wall: WallClock,
  ) {}

  async execute(input: BillSubscriptionInput): Promise<BillSubscriptionOutcome> {
    const meta: EventMetadata = { actor: input.actor, correlationId: input.correlationId };
    const periodStart = new Date(input.periodStartMs);
    const now = await this.clock.now();
    let attempt = await this.attempts.findByKey(input.subscriptionId, periodStart, input.attemptSeq);
    if (!attempt) {
      const subscription = await this.subscriptions.findById(input.subscriptionId);
      if (!subscription || !this.isThisJob(subscription, input, now)) return 'skipped';
      if (subscription.toSnapshot().cancelAtPeriodEnd) {
        subscription.completeScheduledCancellation(now);
        await this.subscriptions.save(subscription, meta);
        return 'canceled';
      }
      attempt = this.newAttempt(subscription, input, await this.lease(input.worker), now);
      const inserted = await this.attempts.insert(attempt, meta);
      if (inserted === 'period_taken') {
        const holder = await this.attempts.findLiveForPeriod(input.subscriptionId, periodStart);
        if (holder && !holder.isInFlight()) return 'skipped'; // the period is already paid
        throw new BillingAttemptBusyError('another attempt is billing this period', { subscriptionId: input.subscriptionId });
      }
      if (inserted === 'key_taken') attempt = await this.attempts.findByKey(input.subscriptionId, periodStart, input.attemptSeq);
      else return this.run(attempt, input.worker, meta, now);
    }
    if (!attempt) return 'skipped';
    if (!attempt.isInFlight()) return this.settled(attempt, meta, now);
    await this.must(attempt.claim(await this.lease(input.worker), await this.wall.now()), meta, 'another worker holds this billing attempt');
    return this.run(attempt, input.worker, meta, now);
  }

  /** Walks the saga from the attempt's current state; the caller holds its lease. */
  private async run(attempt: BillingAttempt, owner: string, meta: EventMetadata, now: Date): Promise<BillSubscriptionOutcome> {
    const a = attempt.toSnapshot();
    if (attempt.state === 'reserving') {
      const reservation = await this.stock.reserveAnywhere(
        {
          productId: a.productId,
          quantity: a.quantity,
          reservationId: attempt.reservationId,
          expiresAt: new Date((await this.wall.now()).getTime() + this.settings.reservationTtlMs),
          now,
          refs: { subscriptionId: a.subscriptionId, userId: a.userId },
        },
        meta,
      );
      if (reservation.status === 'out_of_stock') {
        await this.must(attempt.deferForNoStock(owner, now), meta);
        this.metrics.billingOutcome('deferred');
        return 'deferred';
      }
      await this.must(attempt.markReserved(reservation.fulfillmentCenterId, await this.lease(owner), now), meta);
    }

    if (attempt.state === 'reserved') {
      const subscription = await this.subscriptions.findById(a.subscriptionId);
      if (!subscription || subscription.status === 'canceled') {
        // Canceled before any money moved: give the stock back instead of charging.
        await this.must(attempt.abandon('subscription_canceled', owner, now), meta);
        await this.release(attempt, meta, now);
        return 'abandoned';
      }
      if (!(await this.attempts.apply(attempt.startCharging(await this.lease(owner), now), meta))) {
        // The reservation sweeper abandoned it first (DESIGN.md D4), or another worker took it over.
        const current = await this.attempts.findById(attempt.id);
        if (current?.state === 'abandoned') return 'abandoned';
        throw new BillingAttemptBusyError('the billing attempt moved on while reserving', { attemptId: attempt.id });
      }
    }

    if (attempt.state === 'charging') {
      const result = await this.gateway.charge({
        idempotencyKey: attempt.idempotencyKey,
        paymentMethod: a.paymentMethod,
        amount: a.amount,
        currency: a.currency,
        metadata: { subscriptionId: a.subscriptionId, periodStart: a.periodStart.toISOString(), attemptSeq: String(a.attemptSeq) },
      });
      if (result.status === 'succeeded') {
        await this.must(attempt.markCharged(result.chargeId, owner, now), meta);
        this.metrics.billingOutcome('succeeded', { amount: a.amount, currency: a.currency });
        return 'charged';
      }
      await this.must(attempt.markFailed(result.reason, result.chargeId, owner, now), meta);
      this.metrics.billingOutcome('failed');
      await this.release(attempt, meta, now);
      return 'failed';
    }
    return this.settled(attempt, meta, now);
  }

  /** A finished attempt: make sure a declined or abandoned one left no stock reserved (release is idempotent). */
  private async settled(attempt: BillingAttempt, meta: EventMetadata, now: Date): Promise<BillSubscriptionOutcome> {
    if (attempt.state === 'failed' || attempt.state === 'abandoned') await this.release(attempt, meta, now);
    return 'skipped';
  }

  private async release(attempt: BillingAttempt, meta: EventMetadata, now: Date): Promise<void> {
    const a = attempt.toSnapshot();
    await this.stock.release(
      { productId: a.productId, reservationId: attempt.reservationId, now, refs: { subscriptionId: a.subscriptionId, userId: a.userId } },
      meta,
    );
  }

  /** Is this job the one the subscription needs now (same period, same attempt, due)? */
  private isThisJob(subscription: Subscription, input: BillSubscriptionInput, now: Date): boolean {
    const key = subscription.billingKey();
    return key !== null && key.periodStartMs === input.periodStartMs && key.attemptSeq === input.attemptSeq && subscription.isDue(now);
  }

  private newAttempt(subscription: Subscription, input: BillSubscriptionInput, lease: AttemptLease, now: Date): BillingAttempt {
    const s = subscription.toSnapshot();
    const period = periodAt(s.billingAnchor, subscription.interval(), s.nextPeriodIndex);
    return BillingAttempt.start({
      id: this.ids.next(),
      subscriptionId: s.id,
      userId: s.userId,
      productId: s.productId,
      quantity: s.quantity,
      amount: subscription.chargeAmount(),
      currency: s.terms.currency,
      paymentMethod: s.paymentMethod,
      period,
      attemptSeq: input.attemptSeq,
      paymentAttempt: s.failedAttempts + 1,
      lease,
      now,
    });
  }

  private async lease(owner: string): Promise<AttemptLease> {
    return { owner, expiresAt: new Date((await this.wall.now()).getTime() + this.settings.attemptLeaseMs) };
  }

  /** Applies a step; losing it means another worker (or the sweeper) moved the attempt: stop and let a retry look. */
  private async must(transition: AttemptTransition, meta: EventMetadata, message = 'the billing attempt moved on'): Promise<void> {
    if (!(await this.attempts.apply(transition, meta))) {
      throw new BillingAttemptBusyError(message, { attemptId: transition.attemptId });
    }
  }
}
