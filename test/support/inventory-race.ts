/**
 * The kit of the inventory race tests (test/integration/inventory/inventory-race.test.ts and the child process
 * test/support/inventory-race-child.ts): a real connection pool, the real StockReservations service over the
 * Mongoose repository, a gate that holds every caller after its read until all have read (so the writes overlap
 * as much as they possibly can), and the deliberately wrong read-then-write repository that must oversell.
 */
import type { Connection } from 'mongoose';
import { PriorityAllocationStrategy } from '#domain/inventory/allocation/priority-allocation-strategy';
import { InventoryItem } from '#domain/inventory/inventory-item/inventory-item.aggregate';
import type { InventoryItemRepository } from '#domain/inventory/inventory-item/inventory-item.repository';
import { applyInventoryOperation, guardHolds, type InventoryOperation } from '#domain/inventory/inventory-item/inventory-operation';
import type { EventMetadata } from '#domain/shared/domain-event';
import { StockReservationsService } from '#application/inventory/stock-reservations.service';
import { InMemoryAuditLog } from '#infrastructure/in-memory/audit/in-memory-audit-log';
import { InMemoryJobQueue } from '#infrastructure/in-memory/shared/in-memory-job-queue';
import { MemoryLogger } from '#infrastructure/in-memory/shared/silent-logger';
import { UuidV7IdGenerator } from '#infrastructure/ids/uuid-v7.id-generator';
import { OutboxDispatcher } from '#infrastructure/messaging/outbox-dispatcher';
import { EVENT_ROUTES } from '#infrastructure/messaging/routing-table';
import { connectMongo, ensureIndexes } from '#infrastructure/persistence/mongoose/connection';
import { fulfillmentCenterModel } from '#infrastructure/persistence/mongoose/inventory/fulfillment-center.schema';
import { inventoryItemMapper, type InventoryItemDocument } from '#infrastructure/persistence/mongoose/inventory/inventory-item.mapper';
import { inventoryItemModel } from '#infrastructure/persistence/mongoose/inventory/inventory-item.schema';
import { MongooseFulfillmentCenterRepository } from '#infrastructure/persistence/mongoose/inventory/mongoose-fulfillment-center.repository';
import { MongooseInventoryItemRepository } from '#infrastructure/persistence/mongoose/inventory/mongoose-inventory-item.repository';
import { MongooseAggregateWriter } from '#infrastructure/persistence/mongoose/shared/mongoose-aggregate-writer';

/** A gate: each `pass()` waits until `parties` callers have arrived, then all go on together. */
export function gate(parties: number): { pass(): Promise<void> } {
  let arrived = 0;
  let open!: () => void;
  const opened = new Promise<void>((resolve) => (open = resolve));
  return {
    pass() {
      arrived += 1;
      if (arrived >= parties) open();
      return opened;
    },
  };
}

/** The real repository, except that every `findByProduct` (the allocation read) waits at the gate. */
export class GatedReads implements InventoryItemRepository {
  constructor(
    private readonly inner: InventoryItemRepository,
    private readonly readGate: { pass(): Promise<void> },
  ) {}
  apply(operation: InventoryOperation, meta: EventMetadata) {
    return this.inner.apply(operation, meta);
  }
  async findByProduct(productId: string) {
    const items = await this.inner.findByProduct(productId);
    await this.readGate.pass();
    return items;
  }
  findByProductAndCenter(productId: string, centerId: string) {
    return this.inner.findByProductAndCenter(productId, centerId);
  }
  findByReservation(productId: string, reservationId: string) {
    return this.inner.findByReservation(productId, reservationId);
  }
  findWithExpiredReservations(now: Date, page: { limit: number; afterId?: string }) {
    return this.inner.findWithExpiredReservations(now, page);
  }
  forgetCommittedBefore(before: Date) {
    return this.inner.forgetCommittedBefore(before);
  }
}

