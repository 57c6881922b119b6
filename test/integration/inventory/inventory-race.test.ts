/**
 * Inventory cannot oversell (issue 4, DESIGN.md D3): 200 concurrent reservations of one unit against 50 units across
 * two centers, over a real connection pool (maxPoolSize 20) and from two processes at once, must give exactly 50
 * reservations, no negative count and no lost reservation. Every caller is held after its allocation read until
 * all have read, so all writes are computed from reads that are already stale. The same race on a read-then-write
 * repository must oversell: that shows the test can see a race at all.
 */
import { afterAll, beforeAll, describe, expect, it } from 'bun:test';
import { FulfillmentCenter } from '#domain/inventory/fulfillment-center/fulfillment-center.aggregate';
import { InventoryItem } from '#domain/inventory/inventory-item/inventory-item.aggregate';
import { UuidV7IdGenerator } from '#infrastructure/ids/uuid-v7.id-generator';
import { inventoryItemModel } from '#infrastructure/persistence/mongoose/inventory/inventory-item.schema';
import { inventoryItemMapper, type InventoryItemDocument } from '#infrastructure/persistence/mongoose/inventory/inventory-item.mapper';
import { REPO_ROOT } from '../../support/app-process';
import { connectRaceWorld, gate, GatedReads, ReadThenWriteInventoryItemRepository, reserveConcurrently, type RaceResult, type RaceWorld } from '../../support/inventory-race';
import { mongoUriFor, uniqueName } from '../../support/test-services';

const ids = new UuidV7IdGenerator();
const meta = { actor: { type: 'system' as const }, correlationId: 'race-setup' };
const CALLERS = 200;
const PER_CENTER = 25;

let world: RaceWorld;
let uri: string;

beforeAll(async () => {
  uri = mongoUriFor(uniqueName('race'));
  world = await connectRaceWorld(uri, 20);
});

afterAll(async () => {
  await world.connection.dropDatabase().catch(() => {});
  await world.close();
});

/** A product with PER_CENTER units at each of two fresh active centers. */
async function stockedProduct(): Promise<{ productId: string; centerIds: string[] }> {
  const productId = ids.next();
  const centerIds: string[] = [];
  for (const [code, priority] of [[`A${productId.slice(-6)}`, 10], [`B${productId.slice(-6)}`, 20]] as const) {
    const center = FulfillmentCenter.create({ id: ids.next(), code, name: code, priority, now: new Date() });
    await world.centers.save(center, meta);
    const item = InventoryItem.create({ id: ids.next(), productId, fulfillmentCenterId: center.toSnapshot().id, now: new Date() });
    await world.items.apply(item.adjust({ delta: PER_CENTER, reason: 'race stock' }, new Date()), meta);
    centerIds.push(center.toSnapshot().id);
  }
  return { productId, centerIds };
}

async function storedItems(productId: string) {
  const documents = await inventoryItemModel(world.connection).collection.find<InventoryItemDocument>({ productId }).toArray();
  return documents.map(inventoryItemMapper.toSnapshot);
}

/** Exactly 50 held, each success held once at the center it was reported at, nothing negative, nothing lost. */
async function expectNoOversell(productId: string, results: readonly RaceResult[]) {
  const reserved = results.flatMap((r) => r.reserved);
  expect(results.reduce((n, r) => n + r.failed, 0)).toBe(0);
  expect(reserved).toHaveLength(2 * PER_CENTER);
  expect(results.reduce((n, r) => n + r.outOfStock, 0)).toBe(CALLERS - 2 * PER_CENTER);
  const items = await storedItems(productId);
  for (const item of items) {
    expect(item).toMatchObject({ onHand: PER_CENTER, reserved: PER_CENTER, available: 0 });
    expect(item.reservations).toHaveLength(PER_CENTER);
  }
  const held = items.flatMap((item) => item.reservations.map((r) => ({ reservationId: r.reservationId, fulfillmentCenterId: item.fulfillmentCenterId })));
  const byId = (a: { reservationId: string }, b: { reservationId: string }) => (a.reservationId < b.reservationId ? -1 : 1);
  expect([...held].sort(byId)).toEqual([...reserved].sort(byId));
}

describe('200 concurrent reservations of 1 unit against 50 units across 2 centers', () => {
  it('one process, a pool of 20 connections: exactly 50 succeed, none negative, none lost', async () => {
    const { productId } = await stockedProduct();
    const result = await reserveConcurrently(world.service(new GatedReads(world.items, gate(CALLERS))), productId, CALLERS, 'one');
    await expectNoOversell(productId, [result]);
    process.stderr.write(`inventory race, 1 process (pool 20): ${result.reserved.length} reserved, ${result.outOfStock} out of stock in ${result.ms} ms\n`);
  });

  it('two processes with their own pools, 100 each at the same moment: exactly 50 succeed in total', async () => {
    const { productId } = await stockedProduct();
    const children = ['p1', 'p2'].map((prefix) =>
      Bun.spawn(['npx', 'bun', 'test/support/inventory-race-child.ts', uri, productId, String(CALLERS / 2), prefix], {
        cwd: REPO_ROOT,
        stdin: 'pipe',
        stdout: 'pipe',
        stderr: 'pipe',
      }),
    );
    const lines = children.map((child) => linesOf(child.stdout));
    // Both connected and waiting: start them together.
    for (const next of lines) expect(await next()).toBe('ready');
    for (const child of children) {
      child.stdin.write('go\n');
      await child.stdin.flush();
    }
    const results: RaceResult[] = [];
    for (const [i, next] of lines.entries()) {
      const line = await next();
      if (!line.startsWith('{')) throw new Error(`child ${i} said ${JSON.stringify(line)}: ${await new Response(children[i]!.stderr).text()}`);
      results.push(JSON.parse(line));
    }
    for (const child of children) expect(await child.exited).toBe(0);
    await expectNoOversell(productId, results);
    process.stderr.write(
      `inventory race, 2 processes (pool 20 each): ${results.map((r) => `${r.reserved.length} reserved / ${r.outOfStock} out of stock in ${r.ms} ms`).join('; ')}\n`,
    );
  });

  it('the same race against a read-then-write repository oversells (the test can see a race)', async () => {
    const { productId } = await stockedProduct();
    const naive = new ReadThenWriteInventoryItemRepository(world.connection, world.items, gate(CALLERS), gate(CALLERS));
    const result = await reserveConcurrently(world.service(naive), productId, CALLERS, 'naive');
    const items = await storedItems(productId);
    const stored = items.reduce((n, item) => n + item.reservations.length, 0);
    // More "successes" than units, and most of them lost by the last write.
    expect(result.reserved.length).toBeGreaterThan(2 * PER_CENTER);
    expect(stored).toBeLessThan(result.reserved.length);
    process.stderr.write(`inventory race, read-then-write: ${result.reserved.length} "reserved" for ${2 * PER_CENTER} units, ${stored} kept\n`);
  });
});

/** Reads a byte stream line by line: each call resolves with the next line. */
function linesOf(stream: ReadableStream<Uint8Array>): () => Promise<string> {
  const reader = stream.getReader();
  const decoder = new TextDecoder();
  let buffered = '';
  return async () => {
    for (;;) {
      const newline = buffered.indexOf('\n');
      if (newline >= 0) {
        const line = buffered.slice(0, newline);
        buffered = buffered.slice(newline + 1);
        return line;
      }
      const { value, done } = await reader.read();
      if (done) return buffered;
      buffered += decoder.decode(value, { stream: true });
    }
  };
}
