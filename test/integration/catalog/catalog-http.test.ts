/** Every row of API.md's Catalog table over HTTP, with the audit entries the changes leave behind. */
import { afterAll, beforeAll, describe, expect, it } from 'bun:test';
import { AuditLog, type AuditEntry } from '#application/audit/ports/audit-log.port';
import { startTestApp, tokenFor, type TestApp } from '../../support/test-app';

let app: TestApp;
let admin: string;
let user: string;
const adminId = crypto.randomUUID();

beforeAll(async () => {
  app = await startTestApp();
  admin = await tokenFor(app, 'ADMIN', adminId);
  user = await tokenFor(app, 'USER');
});

afterAll(async () => {
  await app.close();
});

const monthly = { name: 'Monthly', amount: 1999, currency: 'eur', interval: 'month' };
const unknownId = '0190a6f4-5b7e-7c4a-9f1e-2d3c4b5a6978';
let skuSeq = 0;
const freshSku = () => `SKU-${Date.now().toString(36)}-${++skuSeq}`;

async function auditOf(query: Parameters<AuditLog['find']>[0]): Promise<AuditEntry[]> {
  return (await app.runtime.container.resolve<AuditLog>(AuditLog).find(query, { limit: 100 })).items as AuditEntry[];
}

const errorPaths = (body: { errors?: Array<{ path: string }> }) => (body.errors ?? []).map((e) => e.path);

describe('POST /api/v1/products', () => {
  it('201 with the product: sku trimmed, description null when absent, active; audited product.created', async () => {
    const sku = freshSku();
    const res = await app.http.post('/api/v1/products', { sku: `  ${sku} `, name: 'Beans' }, { token: admin });
    expect(res.status).toBe(201);
    expect(res.body).toEqual({ id: expect.any(String), sku, name: 'Beans', description: null, active: true, createdAt: expect.any(String) });
    expect(new Date(res.body.createdAt).toISOString()).toBe(res.body.createdAt);
    const entries = await auditOf({ productId: res.body.id, type: 'product.created' });
    expect(entries).toMatchObject([{ actor: { type: 'user', id: adminId }, subject: { type: 'product', id: res.body.id }, data: { sku, name: 'Beans' } }]);
    expect(entries[0]!.correlationId).toBe(res.headers.get('x-request-id')!);
  });

  it('409 when the sku is taken, in any case', async () => {
    const sku = freshSku();
    expect((await app.http.post('/api/v1/products', { sku: sku.toLowerCase(), name: 'One', description: 'first' }, { token: admin })).status).toBe(201);
    const again = await app.http.post('/api/v1/products', { sku: ` ${sku.toUpperCase()}`, name: 'Two' }, { token: admin });
    expect(again.status).toBe(409);
    expect(again.body.type).toBe('/problems/conflict');
  });

  it('400 for bad input: unknown field, missing or blank fields, too long values', async () => {
    const cases: Array<[unknown, string]> = [
      [{ sku: freshSku(), name: 'X', price: 5 }, 'price'],
      [{ name: 'X' }, 'sku'],
      [{ sku: '   ', name: 'X' }, 'sku'],
      [{ sku: 'x'.repeat(65), name: 'X' }, 'sku'],
      [{ sku: freshSku(), name: '' }, 'name'],
      [{ sku: freshSku(), name: 'X', description: 'd'.repeat(2001) }, 'description'],
      [{ sku: 5, name: 'X' }, 'sku'],
    ];
    for (const [body, path] of cases) {
      const res = await app.http.post('/api/v1/products', body, { token: admin });
      expect(res.status).toBe(400);
      expect(errorPaths(res.body)).toContain(path);
    }
    expect((await app.http.post('/api/v1/products', undefined, { token: admin })).status).toBe(400);
    expect((await app.http.post('/api/v1/products', undefined, { token: admin, rawBody: 'sku=x', contentType: 'text/plain' })).status).toBe(415);
  });

  it('401 without a token, 403 for a USER', async () => {
    expect((await app.http.post('/api/v1/products', { sku: freshSku(), name: 'X' })).status).toBe(401);
    expect((await app.http.post('/api/v1/products', { sku: freshSku(), name: 'X' }, { token: user })).status).toBe(403);
  });
});

