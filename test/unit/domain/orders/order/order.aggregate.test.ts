import { describe, expect, it } from 'bun:test';
import { Order, type PaidAttempt } from '#domain/orders/order/order.aggregate';
import { OrderRequiresChargedAttemptError } from '#domain/orders/order/order.errors';

const attempt: PaidAttempt = {
  id: 'att-1',
  state: 'charged',
  reservationCommitted: true,
  subscriptionId: 'sub-1',
  userId: 'u-1',
  productId: 'p-1',
  fulfillmentCenterId: 'fc-1',
  quantity: 2,
  amount: 3998,
  currency: 'EUR',
  periodStart: new Date('2026-03-01T00:00:00.000Z'),
  periodEnd: new Date('2026-04-01T00:00:00.000Z'),
};
const now = new Date('2026-03-01T00:00:05.000Z');

describe('Order', () => {
  it('is made from a charged attempt with a committed reservation: paid, for its period, from its center', () => {
    const order = Order.fromChargedAttempt({ id: 'o-1', attempt, now });
    expect(order.toSnapshot()).toMatchObject({ status: 'paid', subscriptionId: 'sub-1', fulfillmentCenterId: 'fc-1', amount: 3998, periodStart: attempt.periodStart, billingAttemptId: 'att-1' });
    expect(order.pullDomainEvents()).toMatchObject([{ type: 'orders.order.created', aggregateId: 'o-1', payload: { subscriptionId: 'sub-1', billingAttemptId: 'att-1' } }]);
  });

  it('cannot be made without a charge or without the deduction', () => {
    for (const wrong of [{ state: 'charging' }, { state: 'failed' }, { reservationCommitted: false }, { fulfillmentCenterId: null }]) {
      expect(() => Order.fromChargedAttempt({ id: 'o', attempt: { ...attempt, ...wrong }, now })).toThrow(OrderRequiresChargedAttemptError);
    }
  });
});
