import { describe, expect, it } from 'bun:test';
import { InvalidInventoryOperationError } from '#domain/inventory/inventory-item/inventory-item.errors';
import { UpdateFulfillmentCenterUseCase } from '#application/inventory/update-fulfillment-center/update-fulfillment-center.use-case';
import { ADMIN_CONTEXT, inventoryFixture, type InventoryFixture } from '../../../support/inventory-fixture';

const expiresAt = new Date('2026-03-01T12:15:00.000Z');
const now = new Date('2026-03-01T12:00:00.000Z');
const meta = { actor: { type: 'system' as const }, correlationId: 'bill-job-1' };

async function twoCenters(f: InventoryFixture, stock: { a: number; b: number }, priority = { a: 10, b: 20 }) {
  const a = await f.center('A', priority.a);
  const b = await f.center('B', priority.b);
  const product = await f.product();
  if (stock.a) await f.stock(product.id, a, stock.a);
  if (stock.b) await f.stock(product.id, b, stock.b);
  return { a, b, productId: product.id };
}

describe('StockReservationsService.reserveAnywhere', () => {
  it('reserves the whole line at the best center by priority', async () => {
    const f = inventoryFixture();
    const { a, b, productId } = await twoCenters(f, { a: 5, b: 50 });
    expect(await f.reservations.reserveAnywhere({ productId, quantity: 3, reservationId: 'r1', expiresAt, now }, meta)).toEqual({
      status: 'reserved',
      fulfillmentCenterId: a,
    });
    expect(f.level(productId, a)).toMatchObject({ onHand: 5, reserved: 3, available: 2 });
    expect(f.level(productId, b)).toMatchObject({ reserved: 0 });
  });

  it('never splits a line: goes to the next center that holds it all, or reports out of stock', async () => {
    const f = inventoryFixture();
    const { b, productId } = await twoCenters(f, { a: 2, b: 3 });
    expect(await f.reservations.reserveAnywhere({ productId, quantity: 3, reservationId: 'r1', expiresAt, now }, meta)).toEqual({
      status: 'reserved',
      fulfillmentCenterId: b,
    });
    expect(await f.reservations.reserveAnywhere({ productId, quantity: 3, reservationId: 'r2', expiresAt, now }, meta)).toEqual({ status: 'out_of_stock' });
    expect(f.items.snapshots().reduce((sum, s) => sum + s.reserved, 0)).toBe(3);
  });

  it('never allocates from an inactive center, even the best priority with the most stock', async () => {
    const f = inventoryFixture();
    const { a, b, productId } = await twoCenters(f, { a: 100, b: 1 }, { a: 0, b: 900 });
    await new UpdateFulfillmentCenterUseCase(f.centers, f.clock).execute({ ...ADMIN_CONTEXT, fulfillmentCenterId: a, changes: { active: false } });
    expect(await f.reservations.reserveAnywhere({ productId, quantity: 1, reservationId: 'r1', expiresAt, now }, meta)).toEqual({
      status: 'reserved',
      fulfillmentCenterId: b,
    });
    expect(await f.reservations.reserveAnywhere({ productId, quantity: 1, reservationId: 'r2', expiresAt, now }, meta)).toEqual({ status: 'out_of_stock' });
    expect(f.level(productId, a)?.reserved).toBe(0);
  });

  it('reserving twice with one id reserves once, at one center, and audits once', async () => {
    const f = inventoryFixture();
    const { a, productId } = await twoCenters(f, { a: 1, b: 1 });
    const input = { productId, quantity: 1, reservationId: 'r1', expiresAt, now, refs: { subscriptionId: 's-1' } };
    const first = await f.reservations.reserveAnywhere(input, meta);
    // The first center is now empty: a naive retry would reserve at B.
    const second = await f.reservations.reserveAnywhere(input, meta);
    expect(first).toEqual({ status: 'reserved', fulfillmentCenterId: a });
    expect(second).toEqual(first);
    expect(f.items.snapshots().reduce((sum, s) => sum + s.reserved, 0)).toBe(1);
    expect(f.audit.all().filter((e) => e.type === 'inventory.reserved')).toMatchObject([
      { refs: { productId, subscriptionId: 's-1' }, actor: { type: 'system' }, correlationId: 'bill-job-1', data: { reservationId: 'r1', quantity: 1, fulfillmentCenterId: a } },
    ]);
  });

  it('two copies of one reservation racing each other still reserve once', async () => {
    const f = inventoryFixture();
    const { productId } = await twoCenters(f, { a: 1, b: 1 });
    const input = { productId, quantity: 1, reservationId: 'r1', expiresAt, now };
    const results = await Promise.all([f.reservations.reserveAnywhere(input, meta), f.reservations.reserveAnywhere(input, meta)]);
    expect(results[0]).toEqual(results[1]);
    expect(f.items.snapshots().reduce((sum, s) => sum + s.reserved, 0)).toBe(1);
  });

  it('many concurrent reservations never take more than there is', async () => {
    const f = inventoryFixture();
    const { productId } = await twoCenters(f, { a: 7, b: 8 });
    const results = await Promise.all(
      Array.from({ length: 40 }, (_, i) => f.reservations.reserveAnywhere({ productId, quantity: 1, reservationId: `r${i}`, expiresAt, now }, meta)),
    );
    expect(results.filter((r) => r.status === 'reserved')).toHaveLength(15);
    expect(f.items.snapshots().map((s) => s.available)).toEqual([0, 0]);
  });

  it('refuses a quantity that is not a positive integer', async () => {
    const f = inventoryFixture();
    const { productId } = await twoCenters(f, { a: 1, b: 0 });
    await expect(f.reservations.reserveAnywhere({ productId, quantity: 0, reservationId: 'r', expiresAt, now }, meta)).rejects.toBeInstanceOf(
      InvalidInventoryOperationError,
    );
  });
});

