import { afterAll, beforeAll, describe, expect, it } from 'bun:test';
import { spawn } from 'node:child_process';
import { Queue } from 'bullmq';
import mongoose, { type Connection } from 'mongoose';
import { REPO_ROOT, spawnApp, stopApp, waitForReady, type AppProcess } from '../../support/app-process';
import { startTestApp, tokenFor, type TestApp } from '../../support/test-app';

/**
 * DESIGN.md D3, issue 2: a process that saves an aggregate and dies before publishing loses nothing. The event
 * stays in the document's outbox with no job in Redis; a fresh worker process's relay delivers it exactly once.
 */
describe('outbox: crash between save and publish', () => {
  let api: TestApp;
  let db: Connection;
  let billingQueue: Queue;
  const workers: AppProcess[] = [];
  const userId = crypto.randomUUID();
  let subscriptionId = '';

  beforeAll(async () => {
    // ROLE=api: this process runs no workers and no relay, so only the processes under test can deliver.
    api = await startTestApp({ ROLE: 'api' });
    db = await mongoose.createConnection(api.config.MONGODB_URI).asPromise();
    billingQueue = new Queue('billing', { connection: { url: api.config.REDIS_URL }, prefix: api.config.REDIS_KEY_PREFIX });
  });

  afterAll(async () => {
    await Promise.all(workers.map((w) => stopApp(w)));
    await billingQueue?.close();
    await db?.close();
    await api?.close();
  });

  const env = () => Object.fromEntries(Object.entries(process.env).filter(([, v]) => v !== undefined)) as Record<string, string>;
  const appEnv = (overrides: Record<string, string> = {}) => ({
    ...env(),
    NODE_ENV: 'test',
    JWT_SECRET: api.config.JWT_SECRET,
    MONGODB_URI: api.config.MONGODB_URI,
    REDIS_URL: api.config.REDIS_URL,
    REDIS_KEY_PREFIX: api.config.REDIS_KEY_PREFIX,
    LOG_LEVEL: 'warn',
    ...overrides,
  });

  it('the child saves the subscription and is killed before publishing: event kept, no job', async () => {
    const admin = await tokenFor(api, 'ADMIN');
    const product = await api.http.post('/api/v1/products', { sku: `CRASH-${Date.now()}`, name: 'Crash coffee' }, { token: admin });
    const plan = await api.http.post('/api/v1/plans', { name: 'Monthly', amount: 1500, currency: 'eur', interval: 'month' }, { token: admin });
    const stock = await api.http.post('/api/v1/inventory/adjustments', { productId: product.body.id, delta: 5, reason: 'initial' }, { token: admin });
    expect([product.status, plan.status, stock.status]).toEqual([201, 201, 201]);

    const child = spawn(process.execPath, ['test/support/outbox-crash-child.ts'], {
      cwd: REPO_ROOT,
      env: appEnv({ CRASH_PLAN_ID: plan.body.id, CRASH_PRODUCT_ID: product.body.id, CRASH_USER_ID: userId }),
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    child.stdout.on('data', (c) => (output += c));
    child.stderr.on('data', (c) => (output += c));
    const [, signal] = await new Promise<[number | null, string | null]>((done) => child.once('exit', (code, sig) => done([code, sig])));
    expect({ signal, output }).toMatchObject({ signal: 'SIGKILL', output: expect.stringContaining('dying before publish') });

    const saved = await db.collection('subscriptions').findOne({ userId });
    expect(saved).not.toBeNull();
    subscriptionId = String(saved!._id);
    expect((saved!.outbox as Array<{ type: string }>).map((e) => e.type)).toEqual(['subscriptions.subscription.created']);
    const counts = await billingQueue.getJobCounts('wait', 'active', 'completed', 'failed', 'delayed', 'prioritized');
    expect(Object.values(counts).reduce((a, b) => a + b, 0)).toBe(0);
    expect(await db.collection('audit_entries').countDocuments({ 'refs.subscriptionId': subscriptionId })).toBe(0);
  });

  it('a fresh worker process delivers it exactly once: one billing job, one audit entry, one charge, one order', async () => {
    const worker = await spawnApp(appEnv({ ROLE: 'worker', OUTBOX_RELAY_INTERVAL_MS: '200', OUTBOX_RELAY_AGE_MS: '500' }));
    workers.push(worker);
    await waitForReady(worker);

    // The relay adds the job, then acknowledges; the job (and the fulfillment after it, which saves the
    // subscription again) may finish before the acknowledgements land: wait until all of it has settled.
    const snapshot = async () => ({
      orders: await db.collection('orders').countDocuments({ subscriptionId }),
      doc: await db.collection('subscriptions').findOne({ _id: subscriptionId as never }),
    });
    let state = await snapshot();
    const deadline = Date.now() + 30_000;
    while (Date.now() < deadline && !(state.orders > 0 && state.doc?.status === 'active' && state.doc.outbox.length === 0)) {
      await Bun.sleep(200);
      state = await snapshot();
    }
    expect(state.doc?.outbox).toEqual([]);
    expect(state.doc?.status).toBe('active');
    expect(await db.collection('orders').countDocuments({ subscriptionId })).toBe(1);
    expect(await db.collection('audit_entries').countDocuments({ type: 'subscription.created', 'refs.subscriptionId': subscriptionId })).toBe(1);
    const billingJobs = (await billingQueue.getJobs(['completed', 'wait', 'active', 'failed', 'delayed'])).filter((j) => j.id?.includes(subscriptionId));
    expect(billingJobs).toHaveLength(1);
    // The gateway ledger has one document per idempotency key `<subscriptionId>-<periodStartMs>-<seq>`.
    const charges = await db.collection('payment_ledger').find({ _id: { $regex: `^${subscriptionId}-` } as never }).toArray();
    expect(charges.map((c) => c.outcome)).toEqual(['succeeded']);
  });

  it('a second fresh process finds nothing left to deliver', async () => {
    await stopApp(workers.pop()!);
    const again = await spawnApp(appEnv({ ROLE: 'worker', OUTBOX_RELAY_INTERVAL_MS: '200', OUTBOX_RELAY_AGE_MS: '0' }));
    workers.push(again);
    await waitForReady(again);
    await Bun.sleep(1_500);
    const billingJobs = (await billingQueue.getJobs(['completed', 'wait', 'active', 'failed', 'delayed'])).filter((j) => j.id?.includes(subscriptionId));
    expect(billingJobs).toHaveLength(1);
    expect(await db.collection('orders').countDocuments({ subscriptionId })).toBe(1);
    expect(await db.collection('audit_entries').countDocuments({ type: 'subscription.created', 'refs.subscriptionId': subscriptionId })).toBe(1);
  });
});
