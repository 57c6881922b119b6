import { afterAll, beforeAll, describe, expect, it } from 'bun:test';
import { AuditLog } from '#application/audit/ports/audit-log.port';
import { InMemoryAuditLog } from '#infrastructure/in-memory/audit/in-memory-audit-log';
import mongoose from 'mongoose';
import { startTestApp, tokenFor, type TestApp } from '../../support/test-app';
import { canServeCompoundRangeScans } from '../../support/capabilities';

/**
 * API.md "Audit logs": each audit type this issue records, triggered over HTTP and found through
 * GET /api/v1/admin/audit-logs with its actor, subject, refs and correlation id (the request's X-Request-Id).
 */
let app: TestApp;
let admin: string;
const compoundRangeScans = await canServeCompoundRangeScans();
if (!compoundRangeScans) {
  process.stderr.write(
    'audit-logs.test: left out "from and to combine with a ref filter": the test MongoDB server loses the inclusive lower bound ' +
      'of a range on a descending field after an equality prefix in a compound index (SecantusDB); set MONGODB_URI to a real MongoDB to run it.\n',
  );
}
beforeAll(async () => {
  app = await startTestApp({ LOGIN_MAX_FAILS_EMAIL: '2' });
  admin = await tokenFor(app, 'ADMIN');
});
afterAll(async () => {
  await app?.close();
});

const PASSWORD = 'audited password';
let seq = 0;
const requestId = (what: string) => `audit-${what}-${++seq}-${Date.now()}`;
const asRequest = (id: string) => ({ headers: { 'X-Request-Id': id } });
const auditLogs = async (query: string) => {
  const res = await app.http.get(`/api/v1/admin/audit-logs?${query}`, { token: admin });
  expect(res.status).toBe(200);
  return res.body as { data: Array<Record<string, any>>; nextCursor: string | null };
};
const byCorrelation = async (type: string, correlationId: string) =>
  (await auditLogs(`type=${type}&limit=100`)).data.filter((e) => e.correlationId === correlationId);

async function registerUser(email = `Audited${++seq}-${Date.now()}@Example.com`) {
  const res = await app.http.post('/api/v1/auth/register', { email, password: PASSWORD, name: 'Audited' });
  expect(res.status).toBe(201);
  return res.body as { id: string; email: string };
}

describe('audit entries', () => {
  it('user.registered: the new user is actor and subject, with refs.userId and the request id', async () => {
    const id = requestId('register');
    const email = `New.Member${seq}@Example.com`;
    const res = await app.http.post('/api/v1/auth/register', { email, password: PASSWORD, name: 'New' }, asRequest(id));
    expect(res.headers.get('X-Request-Id')).toBe(id);
    const userId = res.body.id;
    const entries = (await auditLogs(`type=user.registered&userId=${userId}`)).data;
    expect(entries).toEqual([
      {
        id: expect.any(String),
        type: 'user.registered',
        actor: { type: 'user', id: userId },
        subject: { type: 'user', id: userId },
        refs: { userId },
        data: { email, name: 'New', role: 'USER' },
        correlationId: id,
        createdAt: expect.any(String),
      },
    ]);
  });

  it('auth.login_succeeded: the user is actor and subject', async () => {
    const user = await registerUser();
    const id = requestId('login-ok');
    expect((await app.http.post('/api/v1/auth/login', { email: user.email, password: PASSWORD }, asRequest(id))).status).toBe(200);
    expect(await byCorrelation('auth.login_succeeded', id)).toEqual([
      expect.objectContaining({ actor: { type: 'user', id: user.id }, subject: { type: 'user', id: user.id }, refs: { userId: user.id } }),
    ]);
  });

  it('auth.login_failed (wrong_password): subject the user, actor the system', async () => {
    const user = await registerUser();
    const id = requestId('login-wrong');
    expect((await app.http.post('/api/v1/auth/login', { email: user.email, password: 'a wrong one' }, asRequest(id))).status).toBe(401);
    expect(await byCorrelation('auth.login_failed', id)).toEqual([
      expect.objectContaining({
        actor: { type: 'system' },
        subject: { type: 'user', id: user.id },
        refs: { userId: user.id },
        data: expect.objectContaining({ reason: 'wrong_password' }),
      }),
    ]);
  });

  it('auth.login_failed (unknown_email): subject the normalised e-mail, no refs', async () => {
    const id = requestId('login-unknown');
    const email = `  Ghost${seq}@Example.COM `;
    expect((await app.http.post('/api/v1/auth/login', { email, password: 'anything' }, asRequest(id))).status).toBe(401);
    expect(await byCorrelation('auth.login_failed', id)).toEqual([
      expect.objectContaining({ actor: { type: 'system' }, subject: { type: 'email', id: email.trim().toLowerCase() }, refs: {}, data: expect.objectContaining({ reason: 'unknown_email' }) }),
    ]);
  });

  it('auth.login_failed (throttled): recorded for the refused attempt', async () => {
    const user = await registerUser();
    for (let i = 0; i < 2; i += 1) await app.http.post('/api/v1/auth/login', { email: user.email, password: 'a wrong one' });
    const id = requestId('login-throttled');
    expect((await app.http.post('/api/v1/auth/login', { email: user.email, password: PASSWORD }, asRequest(id))).status).toBe(429);
    expect(await byCorrelation('auth.login_failed', id)).toEqual([
      expect.objectContaining({ subject: { type: 'user', id: user.id }, refs: { userId: user.id }, data: expect.objectContaining({ reason: 'throttled' }) }),
    ]);
  });

  it('never records a password', async () => {
    const all = JSON.stringify((await auditLogs('limit=100')).data);
    expect(all).toContain('auth.login_failed');
    for (const secret of [PASSWORD, 'a wrong one', 'anything']) expect(all).not.toContain(secret);
  });
});

