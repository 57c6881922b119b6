import { describe, expect, it } from 'bun:test';
import { periodBoundary } from '#domain/subscriptions/subscription/billing-period';
import { CancelSubscriptionUseCase } from '#application/subscriptions/cancel-subscription/cancel-subscription.use-case';
import { ChangePaymentMethodUseCase } from '#application/subscriptions/change-payment-method/change-payment-method.use-case';
import { GetSubscriptionScheduleUseCase } from '#application/subscriptions/get-subscription-schedule/get-subscription-schedule.use-case';
import { billingHarness, DAY, HOUR } from '../../../support/billing-harness';

/** A harness with a product, a monthly plan and stock at DEFAULT. */
async function setup(options: Parameters<typeof billingHarness>[0] & { stock?: number; plan?: Parameters<ReturnType<typeof billingHarness>['plan']>[0] } = {}) {
  const h = billingHarness(options);
  const productId = await h.product();
  const planId = await h.plan(options.plan);
  const center = await h.defaultCenter();
  if ((options.stock ?? 100) > 0) await h.stock(productId, center, options.stock ?? 100);
  await h.drain();
  return { h, productId, planId, center };
}

const caller = (h: ReturnType<typeof billingHarness>, subscriptionId: string) => ({ userId: h.subscription(subscriptionId).userId, role: 'USER' as const });

