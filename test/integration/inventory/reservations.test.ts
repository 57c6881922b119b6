/**
 * StockReservations against the real database inside the running app: allocation skips inactive centers, duplicate
 * calls act once (one after the other and at the same time), and the scheduled sweeper returns a stale reservation.
 */
import { afterAll, beforeAll, describe, expect, it } from 'bun:test';
import { AuditLog, type AuditEntry } from '#application/audit/ports/audit-log.port';
import { StockReservations } from '#application/inventory/ports/stock-reservations.port';
import { startTestApp, tokenFor, type TestApp } from '../../support/test-app';

let app: TestApp;
let admin: string;
let reservations: StockReservations;
const meta = { actor: { type: 'system' as const }, correlationId: 'bill-test' };
let seq = 0;

beforeAll(async () => {
  // Reservations expire after a second and the sweeper runs every 200 ms.
  app = await startTestApp({ RESERVATION_TTL_MS: '1000', RESERVATION_SWEEP_INTERVAL_MS: '200' });
  admin = await tokenFor(app, 'ADMIN');
  reservations = app.runtime.container.resolve<StockReservations>(StockReservations);
});

afterAll(async () => {
  await app.close();
});

const unique = (prefix: string) => `${prefix}-${Date.now().toString(36)}-${++seq}`.toUpperCase();

async function productWithStock(stock: Array<{ priority: number; units: number }>) {
  const productId = (await app.http.post('/api/v1/products', { sku: unique('SKU'), name: 'P' }, { token: admin })).body.id as string;
  const centerIds: string[] = [];
  for (const { priority, units } of stock) {
    const center = await app.http.post('/api/v1/fulfillment-centers', { code: unique('C'), name: 'C', priority }, { token: admin });
    centerIds.push(center.body.id);
    await app.http.post('/api/v1/inventory/adjustments', { productId, fulfillmentCenterId: center.body.id, delta: units, reason: 'stock' }, { token: admin });
  }
  return { productId, centerIds };
}

async function levels(productId: string): Promise<Record<string, { onHand: number; reserved: number; available: number }>> {
  const res = await app.http.get(`/api/v1/inventory?productId=${productId}`, { token: admin });
  return Object.fromEntries(res.body.data.map((l: { fulfillmentCenterId: string; onHand: number; reserved: number; available: number }) => [l.fulfillmentCenterId, { onHand: l.onHand, reserved: l.reserved, available: l.available }]));
}

async function audit(productId: string, type: string): Promise<AuditEntry[]> {
  return (await app.runtime.container.resolve<AuditLog>(AuditLog).find({ productId, type }, { limit: 100 })).items as AuditEntry[];
}

const soon = () => ({ now: new Date(), expiresAt: new Date(Date.now() + 10 * 60_000) });

describe('allocation', () => {
  it('never allocates from an inactive center, even when it has the best priority and the most stock', async () => {
    const { productId, centerIds } = await productWithStock([
      { priority: 0, units: 500 },
      { priority: 900, units: 1 },
    ]);
    const [best, other] = centerIds as [string, string];
    expect((await app.http.patch(`/api/v1/fulfillment-centers/${best}`, { active: false }, { token: admin })).body.active).toBe(false);
    expect(await reservations.reserveAnywhere({ productId, quantity: 1, reservationId: unique('r'), ...soon() }, meta)).toEqual({
      status: 'reserved',
      fulfillmentCenterId: other,
    });
    expect(await reservations.reserveAnywhere({ productId, quantity: 1, reservationId: unique('r'), ...soon() }, meta)).toEqual({ status: 'out_of_stock' });
    expect((await levels(productId))[best]).toEqual({ onHand: 500, reserved: 0, available: 500 });
    // Reactivated, it is first again.
    await app.http.patch(`/api/v1/fulfillment-centers/${best}`, { active: true }, { token: admin });
    expect(await reservations.reserveAnywhere({ productId, quantity: 1, reservationId: unique('r'), ...soon() }, meta)).toEqual({
      status: 'reserved',
      fulfillmentCenterId: best,
    });
  });

  it('reserves a whole line at one center, by priority, never split', async () => {
    const { productId, centerIds } = await productWithStock([
      { priority: 1, units: 2 },
      { priority: 2, units: 5 },
    ]);
    expect(await reservations.reserveAnywhere({ productId, quantity: 3, reservationId: unique('r'), ...soon() }, meta)).toEqual({
      status: 'reserved',
      fulfillmentCenterId: centerIds[1]!,
    });
    expect(await reservations.reserveAnywhere({ productId, quantity: 3, reservationId: unique('r'), ...soon() }, meta)).toEqual({ status: 'out_of_stock' });
  });
});

