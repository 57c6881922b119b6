import { afterAll, beforeAll, describe, expect, it } from 'bun:test';
import { z, type OpenAPIHono } from '@hono/zod-openapi';
import { Redis } from 'ioredis';
import { ConflictError, ForbiddenError, RateLimitedError } from '#application/shared/application-error';
import type { AppEnv } from '#interfaces/http/app-env';
import { defineRoute, problemResponses } from '#interfaces/http/route-table';
import { startTestApp, tokenFor, type TestApp } from '../../support/test-app';

/**
 * A test-only route module, declared like any other (`defineRoute`, so the idempotency middleware is the one every
 * POST gets) and mounted on the test app before its first request. It counts how often each handler really ran.
 */
function registerProbeRoutes(app: OpenAPIHono<AppEnv>) {
  const runs = { echo: 0, outcome: 0, slow: 0 };
  const slow = { entered: deferred(), release: deferred() };
  const json = <T extends z.ZodTypeAny>(schema: T) => ({ 'application/json': { schema } });

  const echo = defineRoute('user', {
    method: 'post',
    path: '/test/idempotency/echo',
    tags: ['Test'],
    request: { body: { required: true, content: json(z.strictObject({ note: z.string(), amount: z.number().int(), tags: z.record(z.string(), z.string()).optional() })) } },
    responses: { 201: { description: 'echo', content: json(z.object({ run: z.number().int(), note: z.string(), amount: z.number().int() })) } },
  });
  app.openapi(echo, (c) => {
    runs.echo += 1;
    const body = c.req.valid('json');
    return c.json({ run: runs.echo, note: body.note, amount: body.amount }, 201);
  });

  const outcome = defineRoute('user', {
    method: 'post',
    path: '/test/idempotency/outcome',
    tags: ['Test'],
    request: { body: { required: true, content: json(z.strictObject({ fail: z.enum(['conflict', 'forbidden', 'rate-limited', 'crash']) })) } },
    responses: { 201: { description: 'never', content: json(z.object({})) }, ...problemResponses(409, 429) },
  });
  app.openapi(outcome, (c) => {
    runs.outcome += 1;
    const { fail } = c.req.valid('json');
    if (fail === 'conflict') throw new ConflictError('already done');
    if (fail === 'forbidden') throw new ForbiddenError('not yours to do');
    if (fail === 'rate-limited') throw new RateLimitedError('slow down', 1);
    throw new Error('the handler crashed');
  });

  const slowRoute = defineRoute('user', {
    method: 'post',
    path: '/test/idempotency/slow',
    tags: ['Test'],
    request: { body: { required: true, content: json(z.strictObject({})) } },
    responses: { 201: { description: 'done', content: json(z.object({ run: z.number().int() })) } },
  });
  app.openapi(slowRoute, async (c) => {
    runs.slow += 1;
    slow.entered.resolve();
    await slow.release.promise;
    return c.json({ run: runs.slow }, 201);
  });
  return { runs, slow };
}

function deferred() {
  let resolve!: () => void;
  const promise = new Promise<void>((r) => (resolve = r));
  return { promise, resolve };
}

let app: TestApp;
let probe: ReturnType<typeof registerProbeRoutes>;
let redis: Redis;
let alice: string;
let bob: string;
const key = () => `key-${crypto.randomUUID()}`;
const withKey = (token: string, idempotencyKey: string) => ({ token, headers: { 'Idempotency-Key': idempotencyKey } });

beforeAll(async () => {
  app = await startTestApp({ ROLE: 'api' });
  probe = registerProbeRoutes(app.runtime.app);
  redis = new Redis(app.config.REDIS_URL);
  alice = await tokenFor(app, 'USER');
  bob = await tokenFor(app, 'USER');
});
afterAll(async () => {
  await redis?.quit();
  await app?.close();
});

async function storedKeys(): Promise<string[]> {
  return redis.keys(`${app.config.REDIS_KEY_PREFIX}:idempotency:*`);
}

