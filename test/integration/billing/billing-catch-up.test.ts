/** After a long gap every missed period is billed once, in order, one job each (API.md billing rules, DESIGN.md D4). */
import { afterAll, beforeAll, describe, expect, it } from 'bun:test';
import { periodBoundary } from '#domain/subscriptions/subscription/billing-period';
import { billingWorld, ledgerOf, waitFor } from '../../support/billing-http';
import { startTestApp, type TestApp } from '../../support/test-app';

let app: TestApp;

beforeAll(async () => {
  app = await startTestApp({ SIMULATION_CLOCK: 'true', BILLING_SCAN_INTERVAL_MS: '3600000', RESERVATION_SWEEP_INTERVAL_MS: '3600000' });
});

afterAll(async () => {
  await app?.close();
});

describe('catch-up after a gap', () => {
  it('a year’s gap on a monthly plan: the 12 missed periods are billed once each, in order, contiguous', async () => {
    const w = await billingWorld(app);
    await w.stock(100);
    const created = await w.subscribe();
    const active = await w.waitForStatus(created.id, 'active');
    const anchor = new Date(active.currentPeriodStart!);
    const month = { unit: 'month' as const, count: 1 };

    // Jump to just past the 12th boundary: periods 1..12 are all due at once.
    const now = Date.parse((await app.http.get('/api/v1/admin/clock', { token: w.admin })).body.now);
    await w.advance(Math.ceil((periodBoundary(anchor, month, 12).getTime() - now) / 1000) + 1);

    const orders = await waitFor(() => w.orders(created.id), (o) => o.length === 13, '13 orders', 60_000);
    orders.forEach((order, k) => {
      expect(order.periodStart).toBe(periodBoundary(anchor, month, k).toISOString());
      expect(order.periodEnd).toBe(periodBoundary(anchor, month, k + 1).toISOString());
    });
    // Billed in order: creation order (createdAt, then id) follows the periods.
    const byCreation = [...orders].sort((a, b) => a.createdAt.localeCompare(b.createdAt) || a.id.localeCompare(b.id));
    expect(byCreation.map((o) => o.periodStart)).toEqual(orders.map((o) => o.periodStart));
    const ledger = await ledgerOf(app, created.id);
    expect(ledger).toHaveLength(13);
    expect(ledger.every((e) => e.outcome === 'succeeded' && e.calls.length === 1)).toBe(true);
    expect(await w.level()).toEqual({ onHand: 87, reserved: 0 });
    const sub = await waitFor(() => w.subscription(created.id), (s) => s.currentPeriodStart === orders[12]!.periodStart, 'the last period current');
    expect(sub.nextBillingAt).toBe(periodBoundary(anchor, month, 13).toISOString());
  });
});