describe('POST /api/v1/products/{id}/archive', () => {
  it('200 with active false, with no body at all; a repeat is harmless; audited product.archived once', async () => {
    const created = await app.http.post('/api/v1/products', { sku: freshSku(), name: 'To archive' }, { token: admin });
    const res = await app.http.post(`/api/v1/products/${created.body.id}/archive`, undefined, { token: admin });
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ ...created.body, active: false });
    expect((await app.http.post(`/api/v1/products/${created.body.id}/archive`, {}, { token: admin })).body.active).toBe(false);
    expect((await app.http.get(`/api/v1/products/${created.body.id}`, { token: user })).body.active).toBe(false);
    expect(await auditOf({ productId: created.body.id, type: 'product.archived' })).toMatchObject([{ actor: { type: 'user', id: adminId } }]);
  });

  it('404 for an unknown or malformed id, 400 for a body field, 403 for a USER', async () => {
    expect((await app.http.post(`/api/v1/products/${unknownId}/archive`, undefined, { token: admin })).status).toBe(404);
    expect((await app.http.post('/api/v1/products/not-an-id/archive', undefined, { token: admin })).status).toBe(404);
    const created = await app.http.post('/api/v1/products', { sku: freshSku(), name: 'X' }, { token: admin });
    const withField = await app.http.post(`/api/v1/products/${created.body.id}/archive`, { reason: 'x' }, { token: admin });
    expect(withField.status).toBe(400);
    expect(errorPaths(withField.body)).toEqual(['reason']);
    expect((await app.http.post(`/api/v1/products/${created.body.id}/archive`, undefined, { token: user })).status).toBe(403);
  });
});

describe('GET /api/v1/products and /api/v1/products/{id}', () => {
  it('lists newest first for any signed-in user, filters on ?active, and pages with a signed cursor', async () => {
    const skus = [freshSku(), freshSku(), freshSku()];
    const ids: string[] = [];
    for (const sku of skus) ids.push((await app.http.post('/api/v1/products', { sku, name: sku }, { token: admin })).body.id);
    await app.http.post(`/api/v1/products/${ids[0]}/archive`, undefined, { token: admin });

    const first = await app.http.get('/api/v1/products?limit=2', { token: user });
    expect(first.status).toBe(200);
    expect(first.body.data.map((p: { id: string }) => p.id)).toEqual([ids[2], ids[1]]);
    expect(first.body.nextCursor).toEqual(expect.any(String));
    const second = await app.http.get(`/api/v1/products?limit=2&cursor=${encodeURIComponent(first.body.nextCursor)}`, { token: user });
    expect(second.body.data[0].id).toBe(ids[0]);

    const archived = await app.http.get('/api/v1/products?active=false&limit=100', { token: user });
    expect(archived.body.data.every((p: { active: boolean }) => !p.active)).toBe(true);
    expect(archived.body.data.map((p: { id: string }) => p.id)).toContain(ids[0]);
    const active = await app.http.get('/api/v1/products?active=true&limit=100', { token: admin });
    expect(active.body.data.every((p: { active: boolean }) => p.active)).toBe(true);
    expect(active.body.data.map((p: { id: string }) => p.id)).toEqual(expect.arrayContaining([ids[1], ids[2]]));
  });

  it('400 for a bad filter, an unknown parameter, a bad limit or a forged cursor; 401 without a token', async () => {
    expect((await app.http.get('/api/v1/products?active=yes', { token: user })).status).toBe(400);
    expect((await app.http.get('/api/v1/products?sku=x', { token: user })).status).toBe(400);
    expect((await app.http.get('/api/v1/products?limit=101', { token: user })).status).toBe(400);
    expect((await app.http.get('/api/v1/products?cursor=forged.cursor', { token: user })).status).toBe(400);
    expect((await app.http.get('/api/v1/products')).status).toBe(401);
  });

  it('reads one product; 404 for an unknown or malformed id', async () => {
    const created = await app.http.post('/api/v1/products', { sku: freshSku(), name: 'One', description: 'Just one' }, { token: admin });
    const res = await app.http.get(`/api/v1/products/${created.body.id}`, { token: user });
    expect(res.status).toBe(200);
    expect(res.body).toEqual(created.body);
    expect((await app.http.get(`/api/v1/products/${unknownId}`, { token: user })).status).toBe(404);
    expect((await app.http.get('/api/v1/products/123', { token: user })).status).toBe(404);
  });
});

