import { afterAll, beforeAll, describe, expect, it } from 'bun:test';
import { startRedis, type RedisService } from '../../../scripts/services';
import type { HttpResponse } from '../../support/http-client';
import { startTestApp, type TestApp } from '../../support/test-app';

/** This file stops Redis, so it runs on a redis-server of its own, never the one the other tests share. */
let redis: RedisService;
let app: TestApp;

beforeAll(async () => {
  redis = await startRedis();
  app = await startTestApp({ ROLE: 'api', REDIS_URL: redis.url });
});
afterAll(async () => {
  await app?.close();
  await redis?.stop();
});

/** Polls readiness until `status` answers (the client notices a lost connection within a moment), at most 15 s. */
async function readinessBecomes(status: number): Promise<HttpResponse> {
  const deadline = Date.now() + 15_000;
  for (;;) {
    const response = await app.http.get('/health/ready');
    if (response.status === status || Date.now() > deadline) return response;
    await Bun.sleep(100);
  }
}

describe('GET /health/ready when Redis goes away', () => {
  it('answers 200 while Redis is up', async () => {
    const response = await app.http.get('/health/ready');
    expect(response.status).toBe(200);
    expect(response.body.checks).toEqual({ mongodb: 'up', redis: 'up' });
  });

  it('answers 503 problem+json with checks.redis "down" once Redis is stopped; liveness stays 200', async () => {
    await redis.stop();
    const response = await readinessBecomes(503);
    expect(response.status).toBe(503);
    expect(response.headers.get('Content-Type')).toContain('application/problem+json');
    expect(response.body).toMatchObject({ type: '/problems/service-unavailable', status: 503, checks: { mongodb: 'up', redis: 'down' } });
    expect((await app.http.get('/health')).status).toBe(200);
  });

  it('is ready again once Redis is back on the same port', async () => {
    redis = await startRedis({ port: redis.port });
    const response = await readinessBecomes(200);
    expect(response.status).toBe(200);
    expect(response.body.checks).toEqual({ mongodb: 'up', redis: 'up' });
  });
});
