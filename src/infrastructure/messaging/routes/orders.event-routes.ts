import { ORDER_CREATED, type OrderCreatedEvent } from '#domain/orders/order/order.events';
import { auditEntryFrom, type EventRoutes } from '#infrastructure/messaging/event-route';

/** Orders events: where each goes (audit entries and jobs). */
export const ordersEventRoutes: EventRoutes = {
  [ORDER_CREATED]: {
    audit: (e) => {
      const p = e.payload as OrderCreatedEvent['payload'];
      return auditEntryFrom(e, {
        type: 'order.created',
        subject: { type: 'order', id: e.aggregateId },
        refs: { userId: p.userId, subscriptionId: p.subscriptionId, orderId: e.aggregateId, productId: p.productId },
        data: {
          fulfillmentCenterId: p.fulfillmentCenterId,
          quantity: p.quantity,
          amount: p.amount,
          currency: p.currency,
          periodStart: p.periodStart,
          periodEnd: p.periodEnd,
          billingAttemptId: p.billingAttemptId,
        },
      });
    },
  },
};
