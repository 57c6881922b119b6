import { expect } from 'bun:test';
import { AuditLog, type AuditEntry } from '#application/audit/ports/audit-log.port';
import { PaymentGateway } from '#application/billing/ports/payment-gateway.port';
import type { MongoSimulatedPaymentGateway } from '#infrastructure/payments/mongo-simulated-payment-gateway';
import { paymentLedgerModel } from '#infrastructure/persistence/mongoose/billing/payment-ledger.schema';
import type { PaymentLedgerEntry } from '#infrastructure/payments/simulated-payment-rules';
import { MongooseConnection } from '#infrastructure/di/tokens';
import type { Connection } from 'mongoose';
import { tokenFor, type TestApp } from './test-app';

/** Polls `read` until `done(value)` holds; fails with the last value after `timeoutMs` (no fixed sleeps in tests). */
export async function waitFor<T>(read: () => Promise<T>, done: (value: T) => boolean, what: string, timeoutMs = 30_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let last: T = await read();
  while (!done(last)) {
    if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}; last value: ${JSON.stringify(last, null, 1).slice(0, 1500)}`);
    await Bun.sleep(100);
    last = await read();
  }
  return last;
}

let counter = 0;
const unique = (prefix: string) => `${prefix}-${Date.now().toString(36).toUpperCase()}-${++counter}`;

/** An admin, a customer, a product with stock at DEFAULT and a plan, created over HTTP like a client would. */
export async function billingWorld(
  app: TestApp,
  options: { stock?: number; plan?: { amount?: number; interval?: string; intervalCount?: number; trialDays?: number } } = {},
) {
  const adminId = crypto.randomUUID();
  const userId = crypto.randomUUID();
  const admin = await tokenFor(app, 'ADMIN', adminId);
  const user = await tokenFor(app, 'USER', userId);
  const product = await app.http.post('/api/v1/products', { sku: unique('SKU'), name: 'Coffee beans' }, { token: admin });
  expect(product.status).toBe(201);
  const plan = await app.http.post(
    '/api/v1/plans',
    { name: 'Monthly beans', amount: options.plan?.amount ?? 1999, currency: 'eur', interval: options.plan?.interval ?? 'month', intervalCount: options.plan?.intervalCount ?? 1, trialDays: options.plan?.trialDays ?? 0 },
    { token: admin },
  );
  expect(plan.status).toBe(201);
  const centers = await app.http.get('/api/v1/fulfillment-centers?limit=100', { token: admin });
  const defaultCenter: string = centers.body.data.find((c: { code: string }) => c.code === 'DEFAULT').id;
  const world = {
    admin,
    adminId,
    user,
    userId,
    productId: product.body.id as string,
    planId: plan.body.id as string,
    defaultCenter,
    async stock(delta: number, fulfillmentCenterId = defaultCenter) {
      const res = await app.http.post('/api/v1/inventory/adjustments', { productId: world.productId, fulfillmentCenterId, delta, reason: 'test stock' }, { token: admin });
      expect(res.status).toBe(201);
      return res.body as { onHand: number; reserved: number; available: number };
    },
    async level(fulfillmentCenterId = defaultCenter) {
      const res = await app.http.get(`/api/v1/inventory?productId=${world.productId}`, { token: admin });
      const row = res.body.data.find((r: { fulfillmentCenterId: string }) => r.fulfillmentCenterId === fulfillmentCenterId);
      return row ? { onHand: row.onHand as number, reserved: row.reserved as number } : undefined;
    },
    async center(code: string, priority = 100) {
      const res = await app.http.post('/api/v1/fulfillment-centers', { code: unique(code), name: code, priority }, { token: admin });
      expect(res.status).toBe(201);
      return res.body.id as string;
    },
    async subscribe(body: Record<string, unknown> = {}, token = user) {
      const res = await app.http.post('/api/v1/subscriptions', { planId: world.planId, productId: world.productId, ...body }, { token });
      expect(res.status).toBe(201);
      return res.body as SubscriptionBody;
    },
    async subscription(id: string) {
      return (await app.http.get(`/api/v1/subscriptions/${id}`, { token: admin })).body as SubscriptionBody;
    },
    /** Orders of a subscription, oldest period first. */
    async orders(subscriptionId: string) {
      const res = await app.http.get(`/api/v1/orders?subscriptionId=${subscriptionId}&limit=100`, { token: admin });
      expect(res.status).toBe(200);
      return (res.body.data as OrderBody[]).sort((a, b) => a.periodStart.localeCompare(b.periodStart));
    },
    async waitForStatus(id: string, status: string, what = `subscription ${id} to be ${status}`, timeoutMs?: number) {
      return waitFor(() => world.subscription(id), (s) => s.status === status, what, timeoutMs);
    },
    async advance(seconds: number) {
      const res = await app.http.post('/api/v1/admin/clock/advance', { seconds }, { token: admin });
      expect(res.status).toBe(200);
      return res.body.now as string;
    },
    async runBilling() {
      const res = await app.http.post('/api/v1/admin/billing/run', undefined, { token: admin });
      expect(res.status).toBe(202);
      return res.body.enqueued as number;
    },
  };
  return world;
}

export interface SubscriptionBody {
  id: string;
  userId: string;
  status: string;
  currentPeriodStart: string | null;
  currentPeriodEnd: string | null;
  nextBillingAt: string | null;
  trialEnd: string | null;
  cancelAtPeriodEnd: boolean;
  cancellationReason: string | null;
  canceledAt: string | null;
  awaitingStock: boolean;
  createdAt: string;
}

export interface OrderBody {
  id: string;
  subscriptionId: string;
  fulfillmentCenterId: string;
  amount: number;
  currency: string;
  periodStart: string;
  periodEnd: string;
  createdAt: string;
}

/** The simulated gateway's ledger entries of one subscription (the MongoDB collection, across processes). */
export async function ledgerOf(app: TestApp, subscriptionId: string): Promise<PaymentLedgerEntry[]> {
  const gateway = app.runtime.container.resolve<PaymentGateway>(PaymentGateway) as Partial<MongoSimulatedPaymentGateway>;
  if (gateway.entries) return gateway.entries({ subscriptionId });
  const model = paymentLedgerModel(app.runtime.container.resolve<Connection>(MongooseConnection));
  const docs = await model.collection.find({ 'metadata.subscriptionId': subscriptionId }).sort({ createdAt: 1 }).toArray();
  return docs.map(({ _id, ...rest }) => ({ idempotencyKey: String(_id), ...rest }) as unknown as PaymentLedgerEntry);
}

/** Audit entries about a subscription, oldest first. */
export async function auditOf(app: TestApp, subscriptionId: string): Promise<AuditEntry[]> {
  const page = await app.runtime.container.resolve<AuditLog>(AuditLog).find({ subscriptionId }, { limit: 100 });
  return [...page.items].reverse();
}
