import { afterAll, beforeAll, describe, expect, it } from 'bun:test';
import { startTestApp, type TestApp } from '../../support/test-app';

/**
 * API.md "Auth" throttling with small limits and a short window. TRUST_PROXY=true here, so each test gives its
 * requests their own client address through X-Forwarded-For and the address counters do not interfere.
 */
const MAX_FAILS_EMAIL = 3;
const MAX_FAILS_ADDRESS = 5;
let app: TestApp;
beforeAll(async () => {
  app = await startTestApp({
    TRUST_PROXY: 'true',
    LOGIN_MAX_FAILS_EMAIL: String(MAX_FAILS_EMAIL),
    LOGIN_MAX_FAILS_ADDRESS: String(MAX_FAILS_ADDRESS),
    LOGIN_WINDOW_MS: '1500',
  });
});
afterAll(async () => {
  await app?.close();
});

const PASSWORD = 'the right password';
let seq = 0;
async function member(): Promise<string> {
  const email = `throttle${++seq}-${Date.now()}@example.com`;
  expect((await app.http.post('/api/v1/auth/register', { email, password: PASSWORD, name: 'T' })).status).toBe(201);
  return email;
}
const login = (email: string, password: string, address: string) =>
  app.http.post('/api/v1/auth/login', { email, password }, { headers: { 'X-Forwarded-For': `10.9.9.9, ${address}` } });
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('login throttling', () => {
  it('after the e-mail limit every attempt is 429 with Retry-After, the right password too, from any address; then the window ends', async () => {
    const email = await member();
    for (let i = 0; i < MAX_FAILS_EMAIL; i += 1) expect((await login(email, 'wrong password', `192.0.2.${i + 1}`)).status).toBe(401);

    const wrong = await login(email, 'wrong password', '192.0.2.10');
    expect(wrong.status).toBe(429);
    expect(wrong.body.type).toBe('/problems/rate-limited');
    const retryAfter = Number(wrong.headers.get('Retry-After'));
    expect(retryAfter).toBeGreaterThanOrEqual(1);
    expect(retryAfter).toBeLessThanOrEqual(2);

    const right = await login(email, PASSWORD, '192.0.2.11');
    expect(right.status).toBe(429);
    expect(right.headers.get('Retry-After')).not.toBeNull();
    // Same answer for a wrong and a right password while throttled: nothing to learn from it.
    expect(right.text).toBe(wrong.text);

    await sleep(retryAfter * 1000);
    const after = await login(email, PASSWORD, '192.0.2.12');
    expect(after.status).toBe(200);
    expect(after.body.tokenType).toBe('Bearer');
  });

  it('a success resets the e-mail counter', async () => {
    const email = await member();
    for (let i = 0; i < MAX_FAILS_EMAIL - 1; i += 1) expect((await login(email, 'wrong password', '198.51.100.1')).status).toBe(401);
    expect((await login(email, PASSWORD, '198.51.100.2')).status).toBe(200);
    for (let i = 0; i < MAX_FAILS_EMAIL - 1; i += 1) expect((await login(email, 'wrong password', '198.51.100.3')).status).toBe(401);
    expect((await login(email, PASSWORD, '198.51.100.4')).status).toBe(200);
  });

  it('after the address limit every attempt from that address is 429, other addresses are not affected', async () => {
    const email = await member();
    for (let i = 0; i < MAX_FAILS_ADDRESS; i += 1) {
      expect((await login(`unknown${i}-${Date.now()}@example.com`, 'guess', '203.0.113.50')).status).toBe(401);
    }
    expect((await login(email, PASSWORD, '203.0.113.50')).status).toBe(429);
    expect((await login(email, PASSWORD, '203.0.113.51')).status).toBe(200);
  });

  it('successful logins are not throttled', async () => {
    const email = await member();
    for (let i = 0; i < MAX_FAILS_ADDRESS + 2; i += 1) expect((await login(email, PASSWORD, '203.0.113.80')).status).toBe(200);
  });
});