describe('GET /api/v1/admin/audit-logs filters', () => {
  it('type is exact and userId matches refs', async () => {
    const user = await registerUser();
    await app.http.post('/api/v1/auth/login', { email: user.email, password: PASSWORD });
    await app.http.post('/api/v1/auth/login', { email: user.email, password: 'a wrong one' });
    const mine = (await auditLogs(`userId=${user.id}`)).data;
    expect(mine.map((e) => e.type)).toEqual(['auth.login_failed', 'auth.login_succeeded', 'user.registered']);
    expect(mine.every((e) => e.refs.userId === user.id)).toBe(true);
    expect((await auditLogs(`userId=${user.id}&type=auth.login_succeeded`)).data).toHaveLength(1);
    expect((await auditLogs(`userId=${user.id}&type=auth.login`)).data).toHaveLength(0);
  });

  it('from is inclusive, to exclusive', async () => {
    const user = await registerUser();
    await app.http.post('/api/v1/auth/login', { email: user.email, password: PASSWORD });
    const [login, registration] = (await auditLogs(`userId=${user.id}`)).data;
    const ids = async (query: string) => (await auditLogs(`${query}&limit=100`)).data.map((e) => e.id);
    const at = (iso: string) => encodeURIComponent(iso);
    expect(await ids(`from=${at(registration!.createdAt)}`)).toContain(registration!.id);
    expect(await ids(`to=${at(registration!.createdAt)}`)).not.toContain(registration!.id);
    expect(await ids(`to=${at(login!.createdAt)}`)).not.toContain(login!.id);
    const between = await ids(`from=${at(registration!.createdAt)}&to=${at(login!.createdAt)}`);
    expect(between).not.toContain(login!.id);
    if (registration!.createdAt !== login!.createdAt) expect(between).toContain(registration!.id);
  });

  // SecantusDB 0.7.0b3 drops the lower bound's own entries when an equality on a ref precedes `$gte` on the
  // descending createdAt of a compound index (see canServeCompoundRangeScans); real MongoDB runs this test.
  it.skipIf(!compoundRangeScans)('from and to combine with a ref filter (inclusive from, exclusive to)', async () => {
    const user = await registerUser();
    await app.http.post('/api/v1/auth/login', { email: user.email, password: PASSWORD });
    const [login, registration] = (await auditLogs(`userId=${user.id}`)).data;
    const at = (iso: string) => encodeURIComponent(iso);
    expect((await auditLogs(`userId=${user.id}&from=${at(registration!.createdAt)}`)).data.map((e) => e.id)).toContain(registration!.id);
    expect((await auditLogs(`userId=${user.id}&to=${at(registration!.createdAt)}`)).data).toEqual([]);
    const justLogin = `from=${at(login!.createdAt)}&to=${at(new Date(Date.parse(login!.createdAt) + 1).toISOString())}`;
    expect((await auditLogs(`userId=${user.id}&${justLogin}`)).data.map((e) => e.id)).toEqual([login!.id]);
  });

  it('400 when from is later than to, for an unknown parameter, a malformed time or id, and a forged cursor', async () => {
    const bad = async (query: string) => {
      const res = await app.http.get(`/api/v1/admin/audit-logs?${query}`, { token: admin });
      expect(res.status).toBe(400);
      return res.body;
    };
    const reversed = await bad('from=2026-03-02T00:00:00.000Z&to=2026-03-01T00:00:00.000Z');
    expect(reversed.errors).toEqual([expect.objectContaining({ path: 'query.from' })]);
    expect((await bad('actorId=x')).errors).toEqual([expect.objectContaining({ path: 'query.actorId' })]);
    await bad('from=yesterday');
    await bad('userId=not-an-id');
    await bad('cursor=forged.cursor');
    await bad('limit=0');
  });

  it('pages newest first with a signed cursor', async () => {
    const user = await registerUser();
    await app.http.post('/api/v1/auth/login', { email: user.email, password: PASSWORD });
    await app.http.post('/api/v1/auth/login', { email: user.email, password: PASSWORD });
    const all = (await auditLogs(`userId=${user.id}`)).data.map((e) => e.id);
    expect(all).toHaveLength(3);
    const first = await auditLogs(`userId=${user.id}&limit=2`);
    expect(first.data.map((e) => e.id)).toEqual(all.slice(0, 2));
    const second = await auditLogs(`userId=${user.id}&limit=2&cursor=${encodeURIComponent(first.nextCursor!)}`);
    expect(second.data.map((e) => e.id)).toEqual(all.slice(2));
    expect(second.nextCursor).toBeNull();
  });

  it('ADMIN only: 401 anonymous, 403 USER', async () => {
    expect((await app.http.get('/api/v1/admin/audit-logs')).status).toBe(401);
    expect((await app.http.get('/api/v1/admin/audit-logs', { token: await tokenFor(app, 'USER') })).status).toBe(403);
  });
});