describe('StockReservationsService.commit and release', () => {
  it('commits once: onHand and reserved go down, a repeat answers already_committed', async () => {
    const f = inventoryFixture();
    const { a, productId } = await twoCenters(f, { a: 5, b: 0 });
    await f.reservations.reserveAnywhere({ productId, quantity: 2, reservationId: 'r1', expiresAt, now }, meta);
    expect(await f.reservations.commit({ productId, reservationId: 'r1', now }, meta)).toEqual({ status: 'committed', fulfillmentCenterId: a });
    expect(await f.reservations.commit({ productId, reservationId: 'r1', now }, meta)).toEqual({ status: 'already_committed', fulfillmentCenterId: a });
    expect(f.level(productId, a)).toMatchObject({ onHand: 3, reserved: 0, available: 3 });
    expect(f.audit.all().filter((e) => e.type === 'inventory.deducted')).toHaveLength(1);
    // A committed id is not reserved again.
    expect(await f.reservations.reserveAnywhere({ productId, quantity: 2, reservationId: 'r1', expiresAt, now }, meta)).toEqual({
      status: 'reserved',
      fulfillmentCenterId: a,
    });
    expect(f.level(productId, a)?.reserved).toBe(0);
  });

  it('releases once: a repeat, or a commit afterwards, finds nothing', async () => {
    const f = inventoryFixture();
    const { a, productId } = await twoCenters(f, { a: 5, b: 0 });
    await f.reservations.reserveAnywhere({ productId, quantity: 2, reservationId: 'r1', expiresAt, now }, meta);
    expect(await f.reservations.release({ productId, reservationId: 'r1', now }, meta)).toBe('released');
    expect(await f.reservations.release({ productId, reservationId: 'r1', now }, meta)).toBe('not_found');
    expect(await f.reservations.commit({ productId, reservationId: 'r1', now }, meta)).toEqual({ status: 'not_found' });
    expect(f.level(productId, a)).toMatchObject({ onHand: 5, reserved: 0, available: 5 });
    expect(f.audit.all().filter((e) => e.type === 'inventory.released')).toMatchObject([{ data: { reason: 'released', quantity: 2 } }]);
  });

  it('concurrent duplicate commits and releases act once', async () => {
    const f = inventoryFixture();
    const { a, productId } = await twoCenters(f, { a: 5, b: 0 });
    await f.reservations.reserveAnywhere({ productId, quantity: 2, reservationId: 'c', expiresAt, now }, meta);
    await f.reservations.reserveAnywhere({ productId, quantity: 1, reservationId: 'r', expiresAt, now }, meta);
    const commits = await Promise.all([1, 2, 3].map(() => f.reservations.commit({ productId, reservationId: 'c', now }, meta)));
    const releases = await Promise.all([1, 2, 3].map(() => f.reservations.release({ productId, reservationId: 'r', now }, meta)));
    expect(commits.map((c) => c.status).sort()).toEqual(['already_committed', 'already_committed', 'committed']);
    expect(releases.sort()).toEqual(['not_found', 'not_found', 'released']);
    expect(f.level(productId, a)).toMatchObject({ onHand: 3, reserved: 0, available: 3 });
  });

  it('knows nothing of an unknown reservation id', async () => {
    const f = inventoryFixture();
    const { productId } = await twoCenters(f, { a: 5, b: 0 });
    expect(await f.reservations.commit({ productId, reservationId: 'nope', now }, meta)).toEqual({ status: 'not_found' });
    expect(await f.reservations.release({ productId, reservationId: 'nope', now }, meta)).toBe('not_found');
  });
});