describe('billing saga on in-memory adapters (the real job handlers, run synchronously)', () => {
  it('first billing: a new subscription is billed at once through the outbox → active, one order, stock deducted, audited', async () => {
    const { h, productId, planId, center } = await setup();
    const sub = await h.subscribe({ planId, productId, quantity: 2 });
    expect(h.queue.pending.map((j) => j.jobId)).toEqual([`bill-${sub.id}-${sub.createdAt.getTime()}-0`]);
    await h.drain();

    const after = h.subscription(sub.id);
    expect(after).toMatchObject({ status: 'active', currentPeriodStart: sub.createdAt, awaitingStock: false });
    expect(after.currentPeriodEnd).toEqual(new Date('2026-02-28T10:00:00.000Z'));
    expect(after.nextBillingAt).toEqual(after.currentPeriodEnd);
    const orders = h.ordersOf(sub.id);
    expect(orders).toHaveLength(1);
    expect(orders[0]).toMatchObject({ amount: 3998, currency: 'EUR', quantity: 2, fulfillmentCenterId: center, status: 'paid', periodStart: sub.createdAt });
    expect(h.level(productId, center)).toEqual({ onHand: 98, reserved: 0 });
    expect(h.ledgerOf(sub.id)).toMatchObject([{ outcome: 'succeeded', amount: 3998, calls: [expect.any(Date)] }]);
    expect(h.metrics.outcomes).toEqual(['succeeded']);

    const audit = h.auditOf(sub.id);
    expect(audit.map((e) => e.type)).toEqual(
      expect.arrayContaining(['subscription.created', 'inventory.reserved', 'payment.attempted', 'inventory.deducted', 'order.created', 'subscription.status_changed']),
    );
    expect(audit.find((e) => e.type === 'payment.attempted')?.data).toMatchObject({ outcome: 'succeeded', reason: null, amount: 3998, attempt: 1 });
    // One correlation id for the whole chain: the request that created the subscription.
    expect(new Set(audit.map((e) => e.correlationId)).size).toBe(1);
  });

  it('declined → past_due with the reservation released → payment method fixed → retried at once → active', async () => {
    const { h, productId, planId, center } = await setup();
    const sub = await h.subscribe({ planId, productId, paymentMethod: 'pm_card_declined' });
    await h.drain();
    expect(h.subscription(sub.id)).toMatchObject({ status: 'past_due', failedAttempts: 1, nextBillingAt: new Date(sub.createdAt.getTime() + DAY) });
    expect(h.level(productId, center)).toEqual({ onHand: 100, reserved: 0 });
    expect(h.auditOf(sub.id).find((e) => e.type === 'payment.attempted')?.data).toMatchObject({ outcome: 'failed', reason: 'card_declined', attempt: 1 });

    await h.clock.advance(HOUR);
    const changed = await h.container
      .resolve(ChangePaymentMethodUseCase)
      .execute({ caller: caller(h, sub.id), subscriptionId: sub.id, paymentMethod: 'pm_card_ok', actor: { type: 'user', id: 'x' }, correlationId: 'req-pm' });
    expect(changed.status).toBe('past_due');
    await h.drain();
    expect(h.subscription(sub.id)).toMatchObject({ status: 'active', failedAttempts: 0 });
    expect(h.ordersOf(sub.id)).toHaveLength(1);
    expect(h.ledgerOf(sub.id).map((e) => e.outcome)).toEqual(['failed', 'succeeded']);
  });

  it('dunning: the first charge plus 3 retries, 1, 3 and 5 days apart, driven only by the clock and the scan → canceled (payment_failed)', async () => {
    const { h, productId, planId } = await setup();
    const sub = await h.subscribe({ planId, productId, paymentMethod: 'pm_card_insufficient_funds' });
    await h.drain();
    for (const days of [1, 3, 5]) {
      expect(h.subscription(sub.id).status).toBe('past_due');
      await h.advance(days * DAY - 1);
      expect(h.ledgerOf(sub.id)).toHaveLength([1, 3, 5].indexOf(days) + 1); // not yet due
      await h.advance(1);
    }
    expect(h.subscription(sub.id)).toMatchObject({ status: 'canceled', cancellationReason: 'payment_failed', nextBillingAt: null });
    expect(h.ledgerOf(sub.id).map((e) => e.reason)).toEqual(['insufficient_funds', 'insufficient_funds', 'insufficient_funds', 'insufficient_funds']);
    const attempts = h.auditOf(sub.id).filter((e) => e.type === 'payment.attempted').map((e) => e.data.attempt);
    expect(attempts).toEqual([1, 2, 3, 4]);
    await h.advance(30 * DAY);
    expect(h.ledgerOf(sub.id)).toHaveLength(4);
    expect(h.ordersOf(sub.id)).toHaveLength(0);
  });

  it('no stock anywhere → nothing charged, awaitingStock, audited, retried after the backorder delay; restocked elsewhere → order from that center', async () => {
    const { h, productId, planId } = await setup({ stock: 0 });
    const sub = await h.subscribe({ planId, productId });
    await h.drain();
    expect(h.subscription(sub.id)).toMatchObject({ status: 'incomplete', awaitingStock: true, failedAttempts: 0, nextBillingAt: new Date(sub.createdAt.getTime() + HOUR) });
    expect(h.ledgerOf(sub.id)).toEqual([]);
    expect(h.auditOf(sub.id).map((e) => e.type)).toContain('billing.deferred_out_of_stock');
    expect(h.metrics.outcomes).toEqual(['deferred']);

    const east = await h.center('EAST', 10);
    await h.stock(productId, east, 5);
    await h.advance(HOUR - 1);
    expect(h.ordersOf(sub.id)).toHaveLength(0); // the retry waits for nextBillingAt, not for the stock
    await h.advance(1);
    expect(h.ordersOf(sub.id)).toMatchObject([{ fulfillmentCenterId: east }]);
    expect(h.subscription(sub.id)).toMatchObject({ status: 'active', awaitingStock: false });
    expect(h.level(productId, east)).toEqual({ onHand: 4, reserved: 0 });
  });

  it('renewal: the next period is contiguous and equals the first row of the schedule preview', async () => {
    const { h, productId, planId } = await setup();
    const sub = await h.subscribe({ planId, productId });
    await h.drain();
    const [preview] = await h.container.resolve(GetSubscriptionScheduleUseCase).execute({ caller: caller(h, sub.id), subscriptionId: sub.id, count: 3 });
    expect(preview!.periodStart).toEqual(h.ordersOf(sub.id)[0]!.periodEnd);
    await h.advance(preview!.billingAt.getTime() - (await h.clock.now()).getTime());
    const [, renewal] = h.ordersOf(sub.id);
    expect({ periodStart: renewal!.periodStart, periodEnd: renewal!.periodEnd, amount: renewal!.amount }).toEqual({
      periodStart: preview!.periodStart,
      periodEnd: preview!.periodEnd,
      amount: preview!.amount,
    });
  });

  it('a year’s gap on a monthly plan: the 12 missed periods are billed once each, in order, one job each', async () => {
    const { h, productId, planId } = await setup();
    const sub = await h.subscribe({ planId, productId });
    await h.drain();
    const anchor = sub.createdAt;
    await h.clock.set(periodBoundary(anchor, { unit: 'month', count: 1 }, 12));
    await h.scan();
    await h.drain();
    const orders = h.ordersOf(sub.id);
    expect(orders).toHaveLength(13);
    orders.forEach((order, k) => {
      expect(order.periodStart).toEqual(periodBoundary(anchor, { unit: 'month', count: 1 }, k));
      expect(order.periodEnd).toEqual(periodBoundary(anchor, { unit: 'month', count: 1 }, k + 1));
    });
    // billed in order: each order was created no earlier than the previous period's
    const byCreation = [...orders].sort((a, b) => a.createdAt.getTime() - b.createdAt.getTime() || (a.id < b.id ? -1 : 1));
    expect(byCreation.map((o) => o.periodStart.getTime())).toEqual(orders.map((o) => o.periodStart.getTime()));
    expect(h.queue.processed.filter((j) => j.name === 'bill-subscription' && j.data.subscriptionId === sub.id)).toHaveLength(13);
    expect(h.subscription(sub.id).nextBillingAt).toEqual(periodBoundary(anchor, { unit: 'month', count: 1 }, 13));
  });

  it('a trial is not charged until it ends, then bills the first period from the trial end', async () => {
    const { h, productId } = await setup();
    const planId = await h.plan({ trialDays: 7 });
    const sub = await h.subscribe({ planId, productId });
    await h.drain();
    expect(h.subscription(sub.id).status).toBe('trialing');
    await h.advance(7 * DAY - 1);
    expect(h.ledgerOf(sub.id)).toEqual([]);
    await h.advance(1);
    expect(h.subscription(sub.id)).toMatchObject({ status: 'active', currentPeriodStart: sub.trialEnd });
  });

  it('cancel at period end: active until the period end, then canceled without a charge', async () => {
    const { h, productId, planId } = await setup();
    const sub = await h.subscribe({ planId, productId });
    await h.drain();
    await h.container
      .resolve(CancelSubscriptionUseCase)
      .execute({ caller: caller(h, sub.id), subscriptionId: sub.id, atPeriodEnd: true, actor: { type: 'user', id: 'x' }, correlationId: 'req-c' });
    const end = h.subscription(sub.id).currentPeriodEnd!;
    await h.advance(end.getTime() - (await h.clock.now()).getTime() - 1);
    expect(h.subscription(sub.id).status).toBe('active');
    await h.advance(1);
    expect(h.subscription(sub.id)).toMatchObject({ status: 'canceled', canceledAt: end, cancellationReason: 'cancellation_requested' });
    expect(h.ledgerOf(sub.id)).toHaveLength(1);
  });

  it('a charge that succeeded while a cancel arrived is still fulfilled: order and deduction, the subscription stays canceled', async () => {
    let cancelDuringCharge: (() => Promise<unknown>) | undefined;
    const { h, productId, planId, center } = await setup({
      gateway: (real) => ({
        charge: async (request) => {
          await cancelDuringCharge?.();
          return real.charge(request);
        },
      }),
    });
    const sub = await h.subscribe({ planId, productId });
    cancelDuringCharge = () =>
      h.container
        .resolve(CancelSubscriptionUseCase)
        .execute({ caller: caller(h, sub.id), subscriptionId: sub.id, atPeriodEnd: false, actor: { type: 'user', id: 'x' }, correlationId: 'req-c' });
    await h.drain();
    expect(h.ordersOf(sub.id)).toHaveLength(1);
    expect(h.level(productId, center)).toEqual({ onHand: 99, reserved: 0 });
    expect(h.subscription(sub.id)).toMatchObject({ status: 'canceled', currentPeriodStart: null, nextPeriodIndex: 0 });
  });

  it('a subscription canceled before its charge started gives its reservation back and is not charged', async () => {
    const { h, productId, planId, center } = await setup();
    const sub = await h.subscribe({ planId, productId });
    const reserve = h.container.resolve<{ reserveAnywhere: (...a: never[]) => Promise<unknown> }>(
      (await import('#application/inventory/ports/stock-reservations.port')).StockReservations,
    );
    const original = reserve.reserveAnywhere.bind(reserve);
    reserve.reserveAnywhere = async (...args: never[]) => {
      const result = await original(...args);
      await h.container
        .resolve(CancelSubscriptionUseCase)
        .execute({ caller: caller(h, sub.id), subscriptionId: sub.id, atPeriodEnd: false, actor: { type: 'user', id: 'x' }, correlationId: 'req-c' });
      return result;
    };
    await h.drain();
    expect(h.ledgerOf(sub.id)).toEqual([]);
    expect(h.ordersOf(sub.id)).toEqual([]);
    expect(h.level(productId, center)).toEqual({ onHand: 100, reserved: 0 });
  });
});
