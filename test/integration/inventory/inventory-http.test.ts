/** Every row of API.md's "Fulfillment centers and inventory" table over HTTP, with the audit entries. */
import { afterAll, beforeAll, describe, expect, it } from 'bun:test';
import { AuditLog, type AuditEntry } from '#application/audit/ports/audit-log.port';
import { StockReservations } from '#application/inventory/ports/stock-reservations.port';
import { startTestApp, tokenFor, type TestApp } from '../../support/test-app';

let app: TestApp;
let admin: string;
let user: string;
const adminId = crypto.randomUUID();
const unknownId = '0190a6f4-5b7e-7c4a-9f1e-2d3c4b5a6978';
let seq = 0;
const code = (prefix = 'FC') => `${prefix}-${Date.now().toString(36).toUpperCase()}-${++seq}`;

beforeAll(async () => {
  app = await startTestApp();
  admin = await tokenFor(app, 'ADMIN', adminId);
  user = await tokenFor(app, 'USER');
});

afterAll(async () => {
  await app.close();
});

async function auditOf(query: Parameters<AuditLog['find']>[0]): Promise<AuditEntry[]> {
  return (await app.runtime.container.resolve<AuditLog>(AuditLog).find(query, { limit: 100 })).items as AuditEntry[];
}

async function product(): Promise<string> {
  return (await app.http.post('/api/v1/products', { sku: code('SKU'), name: 'Stocked' }, { token: admin })).body.id;
}

async function center(body: Record<string, unknown> = {}): Promise<{ id: string; code: string }> {
  const res = await app.http.post('/api/v1/fulfillment-centers', { code: code(), name: 'Center', ...body }, { token: admin });
  expect(res.status).toBe(201);
  return res.body;
}

async function defaultCenterId(): Promise<string> {
  const list = await app.http.get('/api/v1/fulfillment-centers?limit=100', { token: admin });
  return list.body.data.find((c: { code: string }) => c.code === 'DEFAULT').id;
}

const errorPaths = (body: { errors?: Array<{ path: string }> }) => (body.errors ?? []).map((e) => e.path);

describe('fulfillment centers', () => {
  it('DEFAULT exists from start-up', async () => {
    const list = await app.http.get('/api/v1/fulfillment-centers', { token: admin });
    expect(list.status).toBe(200);
    expect(list.body.data).toContainEqual({ id: expect.any(String), code: 'DEFAULT', name: 'Default', priority: 100, active: true, createdAt: expect.any(String) });
  });

  it('POST 201: code upper-cased, priority 100 by default, active; audited fulfillment_center.created', async () => {
    const wanted = code().toLowerCase();
    const res = await app.http.post('/api/v1/fulfillment-centers', { code: wanted, name: 'Berlin' }, { token: admin });
    expect(res.status).toBe(201);
    expect(res.body).toEqual({ id: expect.any(String), code: wanted.toUpperCase(), name: 'Berlin', priority: 100, active: true, createdAt: expect.any(String) });
    const entries = (await auditOf({ type: 'fulfillment_center.created' })).filter((e) => e.subject.id === res.body.id);
    expect(entries).toMatchObject([{ actor: { type: 'user', id: adminId }, subject: { type: 'fulfillment_center' }, data: { code: wanted.toUpperCase() } }]);
  });

  it('POST 409 when the code is taken (in any case); 400 for a bad code, priority or unknown field; 403 for a USER', async () => {
    const taken = await center({ priority: 0 });
    expect((await app.http.post('/api/v1/fulfillment-centers', { code: taken.code.toLowerCase(), name: 'Again' }, { token: admin })).status).toBe(409);
    const cases: Array<[Record<string, unknown>, string]> = [
      [{ code: 'has space', name: 'X' }, 'code'],
      [{ code: 'X'.repeat(33), name: 'X' }, 'code'],
      [{ code: '', name: 'X' }, 'code'],
      [{ code: code(), name: '' }, 'name'],
      [{ code: code(), name: 'X', priority: 1001 }, 'priority'],
      [{ code: code(), name: 'X', priority: -1 }, 'priority'],
      [{ code: code(), name: 'X', priority: 1.5 }, 'priority'],
      [{ code: code(), name: 'X', active: false }, 'active'],
    ];
    for (const [body, path] of cases) {
      const res = await app.http.post('/api/v1/fulfillment-centers', body, { token: admin });
      expect(res.status).toBe(400);
      expect(errorPaths(res.body)).toContain(path);
    }
    expect((await app.http.post('/api/v1/fulfillment-centers', { code: code(), name: 'X' }, { token: user })).status).toBe(403);
    expect((await app.http.get('/api/v1/fulfillment-centers', { token: user })).status).toBe(403);
    expect((await app.http.get('/api/v1/fulfillment-centers')).status).toBe(401);
  });

  it('PATCH 200 renames, reprioritises, deactivates; audited fulfillment_center.updated with the changes', async () => {
    const created = await center({ name: 'Old', priority: 300 });
    const res = await app.http.patch(`/api/v1/fulfillment-centers/${created.id}`, { name: 'New', priority: 7, active: false }, { token: admin });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ id: created.id, code: created.code, name: 'New', priority: 7, active: false });
    const unchanged = await app.http.patch(`/api/v1/fulfillment-centers/${created.id}`, undefined, { token: admin });
    expect(unchanged.status).toBe(200);
    expect(unchanged.body).toEqual(res.body);
    const updates = (await auditOf({ type: 'fulfillment_center.updated' })).filter((e) => e.subject.id === created.id);
    expect(updates).toMatchObject([
      { actor: { type: 'user', id: adminId }, data: { changes: { name: { from: 'Old', to: 'New' }, priority: { from: 300, to: 7 }, active: { from: true, to: false } } } },
    ]);
  });

  it('PATCH 404 for an unknown or malformed id; 400 for bad values or unknown fields (code cannot change)', async () => {
    expect((await app.http.patch(`/api/v1/fulfillment-centers/${unknownId}`, { name: 'X' }, { token: admin })).status).toBe(404);
    expect((await app.http.patch('/api/v1/fulfillment-centers/DEFAULT', { name: 'X' }, { token: admin })).status).toBe(404);
    const created = await center();
    for (const [body, path] of [
      [{ code: 'OTHER' }, 'code'],
      [{ priority: 2000 }, 'priority'],
      [{ active: 'no' }, 'active'],
      [{ name: ' ' }, 'name'],
    ] as const) {
      const res = await app.http.patch(`/api/v1/fulfillment-centers/${created.id}`, body, { token: admin });
      expect(res.status).toBe(400);
      expect(errorPaths(res.body)).toContain(path);
    }
    expect((await app.http.patch(`/api/v1/fulfillment-centers/${created.id}`, { name: 'X' }, { token: user })).status).toBe(403);
  });
});

