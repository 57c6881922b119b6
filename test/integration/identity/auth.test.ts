import { afterAll, beforeAll, describe, expect, it } from 'bun:test';
import { sign } from 'hono/jwt';
import { startTestApp, TEST_JWT_SECRET, tokenFor, type TestApp } from '../../support/test-app';

/** Every row of API.md "Auth", over HTTP against the real stack. */
let app: TestApp;
beforeAll(async () => {
  app = await startTestApp();
});
afterAll(async () => {
  await app?.close();
});

const register = (body: Record<string, unknown>) => app.http.post('/api/v1/auth/register', body);
const login = (body: Record<string, unknown>) => app.http.post('/api/v1/auth/login', body);
let seq = 0;
const freshEmail = (local = 'user') => `${local}${++seq}-${Date.now()}@example.com`;

async function registered(password = 'a good password') {
  const email = freshEmail('Member');
  const res = await register({ email, password, name: 'Member' });
  expect(res.status).toBe(201);
  const token = (await login({ email, password })).body.accessToken as string;
  return { email, password, user: res.body, token };
}

describe('POST /api/v1/auth/register', () => {
  it('201 with { id, email as typed, name, role: USER, createdAt } and nothing else', async () => {
    const email = `  ${freshEmail('Ada.Lovelace').replace('example.com', 'Example.COM')} `;
    const res = await register({ email, password: 'correct horse battery', name: 'Ada' });
    expect(res.status).toBe(201);
    expect(res.body).toEqual({ id: expect.stringMatching(/^[0-9a-f-]{36}$/), email: email.trim(), name: 'Ada', role: 'USER', createdAt: expect.any(String) });
    expect(new Date(res.body.createdAt).toISOString()).toBe(res.body.createdAt);
  });

  it('409 when the e-mail is taken in any case', async () => {
    const email = freshEmail('taken');
    expect((await register({ email, password: 'first password', name: 'First' })).status).toBe(201);
    const again = await register({ email: email.toUpperCase(), password: 'second password', name: 'Second' });
    expect(again.status).toBe(409);
    expect(again.body.type).toBe('/problems/conflict');
  });

  it.each([
    ['a role field', { role: 'ADMIN' }, 'role'],
    ['any other extra field', { isAdmin: true }, 'isAdmin'],
    ['a password under 10 characters', { password: 'short' }, 'password'],
    ['a password over 256 characters', { password: 'p'.repeat(257) }, 'password'],
    ['an empty name', { name: '' }, 'name'],
    ['a name over 100 characters', { name: 'n'.repeat(101) }, 'name'],
    ['an invalid e-mail', { email: 'not-an-email' }, 'email'],
    ['a non-string e-mail', { email: { $gt: '' } }, 'email'],
  ])('400 for %s, naming the field', async (_what, change, path) => {
    const res = await register({ email: freshEmail(), password: 'a good password', name: 'N', ...change });
    expect(res.status).toBe(400);
    expect(res.body.errors).toEqual(expect.arrayContaining([expect.objectContaining({ path })]));
  });

  it('415 for a text/plain body and 400 for no body and no Content-Type', async () => {
    const body = JSON.stringify({ email: freshEmail(), password: 'a good password', name: 'N' });
    expect((await app.http.post('/api/v1/auth/register', undefined, { rawBody: body, contentType: 'text/plain' })).status).toBe(415);
    expect((await app.http.post('/api/v1/auth/register', undefined, { rawBody: body, contentType: null })).status).toBe(415);
    expect((await app.http.post('/api/v1/auth/register')).status).toBe(400);
    expect((await app.http.post('/api/v1/auth/register', undefined, { rawBody: '{"email":', contentType: 'application/json' })).status).toBe(400);
  });
});

describe('POST /api/v1/auth/login', () => {
  it('200 with { accessToken, tokenType: Bearer, expiresIn }', async () => {
    const { email, password } = await registered();
    const res = await login({ email: email.toLowerCase(), password });
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ accessToken: expect.any(String), tokenType: 'Bearer', expiresIn: 900 });
  });

  it('401 with the same body for a wrong password and an unknown e-mail', async () => {
    const { email } = await registered();
    const wrongPassword = await login({ email, password: 'not the password' });
    const unknownEmail = await login({ email: freshEmail('nobody'), password: 'not the password' });
    expect(wrongPassword.status).toBe(401);
    expect(unknownEmail.status).toBe(401);
    expect(unknownEmail.text).toBe(wrongPassword.text);
    expect(wrongPassword.body.type).toBe('/problems/unauthorized');
  });

  it('400 for a NoSQL operator in place of the e-mail, never a lookup', async () => {
    const res = await app.http.post('/api/v1/auth/login', undefined, { rawBody: '{"email":{"$gt":""},"password":"x"}', contentType: 'application/json' });
    expect(res.status).toBe(400);
    expect(res.body.errors).toEqual(expect.arrayContaining([expect.objectContaining({ path: 'email' })]));
  });

  it.each([
    ['an extra field', { email: 'a@example.com', password: 'x', remember: true }],
    ['an empty password', { email: 'a@example.com', password: '' }],
    ['a password over 256 characters', { email: 'a@example.com', password: 'p'.repeat(257) }],
    ['a missing password', { email: 'a@example.com' }],
  ])('400 for %s', async (_what, body) => {
    expect((await login(body)).status).toBe(400);
  });

  it('415 for text/plain, 400 for no body and no Content-Type', async () => {
    const body = JSON.stringify({ email: 'a@example.com', password: 'whatever' });
    expect((await app.http.post('/api/v1/auth/login', undefined, { rawBody: body, contentType: 'text/plain' })).status).toBe(415);
    expect((await app.http.post('/api/v1/auth/login')).status).toBe(400);
  });
});

