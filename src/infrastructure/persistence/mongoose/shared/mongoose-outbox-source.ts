import type { Model } from 'mongoose';
import type { EventEnvelope } from '#application/shared/events/event-envelope';
import type { OutboxSource } from '#infrastructure/messaging/outbox-source';

type OutboxDocument = { _id: string; outbox: EventEnvelope[] };

/** The outbox of one Mongo collection. */
export class MongooseOutboxSource implements OutboxSource {
  readonly name: string;

  constructor(private readonly model: Model<any>) {
    this.name = model.collection.collectionName;
  }

  async findPending(storedBefore: Date, limit: number) {
    const docs = await this.model.collection
      .find<OutboxDocument>({ 'outbox.storedAt': { $lte: storedBefore } }, { projection: { outbox: 1 } })
      .limit(limit)
      .toArray();
    return docs.map((doc) => ({
      documentId: doc._id,
      entries: doc.outbox.filter((e) => e.storedAt <= storedBefore),
    }));
  }

  async acknowledge(documentId: string, entryIds: readonly string[]): Promise<void> {
    await this.model.collection.bulkWrite(
      [{ updateOne: { filter: { _id: documentId as never }, update: { $pull: { outbox: { id: { $in: [...entryIds] } } } as never } } }],
      { ordered: false },
    );
  }
}

/** Every registered model with an outbox; the relay watches all of them, so none can be forgotten. */
export function outboxSourcesOf(models: Record<string, Model<any>>): MongooseOutboxSource[] {
  return Object.values(models)
    .filter((model) => model.schema.path('outbox') !== undefined)
    .map((model) => new MongooseOutboxSource(model));
}