/** Detects at run time whether the server answers `{ a: x, t: { $gte: d } }` right on an index `{ a: 1, t: -1, _id: -1 }`. */
describe('append-only', () => {
  const methodNames = (adapter: object): string[] => {
    const names = new Set<string>();
    for (let proto = Object.getPrototypeOf(adapter); proto && proto !== Object.prototype; proto = Object.getPrototypeOf(proto)) {
      for (const name of Object.getOwnPropertyNames(proto)) if (name !== 'constructor') names.add(name);
    }
    return [...names].sort();
  };

  it('the AuditLog adapters can append and read, nothing that changes or removes an entry', () => {
    const mongo = app.runtime.container.resolve<object>(AuditLog);
    expect(methodNames(mongo)).toEqual(['append', 'find']);
    expect(methodNames(new InMemoryAuditLog())).toEqual(['all', 'append', 'find']);
    for (const name of [...methodNames(mongo), ...methodNames(new InMemoryAuditLog())]) {
      expect(name).not.toMatch(/update|delete|remove|replace|upsert|clear|drop|set|modify/i);
    }
  });

  it('the app registers only GET on the audit-log path', () => {
    const auditRoutes = app.runtime.app.routes.filter((r) => r.path.startsWith('/api/v1/admin/audit-logs'));
    expect(auditRoutes.length).toBeGreaterThan(0);
    expect([...new Set(auditRoutes.map((r) => r.method))]).toEqual(['GET']);
    expect([...new Set(auditRoutes.map((r) => r.path))]).toEqual(['/api/v1/admin/audit-logs']);
  });

  it('other methods on the audit-log path are refused', async () => {
    for (const method of ['POST', 'PUT', 'PATCH', 'DELETE']) {
      const res = await app.http.call(method, '/api/v1/admin/audit-logs', { token: admin, body: {} });
      expect(res.status).toBe(404);
    }
  });
});
