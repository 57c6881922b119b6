/** Every row of API.md's "Subscriptions" table over HTTP: shapes, validation, ownership, cancel rules, the preview. */
import { afterAll, beforeAll, describe, expect, it } from 'bun:test';
import { billingWorld, waitFor } from '../../support/billing-http';
import { startTestApp, tokenFor, type TestApp } from '../../support/test-app';

let app: TestApp;
let w: Awaited<ReturnType<typeof billingWorld>>;
let stranger: string;
const unknownId = '0190a6f4-5b7e-7c4a-9f1e-2d3c4b5a6978';
const paths = (body: { errors?: Array<{ path: string }> }) => (body.errors ?? []).map((e) => e.path);

beforeAll(async () => {
  app = await startTestApp({ BILLING_SCAN_INTERVAL_MS: '3600000', RESERVATION_SWEEP_INTERVAL_MS: '3600000' });
  w = await billingWorld(app);
  await w.stock(100);
  stranger = await tokenFor(app, 'USER');
});

afterAll(async () => {
  await app?.close();
});

describe('POST /api/v1/subscriptions', () => {
  it('201 with exactly the documented fields; quantity 1 and pm_card_ok by default; the caller owns it', async () => {
    const res = await app.http.post('/api/v1/subscriptions', { planId: w.planId, productId: w.productId }, { token: w.user });
    expect(res.status).toBe(201);
    expect(res.body).toEqual({
      id: expect.any(String),
      userId: w.userId,
      planId: w.planId,
      productId: w.productId,
      quantity: 1,
      paymentMethod: 'pm_card_ok',
      status: 'incomplete',
      currentPeriodStart: null,
      currentPeriodEnd: null,
      nextBillingAt: res.body.createdAt,
      trialEnd: null,
      cancelAtPeriodEnd: false,
      cancellationReason: null,
      canceledAt: null,
      awaitingStock: false,
      createdAt: expect.any(String),
    });
    await w.waitForStatus(res.body.id, 'active');
  });

  it('an ADMIN subscribes for themselves', async () => {
    const res = await app.http.post('/api/v1/subscriptions', { planId: w.planId, productId: w.productId }, { token: w.admin });
    expect(res.body.userId).toBe(w.adminId);
  });

  it('a plan with a trial: trialing, due at the trial end', async () => {
    const trial = await app.http.post('/api/v1/plans', { name: 'Trial', amount: 500, currency: 'EUR', interval: 'week', trialDays: 7 }, { token: w.admin });
    const res = await app.http.post('/api/v1/subscriptions', { planId: trial.body.id, productId: w.productId, quantity: 3 }, { token: w.user });
    expect(res.body).toMatchObject({ status: 'trialing', quantity: 3 });
    expect(Date.parse(res.body.trialEnd) - Date.parse(res.body.createdAt)).toBe(7 * 86_400_000);
    expect(res.body.nextBillingAt).toBe(res.body.trialEnd);
  });

  it('400 for bad input, naming the fields', async () => {
    const post = (body: unknown) => app.http.post('/api/v1/subscriptions', body, { token: w.user });
    const base = { planId: w.planId, productId: w.productId };
    expect(paths((await post({ ...base, quantity: 0 })).body)).toEqual(['quantity']);
    expect(paths((await post({ ...base, quantity: 1001 })).body)).toEqual(['quantity']);
    expect(paths((await post({ ...base, quantity: 1.5 })).body)).toEqual(['quantity']);
    expect(paths((await post({ ...base, paymentMethod: 'pm_card_visa' })).body)).toEqual(['paymentMethod']);
    expect(paths((await post({ ...base, planId: 'nope' })).body)).toEqual(['planId']);
    expect(paths((await post({ ...base, userId: unknownId })).body)).toEqual(['userId']);
    expect((await post({ productId: w.productId })).status).toBe(400);
    const wrongType = await app.http.post('/api/v1/subscriptions', undefined, { token: w.user, rawBody: 'planId=x', contentType: 'application/x-www-form-urlencoded' });
    expect(wrongType.status).toBe(415);
  });

  it('404 for an unknown plan or product; 409 once archived', async () => {
    expect((await app.http.post('/api/v1/subscriptions', { planId: unknownId, productId: w.productId }, { token: w.user })).status).toBe(404);
    expect((await app.http.post('/api/v1/subscriptions', { planId: w.planId, productId: unknownId }, { token: w.user })).status).toBe(404);
    const other = await billingWorld(app);
    await app.http.post(`/api/v1/plans/${other.planId}/archive`, undefined, { token: other.admin });
    expect((await app.http.post('/api/v1/subscriptions', { planId: other.planId, productId: other.productId }, { token: other.user })).status).toBe(409);
    const third = await billingWorld(app);
    await app.http.post(`/api/v1/products/${third.productId}/archive`, undefined, { token: third.admin });
    expect((await app.http.post('/api/v1/subscriptions', { planId: third.planId, productId: third.productId }, { token: third.user })).status).toBe(409);
  });

  it('401 without a token', async () => {
    expect((await app.http.post('/api/v1/subscriptions', { planId: w.planId, productId: w.productId })).status).toBe(401);
  });
});

