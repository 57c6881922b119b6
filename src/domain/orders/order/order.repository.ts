import type { EventMetadata } from '#domain/shared/domain-event';
import type { Order } from '#domain/orders/order/order.aggregate';

export interface OrderRepository {
  /**
   * Versioned save with the recorded events. A second order for the same (subscription, period) raises
   * UniqueConstraintError: the unique index is the last line of defence against double fulfillment.
   */
  save(order: Order, meta: EventMetadata): Promise<void>;
  findById(id: string): Promise<Order | null>;
  findBySubscriptionPeriod(subscriptionId: string, periodStart: Date): Promise<Order | null>;
}
export const OrderRepository = Symbol('OrderRepository');
