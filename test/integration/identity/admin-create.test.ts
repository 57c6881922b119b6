import { afterAll, beforeAll, describe, expect, it } from 'bun:test';
import { startTestApp, testEnvironment, type TestApp } from '../../support/test-app';

/** `npm run admin:create`: the CLI against the same database a running API uses. */
let app: TestApp;
beforeAll(async () => {
  app = await startTestApp();
});
afterAll(async () => {
  await app?.close();
});

async function adminCreate(args: string[], stdin: string) {
  const env = { ...process.env, ...testEnvironment({ MONGODB_URI: app.config.MONGODB_URI, REDIS_KEY_PREFIX: app.config.REDIS_KEY_PREFIX }) };
  const child = Bun.spawn([process.execPath, 'scripts/admin-create.ts', ...args], { env, stdin: 'pipe', stdout: 'pipe', stderr: 'pipe' });
  child.stdin.write(stdin);
  await child.stdin.end();
  const [code, stdout, stderr] = await Promise.all([child.exited, new Response(child.stdout).text(), new Response(child.stderr).text()]);
  return { code, stdout, stderr };
}

describe('npm run admin:create', () => {
  it('creates an ADMIN from a password read on stdin; the API lets it in with the ADMIN role', async () => {
    const run = await adminCreate(['--email', 'Ops@Example.com', '--name', 'Ops'], 'operator password\n');
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/^created ADMIN Ops@Example\.com \(id [0-9a-f-]{36}\)\n$/);
    expect(run.stdout + run.stderr).not.toContain('operator password');

    const login = await app.http.post('/api/v1/auth/login', { email: 'ops@example.com', password: 'operator password' });
    expect(login.status).toBe(200);
    expect((await app.http.get('/api/v1/auth/me', { token: login.body.accessToken })).body).toMatchObject({ email: 'Ops@Example.com', name: 'Ops', role: 'ADMIN' });
  });

  it('refuses an e-mail already in use (any case) and does not promote its owner', async () => {
    expect((await app.http.post('/api/v1/auth/register', { email: 'member@example.com', password: 'member password', name: 'M' })).status).toBe(201);
    const run = await adminCreate(['--email', 'MEMBER@example.com'], 'operator password\n');
    expect(run.code).toBe(1);
    expect(run.stderr).toContain('already exists');
    const login = await app.http.post('/api/v1/auth/login', { email: 'member@example.com', password: 'member password' });
    expect((await app.http.get('/api/v1/auth/me', { token: login.body.accessToken })).body.role).toBe('USER');
  });

  it('refuses a password shorter than 10 characters, and a missing --email', async () => {
    const short = await adminCreate(['--email', 'short@example.com'], 'short\n');
    expect(short.code).toBe(1);
    expect(short.stderr).toContain('password must be 10..256 characters');
    const missing = await adminCreate([], 'operator password\n');
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain('usage: npm run admin:create');
  });
});