describe('GET /api/v1/subscriptions(/:id)', () => {
  it('the owner and an ADMIN read one; another user and a malformed id get 404', async () => {
    const sub = await w.subscribe();
    expect((await app.http.get(`/api/v1/subscriptions/${sub.id}`, { token: w.user })).status).toBe(200);
    expect((await app.http.get(`/api/v1/subscriptions/${sub.id}`, { token: w.admin })).status).toBe(200);
    expect((await app.http.get(`/api/v1/subscriptions/${sub.id}`, { token: stranger })).status).toBe(404);
    expect((await app.http.get('/api/v1/subscriptions/not-an-id', { token: w.user })).status).toBe(404);
  });

  it('a USER lists their own, newest first; another user’s id as a filter gives an empty list; an ADMIN filters by user', async () => {
    const mine = await app.http.get('/api/v1/subscriptions?limit=100', { token: w.user });
    expect(mine.body.data.length).toBeGreaterThan(0);
    expect(mine.body.data.every((s: { userId: string }) => s.userId === w.userId)).toBe(true);
    const created = mine.body.data.map((s: { createdAt: string }) => s.createdAt);
    expect([...created].sort().reverse()).toEqual(created);
    const strangers = await app.http.get(`/api/v1/subscriptions?userId=${w.userId}`, { token: stranger });
    expect(strangers.body).toEqual({ data: [], nextCursor: null });
    const byAdmin = await app.http.get(`/api/v1/subscriptions?userId=${w.userId}&limit=100`, { token: w.admin });
    expect(byAdmin.body.data.map((s: { id: string }) => s.id)).toEqual(mine.body.data.map((s: { id: string }) => s.id));
    const page = await app.http.get('/api/v1/subscriptions?limit=1', { token: w.user });
    const next = await app.http.get(`/api/v1/subscriptions?limit=1&cursor=${page.body.nextCursor}`, { token: w.user });
    expect(next.body.data[0].id).toBe(mine.body.data[1].id);
    expect((await app.http.get('/api/v1/subscriptions?status=active', { token: w.user })).status).toBe(400);
  });
});