describe('POST /api/v1/inventory/adjustments', () => {
  it('201 with the stock; the center defaults to DEFAULT; audited inventory.adjusted with actor, delta, reason, before, after', async () => {
    const productId = await product();
    const fulfillmentCenterId = await defaultCenterId();
    const first = await app.http.post('/api/v1/inventory/adjustments', { productId, delta: 40, reason: 'delivery' }, { token: admin });
    expect(first.status).toBe(201);
    expect(first.body).toEqual({ productId, fulfillmentCenterId, onHand: 40, reserved: 0, available: 40 });
    const second = await app.http.post('/api/v1/inventory/adjustments', { productId, fulfillmentCenterId, delta: -15, reason: 'damaged' }, { token: admin });
    expect(second.body).toEqual({ productId, fulfillmentCenterId, onHand: 25, reserved: 0, available: 25 });
    const entries = await auditOf({ productId, type: 'inventory.adjusted' });
    expect(entries.reverse()).toMatchObject([
      { actor: { type: 'user', id: adminId }, refs: { productId }, data: { fulfillmentCenterId, delta: 40, reason: 'delivery', before: 0, after: 40 } },
      { actor: { type: 'user', id: adminId }, refs: { productId }, data: { fulfillmentCenterId, delta: -15, reason: 'damaged', before: 40, after: 25 } },
    ]);
  });

  it('409 when it would make available < 0: below zero, and below what is reserved', async () => {
    const productId = await product();
    const { id: fulfillmentCenterId } = await center();
    const belowZero = await app.http.post('/api/v1/inventory/adjustments', { productId, fulfillmentCenterId, delta: -1, reason: 'x' }, { token: admin });
    expect(belowZero.status).toBe(409);
    expect(belowZero.body.type).toBe('/problems/conflict');
    await app.http.post('/api/v1/inventory/adjustments', { productId, fulfillmentCenterId, delta: 10, reason: 'delivery' }, { token: admin });
    const reservations = app.runtime.container.resolve<StockReservations>(StockReservations);
    const now = new Date();
    await reservations.reserveAnywhere({ productId, quantity: 8, reservationId: `r-${productId}`, expiresAt: new Date(now.getTime() + 60_000), now }, { actor: { type: 'system' }, correlationId: 'test' });
    const belowReserved = await app.http.post('/api/v1/inventory/adjustments', { productId, fulfillmentCenterId, delta: -3, reason: 'loss' }, { token: admin });
    expect(belowReserved.status).toBe(409);
    const exact = await app.http.post('/api/v1/inventory/adjustments', { productId, fulfillmentCenterId, delta: -2, reason: 'loss' }, { token: admin });
    expect(exact.body).toEqual({ productId, fulfillmentCenterId, onHand: 8, reserved: 8, available: 0 });
  });

  it('404 for an unknown product or center; 400 for bad input; 403 for a USER', async () => {
    const productId = await product();
    expect((await app.http.post('/api/v1/inventory/adjustments', { productId: unknownId, delta: 1, reason: 'x' }, { token: admin })).status).toBe(404);
    expect((await app.http.post('/api/v1/inventory/adjustments', { productId, fulfillmentCenterId: unknownId, delta: 1, reason: 'x' }, { token: admin })).status).toBe(404);
    const cases: Array<[Record<string, unknown>, string]> = [
      [{ productId: 'nope', delta: 1, reason: 'x' }, 'productId'],
      [{ productId, fulfillmentCenterId: 'DEFAULT', delta: 1, reason: 'x' }, 'fulfillmentCenterId'],
      [{ productId, delta: 0, reason: 'x' }, 'delta'],
      [{ productId, delta: 1.5, reason: 'x' }, 'delta'],
      [{ productId, delta: '5', reason: 'x' }, 'delta'],
      [{ productId, reason: 'x' }, 'delta'],
      [{ productId, delta: 1, reason: '' }, 'reason'],
      [{ productId, delta: 1, reason: 'r'.repeat(201) }, 'reason'],
      [{ productId, delta: 1 }, 'reason'],
      [{ productId, delta: 1, reason: 'x', onHand: 5 }, 'onHand'],
    ];
    for (const [body, path] of cases) {
      const res = await app.http.post('/api/v1/inventory/adjustments', body, { token: admin });
      expect(res.status).toBe(400);
      expect(errorPaths(res.body)).toContain(path);
    }
    expect((await app.http.post('/api/v1/inventory/adjustments', { productId, delta: 1, reason: 'x' }, { token: user })).status).toBe(403);
    expect((await app.http.post('/api/v1/inventory/adjustments', { productId, delta: 1, reason: 'x' })).status).toBe(401);
  });
});

