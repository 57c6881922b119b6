import type { DomainEvent } from '#domain/shared/domain-event';

export const ORDER_CREATED = 'orders.order.created';

export type OrderCreatedEvent = DomainEvent<{
  userId: string;
  subscriptionId: string;
  productId: string;
  fulfillmentCenterId: string;
  quantity: number;
  amount: number;
  currency: string;
  periodStart: string;
  periodEnd: string;
  billingAttemptId: string;
}>;