describe('POST /api/v1/subscriptions/:id/cancel', () => {
  it('a body-less POST means atPeriodEnd: true: an active subscription stays active until its period end', async () => {
    const sub = await w.subscribe();
    const active = await w.waitForStatus(sub.id, 'active');
    const res = await app.http.post(`/api/v1/subscriptions/${sub.id}/cancel`, undefined, { token: w.user });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ status: 'active', cancelAtPeriodEnd: true, cancellationReason: 'cancellation_requested', canceledAt: null, nextBillingAt: active.currentPeriodEnd });
    expect((await app.http.get(`/api/v1/subscriptions/${sub.id}/schedule`, { token: w.user })).body).toEqual({ data: [] });
    const now = await app.http.post(`/api/v1/subscriptions/${sub.id}/cancel`, { atPeriodEnd: false }, { token: w.user });
    expect(now.body).toMatchObject({ status: 'canceled', canceledAt: expect.any(String), nextBillingAt: null });
    expect((await app.http.post(`/api/v1/subscriptions/${sub.id}/cancel`, {}, { token: w.user })).status).toBe(409);
  });

  it('an incomplete or past_due subscription is canceled at once, even at period end', async () => {
    const declined = await w.subscribe({ paymentMethod: 'pm_card_declined' });
    await w.waitForStatus(declined.id, 'past_due');
    const res = await app.http.post(`/api/v1/subscriptions/${declined.id}/cancel`, { atPeriodEnd: true }, { token: w.user });
    expect(res.body).toMatchObject({ status: 'canceled', cancellationReason: 'cancellation_requested' });
  });

  it('others get 404; unknown fields 400', async () => {
    const sub = await w.subscribe();
    expect((await app.http.post(`/api/v1/subscriptions/${sub.id}/cancel`, {}, { token: stranger })).status).toBe(404);
    expect(paths((await app.http.post(`/api/v1/subscriptions/${sub.id}/cancel`, { now: true }, { token: w.user })).body)).toEqual(['now']);
  });
});

describe('PUT /api/v1/subscriptions/:id/payment-method', () => {
  it('200 with the new method; 400 for an unknown one; 409 once canceled; 404 for others', async () => {
    const sub = await w.subscribe();
    const res = await app.http.put(`/api/v1/subscriptions/${sub.id}/payment-method`, { paymentMethod: 'pm_card_random' }, { token: w.user });
    expect(res.body.paymentMethod).toBe('pm_card_random');
    expect((await app.http.put(`/api/v1/subscriptions/${sub.id}/payment-method`, { paymentMethod: 'visa' }, { token: w.user })).status).toBe(400);
    expect((await app.http.put(`/api/v1/subscriptions/${sub.id}/payment-method`, { paymentMethod: 'pm_card_ok' }, { token: stranger })).status).toBe(404);
    await app.http.post(`/api/v1/subscriptions/${sub.id}/cancel`, { atPeriodEnd: false }, { token: w.user });
    expect((await app.http.put(`/api/v1/subscriptions/${sub.id}/payment-method`, { paymentMethod: 'pm_card_ok' }, { token: w.user })).status).toBe(409);
  });
});

describe('GET /api/v1/subscriptions/:id/schedule', () => {
  it('12 contiguous periods by default from the one nextBillingAt bills; count 1..36', async () => {
    const sub = await w.subscribe();
    const active = await w.waitForStatus(sub.id, 'active');
    const res = await app.http.get(`/api/v1/subscriptions/${sub.id}/schedule`, { token: w.user });
    expect(res.body.data).toHaveLength(12);
    expect(res.body.data[0]).toEqual({ periodStart: active.currentPeriodEnd, periodEnd: expect.any(String), billingAt: active.nextBillingAt, amount: 1999, currency: 'EUR' });
    for (let i = 1; i < 12; i += 1) expect(res.body.data[i].periodStart).toBe(res.body.data[i - 1].periodEnd);
    expect((await app.http.get(`/api/v1/subscriptions/${sub.id}/schedule?count=36`, { token: w.user })).body.data).toHaveLength(36);
    expect(paths((await app.http.get(`/api/v1/subscriptions/${sub.id}/schedule?count=0`, { token: w.user })).body)).toEqual(['query.count']);
    expect(paths((await app.http.get(`/api/v1/subscriptions/${sub.id}/schedule?count=37`, { token: w.user })).body)).toEqual(['query.count']);
    expect((await app.http.get(`/api/v1/subscriptions/${sub.id}/schedule`, { token: stranger })).status).toBe(404);
  });
});