describe('Idempotency-Key on POST (API.md Conventions)', () => {
  it('replays the first response, status and body, with Idempotent-Replayed: true, without running the handler again', async () => {
    const k = key();
    const first = await app.http.post('/test/idempotency/echo', { note: 'a', amount: 5 }, withKey(alice, k));
    expect(first.status).toBe(201);
    expect(first.headers.get('Idempotent-Replayed')).toBeNull();
    const runsAfterFirst = probe.runs.echo;

    // Same body with its keys in another order: the fingerprint is over canonical JSON.
    const options = withKey(alice, k);
    const again = await app.http.call('POST', '/test/idempotency/echo', {
      ...options,
      headers: { ...options.headers, 'X-Request-Id': 'replay.request:2' },
      rawBody: '{"amount":5,"note":"a"}',
      contentType: 'application/json',
    });
    expect(again.status).toBe(201);
    expect(again.body).toEqual(first.body);
    expect(again.headers.get('Idempotent-Replayed')).toBe('true');
    expect(again.headers.get('Content-Type')).toContain('application/json');
    // A replay is a response like any other: it carries its own request's id (API.md Conventions).
    expect(again.headers.get('X-Request-Id')).toBe('replay.request:2');
    expect(probe.runs.echo).toBe(runsAfterFirst);
  });

  it('answers 422 idempotency-key-reused when the same key comes with a different body', async () => {
    const k = key();
    expect((await app.http.post('/test/idempotency/echo', { note: 'a', amount: 5 }, withKey(alice, k))).status).toBe(201);
    const reused = await app.http.post('/test/idempotency/echo', { note: 'a', amount: 6 }, withKey(alice, k));
    expect(reused.status).toBe(422);
    expect(reused.body.type).toBe('/problems/idempotency-key-reused');
  });

  it('scopes keys to the caller: another user with the same key gets their own response', async () => {
    const k = key();
    const mine = await app.http.post('/test/idempotency/echo', { note: 'mine', amount: 1 }, withKey(alice, k));
    const theirs = await app.http.post('/test/idempotency/echo', { note: 'theirs', amount: 2 }, withKey(bob, k));
    expect(theirs.status).toBe(201);
    expect(theirs.body.note).toBe('theirs');
    expect(theirs.headers.get('Idempotent-Replayed')).toBeNull();
    expect(theirs.body.run).not.toBe(mine.body.run);
  });

  it('scopes keys to the route: the same key on another POST route is a different key', async () => {
    const k = key();
    expect((await app.http.post('/test/idempotency/echo', { note: 'x', amount: 1 }, withKey(alice, k))).status).toBe(201);
    const other = await app.http.post('/test/idempotency/outcome', { fail: 'conflict' }, withKey(alice, k));
    expect(other.status).toBe(409);
    expect(other.body.type).toBe('/problems/conflict');
  });

  it('two concurrent requests with one key: exactly one 201 and one 409 idempotency-key-in-flight', async () => {
    const k = key();
    const first = app.http.post('/test/idempotency/slow', {}, withKey(alice, k));
    await probe.slow.entered.promise; // the first request is inside its handler, holding the key
    const [marker] = await storedKeys().then((keys) => Promise.all(keys.map(async (name) => ({ name, pttl: await redis.pttl(name), value: await redis.get(name) }))))
      .then((entries) => entries.filter((e) => e.value?.includes('"in-flight"')));
    const second = await app.http.post('/test/idempotency/slow', {}, withKey(alice, k));
    probe.slow.release.resolve();
    const statuses = [(await first).status, second.status].sort();
    expect(statuses).toEqual([201, 409]);
    expect(second.body.type).toBe('/problems/idempotency-key-in-flight');
    expect(probe.runs.slow).toBe(1);
    // The in-flight marker has its own short TTL (a crashed request does not block its key for a day).
    expect(marker!.pttl).toBeGreaterThan(0);
    expect(marker!.pttl).toBeLessThanOrEqual(60_000);

    const replay = await app.http.post('/test/idempotency/slow', {}, withKey(alice, k));
    expect(replay.status).toBe(201);
    expect(replay.headers.get('Idempotent-Replayed')).toBe('true');
  });

  it('keeps a stored response at least 24 hours (Redis TTL ≥ 86,400 s)', async () => {
    const before = new Set(await storedKeys());
    expect((await app.http.post('/test/idempotency/echo', { note: 'ttl', amount: 1 }, withKey(alice, key()))).status).toBe(201);
    const added = (await storedKeys()).filter((name) => !before.has(name));
    expect(added).toHaveLength(1);
    expect(await redis.ttl(added[0]!)).toBeGreaterThanOrEqual(86_400);
  });

  it('stores a 4xx answer about the request (409) and replays it', async () => {
    const k = key();
    const runs = probe.runs.outcome;
    const first = await app.http.post('/test/idempotency/outcome', { fail: 'conflict' }, withKey(alice, k));
    const again = await app.http.post('/test/idempotency/outcome', { fail: 'conflict' }, withKey(alice, k));
    expect([first.status, again.status]).toEqual([409, 409]);
    expect(again.headers.get('Idempotent-Replayed')).toBe('true');
    expect(again.body).toEqual(first.body);
    expect(probe.runs.outcome).toBe(runs + 1);
  });

  for (const [fail, status] of [['crash', 500], ['rate-limited', 429], ['forbidden', 403]] as const) {
    it(`does not store a ${status}: a retry with the same key runs again`, async () => {
      const k = key();
      const runs = probe.runs.outcome;
      const first = await app.http.post('/test/idempotency/outcome', { fail }, withKey(alice, k));
      const again = await app.http.post('/test/idempotency/outcome', { fail }, withKey(alice, k));
      expect([first.status, again.status]).toEqual([status, status]);
      expect(again.headers.get('Idempotent-Replayed')).toBeNull();
      expect(probe.runs.outcome).toBe(runs + 2);
    });
  }

  it('refuses an empty key or one longer than 255 characters with 400', async () => {
    for (const bad of ['', 'k'.repeat(256)]) {
      const response = await app.http.post('/test/idempotency/echo', { note: 'n', amount: 1 }, withKey(alice, bad));
      expect(response.status).toBe(400);
      expect(response.body.errors).toEqual([{ path: 'header.Idempotency-Key', message: expect.any(String) }]);
    }
    expect((await app.http.post('/test/idempotency/echo', { note: 'n', amount: 1 }, withKey(alice, 'k'.repeat(255)))).status).toBe(201);
  });

  it('works on a real route: POST /api/v1/auth/register replays the created user, and creates it once', async () => {
    const k = key();
    const body = { email: `idem-${crypto.randomUUID()}@example.com`, password: 'correct horse battery', name: 'Idem' };
    const headers = { 'Idempotency-Key': k };
    const first = await app.http.post('/api/v1/auth/register', body, { headers });
    expect(first.status).toBe(201);
    const again = await app.http.post('/api/v1/auth/register', body, { headers });
    expect(again.status).toBe(201);
    expect(again.body).toEqual(first.body);
    expect(again.headers.get('Idempotent-Replayed')).toBe('true');
    const otherBody = await app.http.post('/api/v1/auth/register', { ...body, name: 'Other' }, { headers });
    expect(otherBody.status).toBe(422);
    // Without the key the email is taken: the replay did not create a second account, and the first did create one.
    expect((await app.http.post('/api/v1/auth/register', body)).status).toBe(409);
  });

  it('never stores a response that sets a cookie: a retried dashboard session gets a fresh cookie', async () => {
    const admin = await tokenFor(app, 'ADMIN');
    const k = key();
    const first = await app.http.post('/api/v1/admin/dashboard-session', undefined, withKey(admin, k));
    const again = await app.http.post('/api/v1/admin/dashboard-session', undefined, withKey(admin, k));
    expect([first.status, again.status]).toEqual([204, 204]);
    expect(again.headers.get('Set-Cookie')).toContain('dashboard_session=');
    expect(again.headers.get('Idempotent-Replayed')).toBeNull();
  });
});
