import { afterAll, beforeAll, describe, expect, it } from 'bun:test';
import { Metrics } from '#application/shared/ports/metrics.port';
import { startTestApp, tokenFor, type TestApp } from '../../support/test-app';

let app: TestApp;
let admin: string;
const adminId = crypto.randomUUID();

beforeAll(async () => {
  // ROLE=api: no workers, so jobs added here stay where they are until the scrape.
  app = await startTestApp({ ROLE: 'api' });
  admin = await tokenFor(app, 'ADMIN', adminId);
});
afterAll(async () => {
  await app?.close();
});

async function scrape(): Promise<string[]> {
  const response = await app.http.get('/metrics');
  expect(response.status).toBe(200);
  expect(response.headers.get('Content-Type')).toContain('text/plain');
  return response.text.split('\n');
}

/** The value of the sample `name{labels…}` whose labels include all of `labels`. */
function sample(lines: string[], name: string, labels: Record<string, string>): number | undefined {
  const line = lines.find(
    (l) => l.startsWith(`${name}{`) && Object.entries(labels).every(([k, v]) => l.includes(`${k}="${v}"`)),
  );
  return line === undefined ? undefined : Number(line.slice(line.lastIndexOf(' ') + 1));
}

describe('GET /metrics', () => {
  it('labels the HTTP latency histogram with the route template, never the raw path', async () => {
    const created = await app.http.post('/api/v1/products', { sku: `MET-${Date.now()}`, name: 'Metered' }, { token: admin });
    expect(created.status).toBe(201);
    const id: string = created.body.id;
    expect((await app.http.get(`/api/v1/products/${id}`, { token: admin })).status).toBe(200);

    const lines = await scrape();
    const buckets = lines.filter((l) => l.startsWith('http_request_duration_seconds_bucket{') && l.includes('route="/api/v1/products/:id"'));
    expect(buckets.length).toBeGreaterThan(0);
    expect(buckets.some((l) => l.includes('method="GET"') && l.includes('status="200"') && l.includes('le="+Inf"'))).toBe(true);
    expect(lines.filter((l) => l.includes(id))).toEqual([]);
  });

  it('reads queue depths from Redis at scrape time', async () => {
    const before = await scrape();
    expect(sample(before, 'bullmq_queue_jobs', { queue: 'billing', state: 'waiting' })).toBe(0);
    expect(sample(before, 'bullmq_queue_jobs', { queue: 'fulfillment', state: 'delayed' })).toBe(0);

    const queues = app.runtime.services.jobQueue;
    await queues.add({ queue: 'billing', name: 'metrics-probe', jobId: 'metrics-probe-1', data: {} });
    await queues.add({ queue: 'billing', name: 'metrics-probe', jobId: 'metrics-probe-2', data: {} });
    await queues.queue('fulfillment').add('metrics-probe', {}, { jobId: 'metrics-probe-3', delay: 3_600_000 });

    const after = await scrape();
    expect(sample(after, 'bullmq_queue_jobs', { queue: 'billing', state: 'waiting' })).toBe(2);
    expect(sample(after, 'bullmq_queue_jobs', { queue: 'fulfillment', state: 'delayed' })).toBe(1);
    for (const state of ['waiting', 'active', 'delayed', 'failed', 'completed']) {
      expect({ state, value: sample(after, 'bullmq_queue_jobs', { queue: 'maintenance', state }) }).toEqual({ state, value: expect.any(Number) });
    }
  });

  it('counts billing outcomes and charged amounts by currency (the Metrics port the biller reports to)', async () => {
    const metrics = app.runtime.container.resolve<Metrics>(Metrics);
    metrics.billingOutcome('succeeded', { amount: 1999, currency: 'usd' });
    metrics.billingOutcome('succeeded', { amount: 1, currency: 'USD' });
    metrics.billingOutcome('failed');
    metrics.billingOutcome('deferred');

    const lines = await scrape();
    expect(sample(lines, 'billing_outcomes_total', { outcome: 'succeeded' })).toBe(2);
    expect(sample(lines, 'billing_outcomes_total', { outcome: 'failed' })).toBe(1);
    expect(sample(lines, 'billing_outcomes_total', { outcome: 'deferred' })).toBe(1);
    expect(sample(lines, 'billing_charged_amount_minor_units_total', { currency: 'USD' })).toBe(2000);
  });

  it('includes the default process metrics', async () => {
    const lines = await scrape();
    expect(lines.some((l) => l.startsWith('process_cpu_user_seconds_total'))).toBe(true);
    expect(lines.some((l) => l.startsWith('nodejs_heap_size_used_bytes'))).toBe(true);
  });
});

describe('request logs', () => {
  it('carry the request id, the user id, the route template, the status and the duration', async () => {
    const requestId = `log-probe-${crypto.randomUUID()}`;
    const response = await app.http.get('/api/v1/admin/audit-logs?limit=1', { token: admin, headers: { 'X-Request-Id': requestId } });
    expect(response.status).toBe(200);
    expect(response.headers.get('X-Request-Id')).toBe(requestId);

    const line = app.logger.lines.find((l) => l.message === 'request' && l.fields.requestId === requestId);
    expect(line?.fields).toMatchObject({
      requestId,
      userId: adminId,
      method: 'GET',
      route: '/api/v1/admin/audit-logs',
      status: 200,
      durationMs: expect.any(Number),
    });
  });

  it('echo any printable request id the client sent, punctuation and spaces included; replace one longer than 128 characters', async () => {
    for (const sent of ['req.42:retry', 'client trace 7/3', crypto.randomUUID()]) {
      const response = await app.http.get('/health', { headers: { 'X-Request-Id': sent } });
      expect(response.headers.get('X-Request-Id')).toBe(sent);
    }
    const replaced = await app.http.get('/health', { headers: { 'X-Request-Id': 'x'.repeat(129) } });
    expect(replaced.headers.get('X-Request-Id')).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-7/);
  });

  it('log the template of a parameterised route and the status of a refusal', async () => {
    const requestId = `log-probe-${crypto.randomUUID()}`;
    const missing = crypto.randomUUID();
    const response = await app.http.get(`/api/v1/products/${missing}`, { headers: { 'X-Request-Id': requestId } });
    expect(response.status).toBe(401);
    const line = app.logger.lines.find((l) => l.message === 'request' && l.fields.requestId === requestId);
    expect(line?.fields).toMatchObject({ requestId, route: '/api/v1/products/:id', status: 401 });
    expect(line?.fields.userId).toBeUndefined();
    expect(JSON.stringify(line?.fields)).not.toContain(missing);
  });
});

describe('a worker-role process', () => {
  let worker: TestApp;
  beforeAll(async () => {
    worker = await startTestApp({ ROLE: 'worker' });
  });
  afterAll(async () => {
    await worker?.close();
  });

  it('serves health and /metrics, and not the API, its docs or the dashboard', async () => {
    expect((await worker.http.get('/health')).status).toBe(200);
    expect((await worker.http.get('/health/ready')).status).toBe(200);
    const metrics = await worker.http.get('/metrics');
    expect(metrics.status).toBe(200);
    expect(metrics.text).toContain('bullmq_queue_jobs{');
    for (const path of ['/docs', '/admin/queues', '/api/v1/admin/audit-logs']) {
      expect({ path, status: (await worker.http.get(path)).status }).toEqual({ path, status: 404 });
    }
  });
});
