import type { Model } from 'mongoose';
import type { AggregateRoot } from '#domain/shared/aggregate-root';
import type { EventMetadata } from '#domain/shared/domain-event';
import type { MongooseAggregateWriter } from '#infrastructure/persistence/mongoose/shared/mongoose-aggregate-writer';

/** Reads never load the outbox: it belongs to the relay, not to the aggregate. */
export const WITHOUT_OUTBOX = { projection: { outbox: 0 } };

/** What a repository's mapper gives: document → aggregate, and for aggregates saved by versioned writes, snapshot → the fields the save sets. */
export interface AggregateMapper<TDocument, TAggregate, TSnapshot> {
  toDomain(document: TDocument): TAggregate;
  toState?(snapshot: TSnapshot): Record<string, unknown>;
}

export interface FindOptions {
  readonly sort?: Record<string, 1 | -1>;
  readonly limit?: number;
}

/**
 * One aggregate's collection as a repository sees it (composed into each Mongoose repository, not inherited): the
 * versioned save through MongooseAggregateWriter, and reads without the outbox mapped back to aggregates. The
 * repository keeps only its domain-language queries.
 */
export class AggregateDocuments<TDocument, TAggregate, TSnapshot extends { readonly id: string }> {
  constructor(
    readonly model: Model<any>,
    readonly writer: MongooseAggregateWriter,
    private readonly mapper: AggregateMapper<TDocument, TAggregate, TSnapshot>,
  ) {}

  async save(aggregate: AggregateRoot & { toSnapshot(): TSnapshot }, meta: EventMetadata): Promise<void> {
    if (!this.mapper.toState) throw new Error(`${this.model.modelName} is not saved by versioned writes`);
    const snapshot = aggregate.toSnapshot();
    await this.writer.save(this.model, aggregate, snapshot.id, this.mapper.toState(snapshot), meta);
  }

  async findOne(filter: Record<string, unknown>): Promise<TAggregate | null> {
    const document = await this.model.collection.findOne<TDocument>(filter, WITHOUT_OUTBOX);
    return document ? this.mapper.toDomain(document) : null;
  }

  async findMany(filter: Record<string, unknown>, options: FindOptions = {}): Promise<TAggregate[]> {
    let cursor = this.model.collection.find<TDocument & object>(filter, WITHOUT_OUTBOX);
    if (options.sort) cursor = cursor.sort(options.sort);
    if (options.limit !== undefined) cursor = cursor.limit(options.limit);
    return (await cursor.toArray()).map((document) => this.mapper.toDomain(document));
  }
}
