import type { Connection, Model } from 'mongoose';
import { inject, injectable } from 'tsyringe';
import type { InventoryItem } from '#domain/inventory/inventory-item/inventory-item.aggregate';
import type { InventoryItemRepository } from '#domain/inventory/inventory-item/inventory-item.repository';
import { applyInventoryOperation, type InventoryOperation } from '#domain/inventory/inventory-item/inventory-operation';
import type { EventMetadata } from '#domain/shared/domain-event';
import { MongooseConnection } from '#infrastructure/di/tokens';
import { inventoryItemMapper, type InventoryItemDocument } from '#infrastructure/persistence/mongoose/inventory/inventory-item.mapper';
import { inventoryItemModel } from '#infrastructure/persistence/mongoose/inventory/inventory-item.schema';
import { isDuplicateKeyError } from '#infrastructure/persistence/mongoose/shared/mongo-errors';
import { MongooseAggregateWriter } from '#infrastructure/persistence/mongoose/shared/mongoose-aggregate-writer';

const WITHOUT_OUTBOX = { projection: { outbox: 0 } };

/**
 * Executes each InventoryOperation as ONE write (DESIGN.md D3): a `findOneAndUpdate` whose filter is the guard and
 * whose update `$inc`s the counters, `$push`es/`$pull`s the reservation and `$push`es the event envelope into the
 * document's outbox; or, for an item's first adjustment, one `insertOne` on the unique (product, center) key.
 */
@injectable()
export class MongooseInventoryItemRepository implements InventoryItemRepository {
  private readonly model: Model<any>;

  constructor(
    @inject(MongooseConnection) connection: Connection,
    @inject(MongooseAggregateWriter) private readonly writer: MongooseAggregateWriter,
  ) {
    this.model = inventoryItemModel(connection);
  }

  async apply(operation: InventoryOperation, meta: EventMetadata): Promise<InventoryItem | null> {
    const entries = this.writer.envelope([operation.event], meta);
    let written: InventoryItemDocument | null;
    try {
      written = operation.guard.exists ? await this.update(operation, entries) : await this.insert(operation, entries);
    } catch (error) {
      // (product, center) created by someone else meanwhile, or the reservation id held by another item: the guard
      // did not hold, exactly as if the filter had matched nothing.
      if (isDuplicateKeyError(error)) return null;
      throw error;
    }
    if (!written) return null;
    await this.writer.dispatchAfterWrite(this.model, operation.item.id, entries);
    return inventoryItemMapper.toDomain(written);
  }

  async findByProductAndCenter(productId: string, fulfillmentCenterId: string): Promise<InventoryItem | null> {
    return this.one({ productId, fulfillmentCenterId });
  }

  async findByProduct(productId: string): Promise<InventoryItem[]> {
    return this.many({ productId });
  }

  async findByReservation(productId: string, reservationId: string): Promise<InventoryItem | null> {
    return this.one({ productId, $or: [{ 'reservations.reservationId': reservationId }, { 'committed.reservationId': reservationId }] });
  }

  async findWithExpiredReservations(now: Date, page: { limit: number; afterId?: string }): Promise<InventoryItem[]> {
    const filter: Record<string, unknown> = { 'reservations.expiresAt': { $lte: now } };
    if (page.afterId !== undefined) filter._id = { $gt: page.afterId };
    const documents = await this.model.collection.find<InventoryItemDocument>(filter, WITHOUT_OUTBOX).sort({ _id: 1 }).limit(page.limit).toArray();
    return documents.map(inventoryItemMapper.toDomain);
  }

  async forgetCommittedBefore(before: Date): Promise<number> {
    const result = await this.model.collection.updateMany(
      { 'committed.committedAt': { $lt: before } },
      { $pull: { committed: { committedAt: { $lt: before } } } as never },
    );
    return result.modifiedCount;
  }

  private async update(operation: InventoryOperation, entries: ReturnType<MongooseAggregateWriter['envelope']>): Promise<InventoryItemDocument | null> {
    return this.model.collection.findOneAndUpdate(inventoryItemMapper.filterOf(operation) as never, inventoryItemMapper.updateOf(operation, entries), {
      returnDocument: 'after',
      ...WITHOUT_OUTBOX,
    }) as Promise<InventoryItemDocument | null>;
  }

  private async insert(operation: InventoryOperation, entries: ReturnType<MongooseAggregateWriter['envelope']>): Promise<InventoryItemDocument> {
    const { id, ...state } = applyInventoryOperation(null, operation)!;
    const document = { _id: id, ...state, version: 1 };
    await this.model.collection.insertOne({ ...document, outbox: entries } as never);
    return document;
  }

  private async one(filter: Record<string, unknown>): Promise<InventoryItem | null> {
    const document = await this.model.collection.findOne<InventoryItemDocument>(filter, WITHOUT_OUTBOX);
    return document ? inventoryItemMapper.toDomain(document) : null;
  }

  private async many(filter: Record<string, unknown>): Promise<InventoryItem[]> {
    const documents = await this.model.collection.find<InventoryItemDocument>(filter, WITHOUT_OUTBOX).toArray();
    return documents.map(inventoryItemMapper.toDomain);
  }
}
