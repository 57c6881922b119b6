import type { Connection } from 'mongoose';
import { inject, injectable } from 'tsyringe';
import type { InventoryItem, InventoryItemSnapshot } from '#domain/inventory/inventory-item/inventory-item.aggregate';
import type { InventoryItemRepository } from '#domain/inventory/inventory-item/inventory-item.repository';
import { applyInventoryOperation, type InventoryOperation } from '#domain/inventory/inventory-item/inventory-operation';
import type { EventMetadata } from '#domain/shared/domain-event';
import { MongooseConnection } from '#infrastructure/di/tokens';
import { inventoryItemMapper, type InventoryItemDocument } from '#infrastructure/persistence/mongoose/inventory/inventory-item.mapper';
import { inventoryItemModel } from '#infrastructure/persistence/mongoose/inventory/inventory-item.schema';
import { AggregateDocuments, WITHOUT_OUTBOX } from '#infrastructure/persistence/mongoose/shared/aggregate-documents';
import { isDuplicateKeyError } from '#infrastructure/persistence/mongoose/shared/mongo-errors';
import { MongooseAggregateWriter } from '#infrastructure/persistence/mongoose/shared/mongoose-aggregate-writer';

/**
 * Executes each InventoryOperation as ONE write (DESIGN.md D3): a `findOneAndUpdate` whose filter is the guard and
 * whose update `$inc`s the counters, `$push`es/`$pull`s the reservation and `$push`es the event envelope into the
 * document's outbox; or, for an item's first adjustment, one `insertOne` on the unique (product, center) key.
 */
@injectable()
export class MongooseInventoryItemRepository implements InventoryItemRepository {
  private readonly items: AggregateDocuments<InventoryItemDocument, InventoryItem, InventoryItemSnapshot>;

  constructor(@inject(MongooseConnection) connection: Connection, @inject(MongooseAggregateWriter) writer: MongooseAggregateWriter) {
    this.items = new AggregateDocuments(inventoryItemModel(connection), writer, inventoryItemMapper);
  }

  async apply(operation: InventoryOperation, meta: EventMetadata): Promise<InventoryItem | null> {
    const entries = this.items.writer.envelope([operation.event], meta);
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
    await this.items.writer.dispatchAfterWrite(this.items.model, operation.item.id, entries);
    return inventoryItemMapper.toDomain(written);
  }

  async findByProductAndCenter(productId: string, fulfillmentCenterId: string): Promise<InventoryItem | null> {
    return this.items.findOne({ productId, fulfillmentCenterId });
  }

  async findByProduct(productId: string): Promise<InventoryItem[]> {
    return this.items.findMany({ productId });
  }

  async findByReservation(productId: string, reservationId: string): Promise<InventoryItem | null> {
    return this.items.findOne({ productId, $or: [{ 'reservations.reservationId': reservationId }, { 'committed.reservationId': reservationId }] });
  }

  async findWithExpiredReservations(now: Date, page: { limit: number; afterId?: string }): Promise<InventoryItem[]> {
    const filter: Record<string, unknown> = { 'reservations.expiresAt': { $lte: now } };
    if (page.afterId !== undefined) filter._id = { $gt: page.afterId };
    return this.items.findMany(filter, { sort: { _id: 1 }, limit: page.limit });
  }

  async forgetCommittedBefore(before: Date): Promise<number> {
    const result = await this.items.model.collection.updateMany(
      { 'committed.committedAt': { $lt: before } },
      { $pull: { committed: { committedAt: { $lt: before } } } as never },
    );
    return result.modifiedCount;
  }

  private async update(operation: InventoryOperation, entries: ReturnType<MongooseAggregateWriter['envelope']>): Promise<InventoryItemDocument | null> {
    return this.items.model.collection.findOneAndUpdate(inventoryItemMapper.filterOf(operation) as never, inventoryItemMapper.updateOf(operation, entries), {
      returnDocument: 'after',
      ...WITHOUT_OUTBOX,
    }) as Promise<InventoryItemDocument | null>;
  }

  private async insert(operation: InventoryOperation, entries: ReturnType<MongooseAggregateWriter['envelope']>): Promise<InventoryItemDocument> {
    const { id, ...state } = applyInventoryOperation(null, operation)!;
    const document = { _id: id, ...state, version: 1 };
    await this.items.model.collection.insertOne({ ...document, outbox: entries } as never);
    return document;
  }
}