describe('orders', () => {
  it('GET /orders: a USER sees their own; an ADMIN filters by subscription or user; GET /orders/:id for the owner only', async () => {
    const sub = await w.subscribe();
    await w.waitForStatus(sub.id, 'active');
    const [order] = await waitFor(() => w.orders(sub.id), (o) => o.length === 1, 'an order');
    const mine = await app.http.get('/api/v1/orders?limit=100', { token: w.user });
    expect(mine.body.data.map((o: { id: string }) => o.id)).toContain(order!.id);
    expect(mine.body.data.every((o: { userId: string }) => o.userId === w.userId)).toBe(true);
    expect((await app.http.get(`/api/v1/orders?subscriptionId=${sub.id}`, { token: stranger })).body.data).toEqual([]);
    const byUser = await app.http.get(`/api/v1/orders?userId=${w.userId}&limit=100`, { token: w.admin });
    expect(byUser.body.data.length).toBe(mine.body.data.length);
    const one = await app.http.get(`/api/v1/orders/${order!.id}`, { token: w.user });
    expect(one.body).toEqual({
      id: order!.id,
      userId: w.userId,
      subscriptionId: sub.id,
      productId: w.productId,
      fulfillmentCenterId: w.defaultCenter,
      quantity: 1,
      amount: 1999,
      currency: 'EUR',
      periodStart: expect.any(String),
      periodEnd: expect.any(String),
      status: 'paid',
      createdAt: expect.any(String),
    });
    expect((await app.http.get(`/api/v1/orders/${order!.id}`, { token: stranger })).status).toBe(404);
    expect((await app.http.get(`/api/v1/orders/${order!.id}`, { token: w.admin })).status).toBe(200);
    expect((await app.http.get('/api/v1/orders?foo=1', { token: w.user })).status).toBe(400);
  });
});

describe('billing operations and the clock (SIMULATION_CLOCK off)', () => {
  it('billing/run answers 202 { enqueued } for an ADMIN, 403 for a USER', async () => {
    const res = await app.http.post('/api/v1/admin/billing/run', undefined, { token: w.admin });
    expect(res.status).toBe(202);
    expect(res.body).toEqual({ enqueued: expect.any(Number) });
    expect((await app.http.post('/api/v1/admin/billing/run', undefined, { token: w.user })).status).toBe(403);
  });

  it('GET /admin/clock says it is not simulated; advance is 404', async () => {
    const clock = await app.http.get('/api/v1/admin/clock', { token: w.admin });
    expect(clock.body).toEqual({ now: expect.any(String), simulated: false });
    expect(Math.abs(Date.parse(clock.body.now) - Date.now())).toBeLessThan(60_000);
    expect((await app.http.post('/api/v1/admin/clock/advance', { seconds: 60 }, { token: w.admin })).status).toBe(404);
    expect((await app.http.get('/api/v1/admin/clock', { token: w.user })).status).toBe(403);
  });
});

describe('the simulation clock (SIMULATION_CLOCK on)', () => {
  it('advance moves business time by whole seconds, at most ten years, never backwards', async () => {
    const sim = await startTestApp({ SIMULATION_CLOCK: 'true', BILLING_SCAN_INTERVAL_MS: '3600000', RESERVATION_SWEEP_INTERVAL_MS: '3600000' });
    try {
      const admin = await tokenFor(sim, 'ADMIN');
      const before = await sim.http.get('/api/v1/admin/clock', { token: admin });
      expect(before.body.simulated).toBe(true);
      const res = await sim.http.post('/api/v1/admin/clock/advance', { seconds: 86_400 }, { token: admin });
      expect(res.status).toBe(200);
      expect(Date.parse(res.body.now) - Date.parse(before.body.now)).toBeGreaterThanOrEqual(86_400_000);
      for (const seconds of [0, -5, 1.5, 315_576_001, 11 * 366 * 86_400, '60']) {
        expect(paths((await sim.http.post('/api/v1/admin/clock/advance', { seconds }, { token: admin })).body)).toEqual(['seconds']);
      }
      expect((await sim.http.post('/api/v1/admin/clock/advance', { seconds: 10 * 365 * 86_400 }, { token: admin })).status).toBe(200);
    } finally {
      await sim.close();
    }
  });
});