describe('GET /api/v1/inventory?productId=', () => {
  it('lists the stock of a product at each center; 404 for an unknown product; 400 for bad parameters', async () => {
    const productId = await product();
    const { id: east } = await center();
    const west = await defaultCenterId();
    await app.http.post('/api/v1/inventory/adjustments', { productId, fulfillmentCenterId: east, delta: 3, reason: 'x' }, { token: admin });
    await app.http.post('/api/v1/inventory/adjustments', { productId, delta: 4, reason: 'x' }, { token: admin });
    const res = await app.http.get(`/api/v1/inventory?productId=${productId}`, { token: admin });
    expect(res.status).toBe(200);
    expect(res.body).toEqual({
      data: [
        { productId, fulfillmentCenterId: west, onHand: 4, reserved: 0, available: 4 },
        { productId, fulfillmentCenterId: east, onHand: 3, reserved: 0, available: 3 },
      ],
      nextCursor: null,
    });
    const paged = await app.http.get(`/api/v1/inventory?productId=${productId}&limit=1`, { token: admin });
    const rest = await app.http.get(`/api/v1/inventory?productId=${productId}&limit=1&cursor=${encodeURIComponent(paged.body.nextCursor)}`, { token: admin });
    expect([...paged.body.data, ...rest.body.data]).toEqual(res.body.data);
    expect((await app.http.get(`/api/v1/inventory?productId=${unknownId}`, { token: admin })).status).toBe(404);
    const malformed = await app.http.get('/api/v1/inventory?productId=abc', { token: admin });
    expect(malformed.status).toBe(400);
    expect(errorPaths(malformed.body)).toEqual(['query.productId']);
    expect((await app.http.get(`/api/v1/inventory?productId=${productId}&center=x`, { token: admin })).status).toBe(400);
    expect((await app.http.get(`/api/v1/inventory?productId=${productId}`, { token: user })).status).toBe(403);
  });
});
