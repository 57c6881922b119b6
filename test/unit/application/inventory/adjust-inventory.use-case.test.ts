import { describe, expect, it } from 'bun:test';
import { InventoryItem } from '#domain/inventory/inventory-item/inventory-item.aggregate';
import { InsufficientStockError, InvalidInventoryOperationError } from '#domain/inventory/inventory-item/inventory-item.errors';
import type { InventoryItemRepository } from '#domain/inventory/inventory-item/inventory-item.repository';
import { AdjustInventoryUseCase } from '#application/inventory/adjust-inventory/adjust-inventory.use-case';
import { ListInventoryUseCase } from '#application/inventory/list-inventory/list-inventory.use-case';
import { NotFoundError } from '#application/shared/application-error';
import { ADMIN_CONTEXT, inventoryFixture } from '../../../support/inventory-fixture';

const expiresAt = new Date('2026-03-01T12:15:00.000Z');

describe('AdjustInventoryUseCase', () => {
  it('defaults to the DEFAULT center, creates the item on the first adjustment and audits before/after', async () => {
    const f = inventoryFixture();
    const defaultId = await f.defaultCenterId();
    const product = await f.product();
    const level = await f.adjust.execute({ ...ADMIN_CONTEXT, productId: product.id, delta: 20, reason: 'delivery' });
    expect(level).toMatchObject({ productId: product.id, fulfillmentCenterId: defaultId, onHand: 20, reserved: 0, available: 20 });
    await f.adjust.execute({ ...ADMIN_CONTEXT, productId: product.id, delta: -5, reason: 'damaged' });
    const adjusted = f.audit.all().filter((e) => e.type === 'inventory.adjusted');
    expect(adjusted).toMatchObject([
      { actor: ADMIN_CONTEXT.actor, refs: { productId: product.id }, data: { fulfillmentCenterId: defaultId, delta: 20, reason: 'delivery', before: 0, after: 20 } },
      { actor: ADMIN_CONTEXT.actor, refs: { productId: product.id }, data: { delta: -5, reason: 'damaged', before: 20, after: 15 } },
    ]);
  });

  it('refuses to go below what is reserved, and below zero', async () => {
    const f = inventoryFixture();
    const center = await f.center('A');
    const product = await f.product();
    await f.stock(product.id, center, 10);
    await f.reservations.reserveAnywhere({ productId: product.id, quantity: 6, reservationId: 'r1', expiresAt, now: await f.clock.now() }, ADMIN_CONTEXT);
    await expect(f.stock(product.id, center, -5)).rejects.toBeInstanceOf(InsufficientStockError);
    expect(f.level(product.id, center)).toMatchObject({ onHand: 10, reserved: 6, available: 4 });
    expect((await f.stock(product.id, center, -4)).available).toBe(0);
    const other = await f.product();
    await expect(f.stock(other.id, center, -1)).rejects.toBeInstanceOf(InsufficientStockError);
    await expect(f.stock(other.id, center, 0)).rejects.toBeInstanceOf(InvalidInventoryOperationError);
  });

  it('reports an unknown product or center as not found, and writes nothing', async () => {
    const f = inventoryFixture();
    await f.defaultCenterId();
    const product = await f.product();
    await expect(f.stock(f.ids.next(), await f.defaultCenterId(), 1)).rejects.toBeInstanceOf(NotFoundError);
    await expect(f.stock(product.id, f.ids.next(), 1)).rejects.toBeInstanceOf(NotFoundError);
    expect(f.items.snapshots()).toEqual([]);
  });

  it('re-reads and re-checks when another write changed the item between its read and its write', async () => {
    const f = inventoryFixture();
    const center = await f.center('A');
    const product = await f.product();
    await f.stock(product.id, center, 10);
    // Every first read is stale: another adjustment of +1 lands just after it.
    let interfere = true;
    const racing: InventoryItemRepository = Object.assign(Object.create(f.items), {
      findByProductAndCenter: async (productId: string, centerId: string): Promise<InventoryItem | null> => {
        const read = await f.items.findByProductAndCenter(productId, centerId);
        if (interfere) {
          interfere = false;
          await f.stock(productId, centerId, 1);
        }
        return read;
      },
      apply: f.items.apply.bind(f.items),
    });
    const adjust = new AdjustInventoryUseCase(racing, f.centers, f.catalog, f.ids, f.clock);
    const level = await adjust.execute({ ...ADMIN_CONTEXT, productId: product.id, fulfillmentCenterId: center, delta: -3, reason: 'count' });
    expect(level.onHand).toBe(8);
    expect(f.audit.all().filter((e) => e.type === 'inventory.adjusted').at(-1)?.data).toMatchObject({ before: 11, after: 8 });
  });
});

describe('ListInventoryUseCase', () => {
  it('lists the stock of a product per center; an unknown product is not found', async () => {
    const f = inventoryFixture();
    const [a, b] = [await f.center('A'), await f.center('B')];
    const product = await f.product();
    const other = await f.product();
    await f.stock(product.id, a, 3);
    await f.stock(product.id, b, 4);
    await f.stock(other.id, a, 5);
    const list = new ListInventoryUseCase(f.inventoryQueries, f.catalog);
    const page = await list.execute({ productId: product.id, page: { limit: 10 } });
    expect(page.items.map((i) => [i.fulfillmentCenterId, i.onHand]).sort()).toEqual([[a, 3], [b, 4]].sort());
    expect((await list.execute({ page: { limit: 10 } })).items).toHaveLength(3);
    await expect(list.execute({ productId: f.ids.next(), page: { limit: 10 } })).rejects.toBeInstanceOf(NotFoundError);
  });
});