describe('GET /api/v1/auth/me', () => {
  it('200 with the signed-in user, for a USER and an ADMIN token', async () => {
    const { user, token } = await registered();
    const res = await app.http.get('/api/v1/auth/me', { token });
    expect(res.status).toBe(200);
    expect(res.body).toEqual(user);
    expect(JSON.stringify(res.body)).not.toMatch(/argon2|passwordHash/);
    const asAdminRole = await tokenFor(app, 'ADMIN', user.id);
    expect((await app.http.get('/api/v1/auth/me', { token: asAdminRole })).body.id).toBe(user.id);
  });

  it('401 without a token', async () => {
    expect((await app.http.get('/api/v1/auth/me')).status).toBe(401);
  });

  it('400 for an unknown query parameter', async () => {
    const { token } = await registered();
    expect((await app.http.get('/api/v1/auth/me?debug=1', { token })).status).toBe(400);
  });
});

describe('tokens the API must refuse (401)', () => {
  const b64 = (value: object) => Buffer.from(JSON.stringify(value)).toString('base64url');
  const claims = (userId: string, overrides: Record<string, unknown> = {}) => {
    const iat = Math.floor(Date.now() / 1000);
    return { sub: userId, role: 'USER', iat, exp: iat + 600, iss: app.config.JWT_ISSUER, aud: app.config.JWT_AUDIENCE, ...overrides };
  };
  const me = (token: string) => app.http.get('/api/v1/auth/me', { token });

  it('accepts a well-formed token made the same way (so the refusals below are about the defect)', async () => {
    const { user } = await registered();
    expect((await me(await sign(claims(user.id), TEST_JWT_SECRET, 'HS256'))).status).toBe(200);
  });

  it.each([
    ['alg: none', async (id: string) => `${b64({ alg: 'none', typ: 'JWT' })}.${b64(claims(id))}.`],
    ['a wrong key', async (id: string) => sign(claims(id), 'another-secret-of-at-least-32-bytes!!', 'HS256')],
    ['another HMAC algorithm (HS512)', async (id: string) => sign(claims(id), TEST_JWT_SECRET, 'HS512')],
    ['an expired token', async (id: string) => sign(claims(id, { iat: Math.floor(Date.now() / 1000) - 120, exp: Math.floor(Date.now() / 1000) - 60 }), TEST_JWT_SECRET, 'HS256')],
    ['no exp', async (id: string) => sign(claims(id, { exp: undefined }), TEST_JWT_SECRET, 'HS256')],
    ['a wrong iss', async (id: string) => sign(claims(id, { iss: 'someone-else' }), TEST_JWT_SECRET, 'HS256')],
    ['a wrong aud', async (id: string) => sign(claims(id, { aud: 'another-api' }), TEST_JWT_SECRET, 'HS256')],
    ['an unknown role', async (id: string) => sign(claims(id, { role: 'ROOT' }), TEST_JWT_SECRET, 'HS256')],
  ])('refuses %s', async (_what, make) => {
    const { user } = await registered();
    const res = await me(await make(user.id));
    expect(res.status).toBe(401);
    expect(res.body.type).toBe('/problems/unauthorized');
  });

  it('refuses a USER token whose role was edited to ADMIN', async () => {
    const { token } = await registered();
    const [header, payload, signature] = token.split('.');
    const tampered = `${header}.${b64({ ...JSON.parse(Buffer.from(payload!, 'base64url').toString()), role: 'ADMIN' })}.${signature}`;
    expect((await me(tampered)).status).toBe(401);
    expect((await app.http.get('/api/v1/admin/audit-logs', { token: tampered })).status).toBe(401);
    expect((await app.http.get('/api/v1/admin/audit-logs', { token })).status).toBe(403);
  });
});
