import { afterAll, describe, expect, it } from 'bun:test';
import { Queue } from 'bullmq';
import { Redis } from 'ioredis';
import { spawnApp, stopApp, waitForReady, type AppProcess } from '../../support/app-process';
import { dropTestState, testEnvironment } from '../../support/test-app';

/**
 * Graceful shutdown of the real entry point (`bun src/main.ts`, ROLE=all) on SIGTERM, with real slow work in flight:
 * - a request: a login, slow because of deliberately expensive password hashing (ARGON2_MEMORY_KIB);
 * - a job: the first charge of a new subscription, slow because of PAYMENT_SIMULATED_LATENCY_MS.
 */
const ADMIN = { email: 'shutdown-admin@example.com', password: 'shutdown-admin-password' };
// Shorter than the slow request: the server must stop accepting yet still finish the request it holds.
const DRAIN_MS = 600;
const SHUTDOWN_TIMEOUT_MS = 10_000;

const env = testEnvironment({
  ROLE: 'all',
  LOG_LEVEL: 'warn',
  BOOTSTRAP_ADMIN_EMAIL: ADMIN.email,
  BOOTSTRAP_ADMIN_PASSWORD: ADMIN.password,
  // About 1.5 s per hash or verify on this project's 2-core machines.
  ARGON2_MEMORY_KIB: '262144',
  ARGON2_TIME_COST: '4',
  PAYMENT_SIMULATED_LATENCY_MS: '4000',
  SHUTDOWN_DRAIN_MS: String(DRAIN_MS),
  SHUTDOWN_TIMEOUT_MS: String(SHUTDOWN_TIMEOUT_MS),
});

let app: AppProcess | undefined;
const redis = new Redis(env.REDIS_URL!, { maxRetriesPerRequest: null });
const billing = new Queue('billing', { connection: redis, prefix: env.REDIS_KEY_PREFIX });

afterAll(async () => {
  if (app) await stopApp(app, 1_000);
  await billing.close();
  await redis.quit();
  await dropTestState({ MONGODB_URI: env.MONGODB_URI!, REDIS_URL: env.REDIS_URL!, REDIS_KEY_PREFIX: env.REDIS_KEY_PREFIX! });
});

async function call(method: string, path: string, body?: unknown, token?: string): Promise<{ status: number; body: any }> {
  const response = await fetch(`${app!.url}${path}`, {
    method,
    headers: { ...(body !== undefined ? { 'Content-Type': 'application/json' } : {}), ...(token ? { Authorization: `Bearer ${token}` } : {}) },
    ...(body !== undefined ? { body: JSON.stringify(body) } : {}),
  });
  const text = await response.text();
  return { status: response.status, body: text ? JSON.parse(text) : null };
}

async function until<T>(what: string, probe: () => Promise<T | undefined>, timeoutMs = 20_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    const value = await probe();
    if (value !== undefined) return value;
    await Bun.sleep(50);
  }
  throw new Error(`timed out waiting for ${what}:\n${app?.output()}`);
}

describe('SIGTERM while a request and a job are in flight (src/main.ts)', () => {
  it('finishes the request (200) and the job, answers 503 on readiness meanwhile, and exits 0 in time', async () => {
    app = await spawnApp(env);
    await waitForReady(app);

    // A billing job in flight: a new subscription is billed at once, and each charge takes 4 s.
    const admin = await call('POST', '/api/v1/auth/login', ADMIN);
    expect(admin.status).toBe(200);
    const token: string = admin.body.accessToken;
    const product = await call('POST', '/api/v1/products', { sku: `SIGTERM-${Date.now()}`, name: 'Shutdown probe' }, token);
    expect(product.status).toBe(201);
    const plan = await call('POST', '/api/v1/plans', { name: 'Monthly', amount: 1500, currency: 'usd', interval: 'month' }, token);
    expect(plan.status).toBe(201);
    expect((await call('POST', '/api/v1/inventory/adjustments', { productId: product.body.id, delta: 5, reason: 'shutdown test' }, token)).status).toBe(201);
    const subscription = await call('POST', '/api/v1/subscriptions', { planId: plan.body.id, productId: product.body.id }, token);
    expect(subscription.status).toBe(201);
    const subscriptionId: string = subscription.body.id;
    const jobId = await until('the billing job to be active', async () => {
      const active = await billing.getJobs(['active']);
      return active.find((job) => job.id?.includes(subscriptionId))?.id;
    });

    // A request in flight: a login (one slow password verification).
    const login = call('POST', '/api/v1/auth/login', ADMIN);
    await Bun.sleep(100);
    const exitCode = app.exited;
    app.child.kill('SIGTERM');

    // Readiness turns 503 at once while the server keeps answering during the drain.
    const ready = await until('readiness to answer 503', async () => {
      const response = await fetch(`${app!.url}/health/ready`).catch(() => null);
      return response?.status === 503 ? response : undefined;
    }, DRAIN_MS);
    expect(ready.status).toBe(503);
    expect(((await ready.json()) as { type: string }).type).toBe('/problems/service-unavailable');

    const answered = await login;
    expect(answered.status).toBe(200);
    expect(answered.body.accessToken).toEqual(expect.any(String));

    // The process ends by itself, 0, before its own deadline (drain + job timeout + margin) would force exit 1.
    expect(await exitCode).toBe(0);

    // The job finished during the shutdown (or, had it been cut off, would be back in wait for another worker).
    expect(['completed', 'waiting']).toContain(await billing.getJobState(jobId));
  });
});
