import { AggregateRoot } from '#domain/shared/aggregate-root';
import { OrderRequiresChargedAttemptError } from '#domain/orders/order/order.errors';
import { ORDER_CREATED, type OrderCreatedEvent } from '#domain/orders/order/order.events';

export type OrderStatus = 'paid';

export interface OrderSnapshot {
  readonly id: string;
  readonly userId: string;
  readonly subscriptionId: string;
  readonly productId: string;
  readonly fulfillmentCenterId: string;
  readonly quantity: number;
  readonly amount: number;
  readonly currency: string;
  readonly periodStart: Date;
  readonly periodEnd: Date;
  readonly status: OrderStatus;
  readonly billingAttemptId: string;
  readonly createdAt: Date;
}

/** What an order is made from: the billing attempt that paid for it, as the billing context reports it. */
export interface PaidAttempt {
  readonly id: string;
  readonly state: string;
  readonly reservationCommitted: boolean;
  readonly subscriptionId: string;
  readonly userId: string;
  readonly productId: string;
  readonly fulfillmentCenterId: string | null;
  readonly quantity: number;
  readonly amount: number;
  readonly currency: string;
  readonly periodStart: Date;
  readonly periodEnd: Date;
}

/** One paid period of one subscription, shipped from one center. At most one per (subscription, period). */
export class Order extends AggregateRoot {
  private constructor(private readonly s: OrderSnapshot, version: number) {
    super(version);
  }

  /** Only from a charged attempt whose reservation was committed: no order without money and stock. */
  static fromChargedAttempt(input: { id: string; attempt: PaidAttempt; now: Date }): Order {
    const a = input.attempt;
    if (a.state !== 'charged') throw new OrderRequiresChargedAttemptError(`billing attempt ${a.id} is ${a.state}, not charged`, { attemptId: a.id });
    if (!a.reservationCommitted || !a.fulfillmentCenterId) {
      throw new OrderRequiresChargedAttemptError(`billing attempt ${a.id} has no committed reservation`, { attemptId: a.id });
    }
    const { id: billingAttemptId, state: _state, reservationCommitted: _committed, fulfillmentCenterId, ...paid } = a;
    const order = new Order({ ...paid, id: input.id, fulfillmentCenterId, status: 'paid', billingAttemptId, createdAt: input.now }, 0);
    order.record({
      type: ORDER_CREATED,
      version: 1,
      aggregateType: 'Order',
      aggregateId: input.id,
      occurredAt: input.now,
      payload: { ...paid, fulfillmentCenterId, billingAttemptId, periodStart: a.periodStart.toISOString(), periodEnd: a.periodEnd.toISOString() },
    } satisfies OrderCreatedEvent);
    return order;
  }

  static rehydrate(snapshot: OrderSnapshot, version: number): Order {
    return new Order({ ...snapshot }, version);
  }

  get id(): string {
    return this.s.id;
  }

  toSnapshot(): OrderSnapshot {
    return { ...this.s };
  }
}