describe('duplicate calls act once', () => {
  it('reserve, commit and release repeated one after the other and at the same time', async () => {
    const { productId, centerIds } = await productWithStock([
      { priority: 1, units: 1 },
      { priority: 2, units: 10 },
    ]);
    const [first, second] = centerIds as [string, string];
    const toCommit = unique('commit');
    const toRelease = unique('release');
    const refs = { subscriptionId: crypto.randomUUID() };

    const reserves = await Promise.all([1, 2, 3].map(() => reservations.reserveAnywhere({ productId, quantity: 1, reservationId: toCommit, refs, ...soon() }, meta)));
    expect(new Set(reserves.map((r) => JSON.stringify(r)))).toEqual(new Set([JSON.stringify({ status: 'reserved', fulfillmentCenterId: first })]));
    // The first center is empty now: a repeat must still answer it rather than reserve at the second.
    expect(await reservations.reserveAnywhere({ productId, quantity: 1, reservationId: toCommit, refs, ...soon() }, meta)).toEqual(reserves[0]!);
    await reservations.reserveAnywhere({ productId, quantity: 2, reservationId: toRelease, refs, ...soon() }, meta);
    expect(await levels(productId)).toEqual({
      [first]: { onHand: 1, reserved: 1, available: 0 },
      [second]: { onHand: 10, reserved: 2, available: 8 },
    });

    const commits = await Promise.all([1, 2, 3].map(() => reservations.commit({ productId, reservationId: toCommit, now: new Date() }, meta)));
    expect(commits.map((c) => c.status).sort()).toEqual(['already_committed', 'already_committed', 'committed']);
    expect(await reservations.commit({ productId, reservationId: toCommit, now: new Date() }, meta)).toEqual({ status: 'already_committed', fulfillmentCenterId: first });

    const releases = await Promise.all([1, 2, 3].map(() => reservations.release({ productId, reservationId: toRelease, now: new Date() }, meta)));
    expect(releases.sort()).toEqual(['not_found', 'not_found', 'released']);
    expect(await reservations.release({ productId, reservationId: toRelease, now: new Date() }, meta)).toBe('not_found');

    expect(await levels(productId)).toEqual({
      [first]: { onHand: 0, reserved: 0, available: 0 },
      [second]: { onHand: 10, reserved: 0, available: 10 },
    });
    expect(await audit(productId, 'inventory.reserved')).toHaveLength(2);
    expect(await audit(productId, 'inventory.deducted')).toMatchObject([
      { refs: { productId, subscriptionId: refs.subscriptionId }, actor: { type: 'system' }, correlationId: 'bill-test', data: { reservationId: toCommit, quantity: 1, fulfillmentCenterId: first } },
    ]);
    expect(await audit(productId, 'inventory.released')).toMatchObject([{ refs: { productId, subscriptionId: refs.subscriptionId }, data: { reservationId: toRelease, quantity: 2, reason: 'released' } }]);
    // The audit's subscription filter finds them too.
    const bySubscription = await app.runtime.container.resolve<AuditLog>(AuditLog).find({ subscriptionId: refs.subscriptionId }, { limit: 10 });
    expect(bySubscription.items.map((e) => e.type).sort()).toEqual(['inventory.deducted', 'inventory.released', 'inventory.reserved', 'inventory.reserved']);
  });
});

describe('the reservation sweeper', () => {
  it('releases a reservation once RESERVATION_TTL_MS has passed, on its own schedule', async () => {
    const { productId, centerIds } = await productWithStock([{ priority: 1, units: 5 }]);
    const now = new Date();
    const stale = unique('stale');
    await reservations.reserveAnywhere({ productId, quantity: 2, reservationId: stale, now, expiresAt: new Date(now.getTime() + app.config.RESERVATION_TTL_MS) }, meta);
    await reservations.reserveAnywhere({ productId, quantity: 1, reservationId: unique('fresh'), now, expiresAt: new Date(now.getTime() + 10 * 60_000) }, meta);
    expect((await levels(productId))[centerIds[0]!]).toEqual({ onHand: 5, reserved: 3, available: 2 });

    const deadline = Date.now() + 20_000;
    while ((await levels(productId))[centerIds[0]!]!.reserved !== 1 && Date.now() < deadline) await Bun.sleep(100);
    expect((await levels(productId))[centerIds[0]!]).toEqual({ onHand: 5, reserved: 1, available: 4 });
    expect(await audit(productId, 'inventory.released')).toMatchObject([{ actor: { type: 'system' }, data: { reservationId: stale, quantity: 2, reason: 'expired' } }]);
    // Released means gone: the biller's late commit finds nothing.
    expect(await reservations.commit({ productId, reservationId: stale, now: new Date() }, meta)).toEqual({ status: 'not_found' });
  });
});