describe('POST /api/v1/plans', () => {
  it('201 with the plan: defaults intervalCount 1 and trialDays 0, currency upper-cased; audited plan.created', async () => {
    const res = await app.http.post('/api/v1/plans', monthly, { token: admin });
    expect(res.status).toBe(201);
    expect(res.body).toEqual({
      id: expect.any(String),
      name: 'Monthly',
      amount: 1999,
      currency: 'EUR',
      interval: 'month',
      intervalCount: 1,
      trialDays: 0,
      active: true,
      createdAt: expect.any(String),
    });
    const entries = (await auditOf({ type: 'plan.created' })).filter((e) => e.subject.id === res.body.id);
    expect(entries).toMatchObject([{ actor: { type: 'user', id: adminId }, subject: { type: 'plan' }, data: { amount: 1999, currency: 'EUR' } }]);
  });

  it('accepts the bounds: amount 1 and 99,999,999, day ×365, week ×52, month ×12, year ×1, trialDays 730', async () => {
    const ok = [
      { ...monthly, amount: 1 },
      { ...monthly, amount: 99_999_999 },
      { ...monthly, interval: 'day', intervalCount: 365 },
      { ...monthly, interval: 'week', intervalCount: 52 },
      { ...monthly, interval: 'month', intervalCount: 12 },
      { ...monthly, interval: 'year', intervalCount: 1, trialDays: 730 },
      { ...monthly, currency: 'jpy' },
    ];
    for (const body of ok) expect((await app.http.post('/api/v1/plans', body, { token: admin })).status).toBe(201);
  });

  it('400 beyond the bounds, for an unknown currency or interval, and for unknown fields', async () => {
    const cases: Array<[Record<string, unknown>, string]> = [
      [{ ...monthly, amount: 0 }, 'amount'],
      [{ ...monthly, amount: 100_000_000 }, 'amount'],
      [{ ...monthly, amount: 19.99 }, 'amount'],
      [{ ...monthly, amount: '1999' }, 'amount'],
      [{ ...monthly, interval: 'day', intervalCount: 366 }, 'intervalCount'],
      [{ ...monthly, interval: 'week', intervalCount: 53 }, 'intervalCount'],
      [{ ...monthly, interval: 'month', intervalCount: 13 }, 'intervalCount'],
      [{ ...monthly, interval: 'year', intervalCount: 2 }, 'intervalCount'],
      [{ ...monthly, intervalCount: 0 }, 'intervalCount'],
      [{ ...monthly, trialDays: -1 }, 'trialDays'],
      [{ ...monthly, trialDays: 731 }, 'trialDays'],
      [{ ...monthly, currency: 'ZZZ' }, 'currency'],
      [{ ...monthly, currency: 'EURO' }, 'currency'],
      [{ ...monthly, interval: 'fortnight' }, 'interval'],
      [{ ...monthly, active: false }, 'active'],
      [{ amount: 1999, currency: 'EUR', interval: 'month' }, 'name'],
    ];
    for (const [body, path] of cases) {
      const res = await app.http.post('/api/v1/plans', body, { token: admin });
      expect(res.status).toBe(400);
      expect(errorPaths(res.body)).toContain(path);
    }
    expect((await app.http.post('/api/v1/plans', monthly, { token: user })).status).toBe(403);
  });
});

describe('plans: archive, list, read', () => {
  it('archives (200, active false, body-less), lists newest first and reads one; 404 for unknown ids', async () => {
    const a = (await app.http.post('/api/v1/plans', { ...monthly, name: 'A' }, { token: admin })).body;
    const b = (await app.http.post('/api/v1/plans', { ...monthly, name: 'B' }, { token: admin })).body;
    const archived = await app.http.post(`/api/v1/plans/${a.id}/archive`, undefined, { token: admin });
    expect(archived.status).toBe(200);
    expect(archived.body).toEqual({ ...a, active: false });
    expect((await auditOf({ type: 'plan.archived' })).map((e) => e.subject.id)).toContain(a.id);

    const list = await app.http.get('/api/v1/plans?limit=2', { token: user });
    expect(list.status).toBe(200);
    expect(list.body.data.map((p: { id: string }) => p.id)).toEqual([b.id, a.id]);
    expect((await app.http.get(`/api/v1/plans/${b.id}`, { token: user })).body).toEqual(b);
    expect((await app.http.get(`/api/v1/plans/${unknownId}`, { token: user })).status).toBe(404);
    expect((await app.http.get('/api/v1/plans/nope', { token: user })).status).toBe(404);
    expect((await app.http.post(`/api/v1/plans/${unknownId}/archive`, undefined, { token: admin })).status).toBe(404);
    expect((await app.http.post(`/api/v1/plans/${b.id}/archive`, undefined, { token: user })).status).toBe(403);
    expect((await app.http.get('/api/v1/plans?interval=month', { token: user })).status).toBe(400);
    expect((await app.http.get('/api/v1/plans')).status).toBe(401);
  });
});
