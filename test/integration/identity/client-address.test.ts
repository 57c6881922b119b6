import { afterAll, beforeAll, describe, expect, it } from 'bun:test';
import { startTestApp, type TestApp } from '../../support/test-app';

/**
 * DESIGN.md D5: the client address is the socket address; X-Forwarded-For counts only with TRUST_PROXY=true
 * (off here). Checked through a real Bun server, so the socket address is really read.
 */
const MAX_FAILS_ADDRESS = 3;
let app: TestApp;
let server: { stop(force?: boolean): Promise<void>; port: number };
beforeAll(async () => {
  app = await startTestApp({ LOGIN_MAX_FAILS_ADDRESS: String(MAX_FAILS_ADDRESS), LOGIN_MAX_FAILS_EMAIL: '50' });
  server = Bun.serve({ port: 0, hostname: '127.0.0.1', fetch: app.runtime.app.fetch }) as never;
});
afterAll(async () => {
  await server?.stop(true);
  await app?.close();
});

const PASSWORD = 'the right password';
const overSocket = (email: string, password: string, forwardedFor: string) =>
  fetch(`http://127.0.0.1:${server.port}/api/v1/auth/login`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', 'X-Forwarded-For': forwardedFor },
    body: JSON.stringify({ email, password }),
  });

describe('client address for login throttling', () => {
  it('ignores X-Forwarded-For without TRUST_PROXY: failures claiming many addresses all count for the socket', async () => {
    const email = `socket-${Date.now()}@example.com`;
    expect((await app.http.post('/api/v1/auth/register', { email, password: PASSWORD, name: 'S' })).status).toBe(201);
    for (let i = 0; i < MAX_FAILS_ADDRESS; i += 1) {
      const res = await overSocket(`nobody${i}-${Date.now()}@example.com`, 'guess', `198.18.0.${i + 1}`);
      expect(res.status).toBe(401);
      await res.body?.cancel();
    }
    const blocked = await overSocket(email, PASSWORD, '198.18.0.200');
    expect(blocked.status).toBe(429);
    expect(blocked.headers.get('Retry-After')).not.toBeNull();
    expect(blocked.headers.get('Content-Type')).toStartWith('application/problem+json');
    await blocked.body?.cancel();
  });

  it('keys on the real socket address: requests with no socket (in-process) are a different client', async () => {
    // The socket 127.0.0.1 is over its limit from the test above; an in-process request has no socket address.
    const email = `other-${Date.now()}@example.com`;
    expect((await app.http.post('/api/v1/auth/register', { email, password: PASSWORD, name: 'O' })).status).toBe(201);
    expect((await app.http.post('/api/v1/auth/login', { email, password: PASSWORD })).status).toBe(200);
    const stillBlocked = await overSocket(email, PASSWORD, '198.18.0.201');
    expect(stillBlocked.status).toBe(429);
    await stillBlocked.body?.cancel();
  });
});
