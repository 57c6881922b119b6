import { inject, injectable } from 'tsyringe';
import type { BillingAttempt } from '#domain/billing/billing-attempt/billing-attempt.aggregate';
import { BillingAttemptInconsistentError, BillingAttemptTransitionError } from '#domain/billing/billing-attempt/billing-attempt.errors';
import { BillingAttemptRepository } from '#domain/billing/billing-attempt/billing-attempt.repository';
import { Order } from '#domain/orders/order/order.aggregate';
import { OrderRepository } from '#domain/orders/order/order.repository';
import { UniqueConstraintError } from '#domain/shared/domain-error';
import type { EventMetadata } from '#domain/shared/domain-event';
import { SubscriptionRepository } from '#domain/subscriptions/subscription/subscription.repository';
import { StockReservations } from '#application/inventory/ports/stock-reservations.port';
import { NotFoundError } from '#application/shared/application-error';
import { Clock } from '#application/shared/ports/clock.port';
import { IdGenerator } from '#application/shared/ports/id-generator.port';
import type { UseCaseContext } from '#application/shared/use-case-context';
import { retryOnConcurrency } from '#application/subscriptions/shared/retry-on-concurrency';

export interface FulfillPaymentInput extends UseCaseContext {
  readonly attemptId: string;
}

export type FulfillPaymentErrors = NotFoundError | BillingAttemptTransitionError | BillingAttemptInconsistentError;

/**
 * The fulfillment job (from PaymentSucceeded): commit the reservation (the deduction), create the order, advance
 * the subscription (active, the paid period current, the next one due at its end, or at once when already due:
 * catch-up), then mark the attempt fulfilled. A charge that succeeded is always fulfilled, even if the
 * subscription was canceled meanwhile (it then stays canceled). Each step is idempotent, so a job repeated after a
 * crash at any line leaves one deduction and one order.
 */
@injectable()
export class FulfillPaymentUseCase {
  constructor(
    @inject(BillingAttemptRepository) private readonly attempts: BillingAttemptRepository,
    @inject(OrderRepository) private readonly orders: OrderRepository,
    @inject(SubscriptionRepository) private readonly subscriptions: SubscriptionRepository,
    @inject(StockReservations) private readonly stock: StockReservations,
    @inject(IdGenerator) private readonly ids: IdGenerator,
    @inject(Clock) private readonly clock: Clock,
  ) {}

  async execute(input: FulfillPaymentInput): Promise<{ orderId: string }> {
    const meta: EventMetadata = { actor: input.actor, correlationId: input.correlationId };
    let attempt = await this.load(input.attemptId);
    if (attempt.state === 'fulfilled') return { orderId: attempt.toSnapshot().orderId! };
    if (attempt.state !== 'charged') throw new BillingAttemptTransitionError(attempt.state, 'be fulfilled');
    const now = await this.clock.now();

    attempt = await this.commitStock(attempt, meta, now);
    const order = await this.orderFor(attempt, meta, now);
    const a = attempt.toSnapshot();
    await retryOnConcurrency(async () => {
      const subscription = await this.subscriptions.findById(a.subscriptionId);
      if (!subscription) throw new NotFoundError('subscription', a.subscriptionId);
      subscription.recordPaymentSuccess({ periodStart: a.periodStart, now });
      await this.subscriptions.save(subscription, meta);
    });
    // Losing this write means a copy of this job marked it first: same order either way.
    await this.attempts.apply(attempt.markFulfilled(order.id, now), meta);
    return { orderId: order.id };
  }

  private async commitStock(attempt: BillingAttempt, meta: EventMetadata, now: Date): Promise<BillingAttempt> {
    const a = attempt.toSnapshot();
    if (a.reservationCommitted) return attempt;
    const result = await this.stock.commit(
      { productId: a.productId, reservationId: attempt.reservationId, now, refs: { subscriptionId: a.subscriptionId, userId: a.userId } },
      meta,
    );
    if (result.status === 'not_found') {
      // DESIGN.md D4: a commit that finds nothing reads the outcome from the attempt. Committed by a copy of this job?
      const current = await this.load(attempt.id);
      if (current.toSnapshot().reservationCommitted) return current;
      throw new BillingAttemptInconsistentError(`charged billing attempt ${attempt.id} has no reservation left to commit`, { attemptId: attempt.id });
    }
    const transition = attempt.recordCommit(result.fulfillmentCenterId, now);
    if (transition) await this.attempts.apply(transition, meta);
    return this.load(attempt.id);
  }

  /** The period's order: the existing one, or a new one (the unique (subscription, period) index settles a race). */
  private async orderFor(attempt: BillingAttempt, meta: EventMetadata, now: Date): Promise<Order> {
    const a = attempt.toSnapshot();
    const existing = await this.orders.findBySubscriptionPeriod(a.subscriptionId, a.periodStart);
    if (existing) return existing;
    const order = Order.fromChargedAttempt({ id: this.ids.next(), attempt: a, now });
    try {
      await this.orders.save(order, meta);
      return order;
    } catch (error) {
      if (!(error instanceof UniqueConstraintError)) throw error;
      const winner = await this.orders.findBySubscriptionPeriod(a.subscriptionId, a.periodStart);
      if (!winner) throw error;
      return winner;
    }
  }

  private async load(id: string): Promise<BillingAttempt> {
    const attempt = await this.attempts.findById(id);
    if (!attempt) throw new NotFoundError('billing attempt', id);
    return attempt;
  }
}
