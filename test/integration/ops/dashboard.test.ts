import { afterAll, beforeAll, describe, expect, it, setSystemTime } from 'bun:test';
import { startTestApp, tokenFor, type TestApp } from '../../support/test-app';

let app: TestApp;

beforeAll(async () => {
  app = await startTestApp({ ROLE: 'api' });
});
afterAll(async () => {
  setSystemTime();
  await app?.close();
});

/** The `name=value` part of a Set-Cookie header. */
const cookieOf = (setCookie: string | null) => setCookie!.split(';')[0]!;

async function openSession(): Promise<string> {
  const response = await app.http.post('/api/v1/admin/dashboard-session', undefined, { token: await tokenFor(app, 'ADMIN') });
  expect(response.status).toBe(204);
  return cookieOf(response.headers.get('Set-Cookie'));
}

describe('POST /api/v1/admin/dashboard-session', () => {
  it('gives an ADMIN a short-lived HttpOnly, SameSite=Strict cookie scoped to /admin/queues', async () => {
    const response = await app.http.post('/api/v1/admin/dashboard-session', undefined, { token: await tokenFor(app, 'ADMIN') });
    expect(response.status).toBe(204);
    expect(response.text).toBe('');
    const setCookie = response.headers.get('Set-Cookie')!;
    expect(setCookie).toMatch(/^dashboard_session=[^;]+;/);
    expect(setCookie).toContain('Path=/admin/queues');
    expect(setCookie).toContain('HttpOnly');
    expect(setCookie).toContain('SameSite=Strict');
    const maxAge = Number(/Max-Age=(\d+)/.exec(setCookie)?.[1]);
    expect(maxAge).toBeGreaterThan(0);
    expect(maxAge).toBeLessThanOrEqual(3600);
  });

  it('refuses a USER (403) and an anonymous caller (401), and sets no cookie', async () => {
    const asUser = await app.http.post('/api/v1/admin/dashboard-session', undefined, { token: await tokenFor(app, 'USER') });
    expect(asUser.status).toBe(403);
    expect(asUser.headers.get('Set-Cookie')).toBeNull();
    const anonymous = await app.http.post('/api/v1/admin/dashboard-session');
    expect(anonymous.status).toBe(401);
    expect(anonymous.headers.get('Set-Cookie')).toBeNull();
  });
});

describe('GET /admin/queues (Bull Board)', () => {
  it('opens with the cookie: the page, its assets and its API list the billing and fulfillment queues', async () => {
    const cookie = await openSession();
    const page = await app.http.get('/admin/queues', { headers: { Cookie: cookie } });
    expect(page.status).toBe(200);
    expect(page.headers.get('Content-Type')).toContain('text/html');
    expect(page.text).toContain('<base href="/admin/queues/"');
    // Served without Bull Board's web-font link: the page loads nothing from another host.
    expect(page.text).not.toMatch(/(href|src)="https?:\/\//);

    const script = /<script defer src="(static\/js\/main\.[^"]+\.js)"/.exec(page.text)![1]!;
    const asset = await app.runtime.app.request(`/admin/queues/${script}`, { headers: { Cookie: cookie } });
    expect(asset.status).toBe(200);
    expect(asset.headers.get('Content-Type')).toContain('javascript');

    const api = await app.runtime.app.request('/admin/queues/api/queues', { headers: { Cookie: cookie } });
    expect(api.status).toBe(200);
    const names = ((await api.json()) as { queues: Array<{ name: string }> }).queues.map((q) => q.name);
    expect(names).toEqual(expect.arrayContaining(['billing', 'fulfillment', 'maintenance']));
  });

  it('answers 401 problem+json without a cookie, for the page, its assets and its API alike', async () => {
    for (const path of ['/admin/queues', '/admin/queues/api/queues', '/admin/queues/static/favicon.ico', '/admin/queues/queue/billing']) {
      const response = await app.http.get(path);
      expect({ path, status: response.status }).toEqual({ path, status: 401 });
      expect(response.body.type).toBe('/problems/unauthorized');
    }
  });

  it('does not take an access token instead of the cookie', async () => {
    const response = await app.http.get('/admin/queues', { token: await tokenFor(app, 'ADMIN') });
    expect(response.status).toBe(401);
  });

  it('answers 401 to a tampered cookie', async () => {
    const cookie = await openSession();
    const [name, value] = cookie.split('=') as [string, string];
    const payload = decodeURIComponent(value).split('.')[0]!;
    const forged = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8'));
    forged.exp += 86_400_000;
    const forgedPayload = Buffer.from(JSON.stringify(forged)).toString('base64url');
    const tampered = `${name}=${encodeURIComponent(`${forgedPayload}.${decodeURIComponent(value).split('.')[1]}`)}`;
    expect((await app.http.get('/admin/queues', { headers: { Cookie: tampered } })).status).toBe(401);
    const flipped = `${name}=${value.slice(0, -4)}${value.slice(-4) === 'AAAA' ? 'BBBB' : 'AAAA'}`;
    expect((await app.http.get('/admin/queues', { headers: { Cookie: flipped } })).status).toBe(401);
  });

  it('answers 401 to an expired cookie', async () => {
    setSystemTime(new Date(Date.now() - 2 * 3600_000));
    const stale = await openSession();
    setSystemTime();
    expect((await app.http.get('/admin/queues', { headers: { Cookie: stale } })).status).toBe(401);
  });
});