/**
 * The bug this project forbids (DESIGN.md D3): read the item, check the rule in JavaScript, then `updateOne` with
 * `$set` of what was computed. Its reads are the real repository's; its writes wait at the gate after their read,
 * so every write is computed from a read that some other write has already made stale.
 */
export class ReadThenWriteInventoryItemRepository extends GatedReads {
  constructor(
    private readonly connection: Connection,
    inner: InventoryItemRepository,
    readGate: { pass(): Promise<void> },
    private readonly writeGate: { pass(): Promise<void> },
  ) {
    super(inner, readGate);
  }

  override async apply(operation: InventoryOperation): Promise<InventoryItem | null> {
    const model = inventoryItemModel(this.connection);
    const document = await model.collection.findOne<InventoryItemDocument>({ _id: operation.item.id as never });
    const current = document ? inventoryItemMapper.toSnapshot(document) : null;
    if (!guardHolds(current, operation.guard)) return null;
    await this.writeGate.pass();
    const after = applyInventoryOperation(current, operation)!;
    const { id, ...state } = after;
    await model.collection.updateOne({ _id: id as never }, { $set: state });
    return InventoryItem.rehydrate(after);
  }
}

export interface RaceWorld {
  readonly connection: Connection;
  readonly items: MongooseInventoryItemRepository;
  readonly centers: MongooseFulfillmentCenterRepository;
  service(items: InventoryItemRepository): StockReservationsService;
  close(): Promise<void>;
}

/** A real connection pool of `maxPoolSize` connections to `uri`, with the inventory's models and indexes. */
export async function connectRaceWorld(uri: string, maxPoolSize: number): Promise<RaceWorld> {
  const connection = await connectMongo(uri, { maxPoolSize });
  inventoryItemModel(connection);
  fulfillmentCenterModel(connection);
  await ensureIndexes(connection);
  const ids = new UuidV7IdGenerator();
  const dispatcher = new OutboxDispatcher(EVENT_ROUTES, new InMemoryJobQueue(), new InMemoryAuditLog(), new MemoryLogger());
  const writer = new MongooseAggregateWriter(ids, dispatcher);
  const items = new MongooseInventoryItemRepository(connection, writer);
  const centers = new MongooseFulfillmentCenterRepository(connection, writer);
  return {
    connection,
    items,
    centers,
    service: (repository) => new StockReservationsService(repository, centers, new PriorityAllocationStrategy()),
    close: () => connection.close(),
  };
}

export interface RaceResult {
  /** Reservation ids that were reserved, with the center. */
  readonly reserved: ReadonlyArray<{ reservationId: string; fulfillmentCenterId: string }>;
  readonly outOfStock: number;
  readonly failed: number;
  readonly ms: number;
}

/** `count` reservations of one unit each, all started at once, ids `<prefix>-<n>`. */
export async function reserveConcurrently(service: StockReservationsService, productId: string, count: number, prefix: string): Promise<RaceResult> {
  const now = new Date();
  const expiresAt = new Date(now.getTime() + 15 * 60_000);
  const meta = { actor: { type: 'system' as const }, correlationId: `race-${prefix}` };
  const started = performance.now();
  const outcomes = await Promise.allSettled(
    Array.from({ length: count }, async (_, i) => {
      const reservationId = `${prefix}-${i}`;
      const result = await service.reserveAnywhere({ productId, quantity: 1, reservationId, expiresAt, now }, meta);
      return { reservationId, result };
    }),
  );
  const ms = Math.round(performance.now() - started);
  const reserved: Array<{ reservationId: string; fulfillmentCenterId: string }> = [];
  let outOfStock = 0;
  let failed = 0;
  for (const outcome of outcomes) {
    if (outcome.status === 'rejected') failed += 1;
    else if (outcome.value.result.status === 'reserved') reserved.push({ reservationId: outcome.value.reservationId, fulfillmentCenterId: outcome.value.result.fulfillmentCenterId });
    else outOfStock += 1;
  }
  return { reserved, outOfStock, failed, ms };
}
