/**
 * The billing pipeline on the real stack (SecantusDB, Redis, BullMQ workers in-process, the outbox relay), driven
 * over HTTP with the simulation clock: every business wait is `nextBillingAt` plus a scan (clock advance or
 * `billing/run`), never a BullMQ delay.
 */
import { afterAll, beforeAll, describe, expect, it } from 'bun:test';
import { auditOf, billingWorld, ledgerOf, waitFor } from '../../support/billing-http';
import { startTestApp, type TestApp } from '../../support/test-app';

const DAY_S = 86_400;
let app: TestApp;

beforeAll(async () => {
  // The scheduled scan and sweeper are slow on purpose: the tests drive billing themselves.
  app = await startTestApp({ SIMULATION_CLOCK: 'true', BILLING_SCAN_INTERVAL_MS: '3600000', RESERVATION_SWEEP_INTERVAL_MS: '3600000' });
});

afterAll(async () => {
  await app?.close();
});

describe('billing lifecycle (real stack, simulation clock)', () => {
  it('first billing: active with one order, stock deducted, and every step audited under the request’s correlation id', async () => {
    const w = await billingWorld(app);
    await w.stock(10);
    const res = await app.http.post('/api/v1/subscriptions', { planId: w.planId, productId: w.productId, quantity: 2 }, { token: w.user, headers: { 'X-Request-Id': 'req-first-billing' } });
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ status: 'incomplete', nextBillingAt: res.body.createdAt, quantity: 2, paymentMethod: 'pm_card_ok', awaitingStock: false });
    const sub = await w.waitForStatus(res.body.id, 'active');
    expect(sub.currentPeriodStart).toBe(res.body.createdAt);
    expect(sub.nextBillingAt).toBe(sub.currentPeriodEnd);

    const orders = await waitFor(() => w.orders(sub.id), (o) => o.length === 1, 'one order');
    expect(orders[0]).toMatchObject({ amount: 3998, currency: 'EUR', quantity: 2, status: 'paid', fulfillmentCenterId: w.defaultCenter, periodStart: sub.currentPeriodStart, periodEnd: sub.currentPeriodEnd });
    expect(await w.level()).toEqual({ onHand: 8, reserved: 0 });
    expect(await ledgerOf(app, sub.id)).toMatchObject([{ outcome: 'succeeded', amount: 3998, currency: 'EUR', calls: [expect.anything()] }]);

    const audit = await waitFor(() => auditOf(app, sub.id), (a) => a.some((e) => e.type === 'order.created') && a.some((e) => e.type === 'subscription.status_changed'), 'audit trail');
    for (const type of ['subscription.created', 'inventory.reserved', 'payment.attempted', 'inventory.deducted', 'order.created', 'subscription.status_changed']) {
      expect(audit.map((e) => e.type)).toContain(type);
    }
    expect(audit.find((e) => e.type === 'payment.attempted')).toMatchObject({ data: { outcome: 'succeeded', reason: null, amount: 3998, attempt: 1 } });
    expect(new Set(audit.map((e) => e.correlationId))).toEqual(new Set(['req-first-billing']));
    const admin = await app.http.get(`/api/v1/admin/audit-logs?subscriptionId=${sub.id}&type=order.created`, { token: w.admin });
    expect(admin.body.data).toMatchObject([{ refs: { subscriptionId: sub.id, userId: w.userId, orderId: orders[0]!.id, productId: w.productId } }]);
  });

  it('declined → past_due (stock released) → payment method fixed → retried at once → active', async () => {
    const w = await billingWorld(app);
    await w.stock(5);
    const created = await w.subscribe({ paymentMethod: 'pm_card_declined' });
    const pastDue = await w.waitForStatus(created.id, 'past_due');
    expect(Date.parse(pastDue.nextBillingAt!) - Date.parse(created.createdAt)).toBeGreaterThanOrEqual(DAY_S * 1000);
    expect(await w.level()).toEqual({ onHand: 5, reserved: 0 });
    const audit = await waitFor(() => auditOf(app, created.id), (a) => a.some((e) => e.type === 'inventory.released'), 'release audited');
    expect(audit.find((e) => e.type === 'payment.attempted')).toMatchObject({ data: { outcome: 'failed', reason: 'card_declined', attempt: 1 } });

    const changed = await app.http.put(`/api/v1/subscriptions/${created.id}/payment-method`, { paymentMethod: 'pm_card_ok' }, { token: w.user });
    expect(changed.status).toBe(200);
    expect(changed.body).toMatchObject({ status: 'past_due', paymentMethod: 'pm_card_ok' });
    await w.waitForStatus(created.id, 'active');
    expect(await waitFor(() => w.orders(created.id), (o) => o.length === 1, 'one order')).toHaveLength(1);
    expect((await ledgerOf(app, created.id)).map((e) => [e.outcome, e.reason])).toEqual([
      ['failed', 'card_declined'],
      ['succeeded', null],
    ]);
  });

  it('out of stock → deferred without a charge; restocked at another center → after the backorder delay, an order from that center', async () => {
    const w = await billingWorld(app);
    const created = await w.subscribe();
    const deferred = await waitFor(() => w.subscription(created.id), (s) => s.awaitingStock, 'awaitingStock');
    expect(deferred.status).toBe('incomplete');
    expect(Date.parse(deferred.nextBillingAt!) - Date.parse(created.createdAt)).toBeGreaterThanOrEqual(3_600_000);
    expect(await ledgerOf(app, created.id)).toEqual([]);
    expect((await waitFor(() => auditOf(app, created.id), (a) => a.some((e) => e.type === 'billing.deferred_out_of_stock'), 'deferral audited')).length).toBeGreaterThan(0);

    const east = await w.center('EAST', 50);
    await w.stock(3, east);
    // Restocked, but the retry waits for nextBillingAt: a minute before it, a scan (the advance) leaves it alone.
    const untilRetry = Date.parse(deferred.nextBillingAt!) - Date.parse((await app.http.get('/api/v1/admin/clock', { token: w.admin })).body.now);
    await w.advance(Math.floor(untilRetry / 1000) - 60);
    await w.runBilling();
    expect(await w.subscription(created.id)).toMatchObject({ awaitingStock: true, nextBillingAt: deferred.nextBillingAt });
    expect(await ledgerOf(app, created.id)).toEqual([]);
    await w.advance(61);
    const active = await w.waitForStatus(created.id, 'active');
    expect(active.awaitingStock).toBe(false);
    const [order] = await waitFor(() => w.orders(created.id), (o) => o.length === 1, 'one order');
    expect(order!.fulfillmentCenterId).toBe(east);
    expect(await w.level(east)).toEqual({ onHand: 2, reserved: 0 });
  });

  it('dunning driven only by the clock and billing/run: the first charge plus 3 retries, then canceled with payment_failed', async () => {
    const w = await billingWorld(app);
    await w.stock(5);
    const created = await w.subscribe({ paymentMethod: 'pm_card_insufficient_funds' });
    await w.waitForStatus(created.id, 'past_due');
    for (const [i, days] of [1, 3, 5].entries()) {
      await w.advance(days * DAY_S); // a scan follows every advance…
      await w.runBilling(); // …and an explicit run changes nothing more (same job ids)
      await waitFor(() => ledgerOf(app, created.id), (l) => l.length === i + 2, `charge ${i + 2}`);
    }
    const canceled = await w.waitForStatus(created.id, 'canceled');
    expect(canceled).toMatchObject({ cancellationReason: 'payment_failed', nextBillingAt: null });
    const ledger = await ledgerOf(app, created.id);
    expect(ledger.map((e) => e.reason)).toEqual(['insufficient_funds', 'insufficient_funds', 'insufficient_funds', 'insufficient_funds']);
    expect(ledger.every((e) => e.calls.length === 1)).toBe(true);
    const attempts = (await waitFor(() => auditOf(app, created.id), (a) => a.filter((e) => e.type === 'payment.attempted').length === 4, 'four payment audits'))
      .filter((e) => e.type === 'payment.attempted')
      .map((e) => e.data.attempt);
    expect(attempts).toEqual([1, 2, 3, 4]);
    expect(await w.orders(created.id)).toEqual([]);
    expect(await w.level()).toEqual({ onHand: 5, reserved: 0 });
  });

  it('renewal after advancing the clock bills the next contiguous period, exactly the first row of the schedule preview', async () => {
    const w = await billingWorld(app);
    await w.stock(5);
    const created = await w.subscribe();
    const active = await w.waitForStatus(created.id, 'active');
    const preview = await app.http.get(`/api/v1/subscriptions/${created.id}/schedule?count=3`, { token: w.user });
    expect(preview.status).toBe(200);
    const [next] = preview.body.data;
    expect(next).toMatchObject({ periodStart: active.currentPeriodEnd, billingAt: active.nextBillingAt, amount: 1999, currency: 'EUR' });

    const now = Date.parse((await app.http.get('/api/v1/admin/clock', { token: w.admin })).body.now);
    await w.advance(Math.ceil((Date.parse(next.billingAt) - now) / 1000) + 1);
    const orders = await waitFor(() => w.orders(created.id), (o) => o.length === 2, 'the renewal order');
    expect({ periodStart: orders[1]!.periodStart, periodEnd: orders[1]!.periodEnd, amount: orders[1]!.amount }).toEqual({
      periodStart: next.periodStart,
      periodEnd: next.periodEnd,
      amount: next.amount,
    });
    expect(orders[1]!.periodStart).toBe(orders[0]!.periodEnd);
    const renewed = await waitFor(() => w.subscription(created.id), (s) => s.currentPeriodStart === next.periodStart, 'the subscription to advance');
    expect(renewed).toMatchObject({ status: 'active', currentPeriodEnd: next.periodEnd, nextBillingAt: next.periodEnd });
  });
});
