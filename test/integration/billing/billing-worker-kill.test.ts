/**
 * A worker process SIGKILLed in the middle of a batch, then a new one started: every due subscription is billed
 * exactly once (one distinct charge on the gateway's ledger, one order, one deduction). The API runs in this
 * process (ROLE=api, no workers); the workers are real `src/main.ts` processes (ROLE=worker) on the same database
 * and Redis prefix. Charges take 800 ms after the ledger records them, so the kill (right after the 3rd charge is recorded)
 * lands mid-charge, and the new worker must take that attempt over and replay its idempotency key.
 */
import { afterAll, beforeAll, describe, expect, it } from 'bun:test';
import { spawnApp, stopApp, waitForReady, type AppProcess } from '../../support/app-process';
import { billingWorld, ledgerOf, waitFor, type SubscriptionBody } from '../../support/billing-http';
import { startTestApp, testEnvironment, type TestApp } from '../../support/test-app';

const N = 12;
const shared = { BILLING_SCAN_INTERVAL_MS: '3600000', RESERVATION_SWEEP_INTERVAL_MS: '3600000', PAYMENT_SIMULATED_LATENCY_MS: '800' } as const;
let app: TestApp;
const workers: AppProcess[] = [];

beforeAll(async () => {
  app = await startTestApp({ ...shared, ROLE: 'api' });
});

afterAll(async () => {
  for (const worker of workers) await stopApp(worker, 5_000).catch(() => {});
  await app?.close();
});

function startWorker(): Promise<AppProcess> {
  const env = testEnvironment({
    ...shared,
    ROLE: 'worker',
    QUEUE_CONCURRENCY: '2',
    MONGODB_URI: app.config.MONGODB_URI,
    REDIS_KEY_PREFIX: app.config.REDIS_KEY_PREFIX,
  });
  return spawnApp(env).then((worker) => {
    workers.push(worker);
    return worker;
  });
}

describe('a worker killed mid-batch', () => {
  it('SIGKILL in the middle of a batch, a new worker started: every due subscription billed exactly once', async () => {
    const w = await billingWorld(app);
    await w.stock(100);
    const subs: SubscriptionBody[] = [];
    for (let i = 0; i < N; i += 1) subs.push(await w.subscribe());
    const charged = async () => (await Promise.all(subs.map((s) => ledgerOf(app, s.id)))).filter((l) => l.length > 0).length;

    const first = await startWorker();
    await waitForReady(first);
    await waitFor(charged, (n) => n >= 3, 'the first worker to charge a few');
    first.child.kill('SIGKILL');
    expect(await first.exited).toBe('SIGKILL');
    const ordersAtKill = (await Promise.all(subs.map((s) => w.orders(s.id)))).filter((o) => o.length > 0).length;
    expect(ordersAtKill).toBeLessThan(N); // the kill really landed mid-batch

    const second = await startWorker();
    await waitForReady(second);
    for (const sub of subs) await w.waitForStatus(sub.id, 'active', `subscription ${sub.id} active after the restart`, 45_000);

    const ledgers = await Promise.all(subs.map((s) => ledgerOf(app, s.id)));
    expect(ledgers.some((l) => l[0]!.calls.length > 1)).toBe(true); // a charge interrupted by the kill was replayed
    for (const sub of subs) {
      const ledger = await ledgerOf(app, sub.id);
      expect(ledger).toHaveLength(1); // one idempotency key…
      expect(ledger[0]!.outcome).toBe('succeeded'); // …one charge, however many calls the kill caused
      expect(await waitFor(() => w.orders(sub.id), (o) => o.length === 1, 'one order')).toHaveLength(1);
    }
    expect(await waitFor(() => w.level(), (l) => l?.reserved === 0, 'no stock left reserved', 30_000)).toEqual({ onHand: 100 - N, reserved: 0 });
  });
});
