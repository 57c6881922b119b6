import type { Model } from 'mongoose';
import { inject, injectable } from 'tsyringe';
import type { AggregateRoot } from '#domain/shared/aggregate-root';
import { ConcurrencyError, UniqueConstraintError } from '#domain/shared/domain-error';
import type { DomainEvent, EventMetadata } from '#domain/shared/domain-event';
import type { EventEnvelope } from '#application/shared/events/event-envelope';
import { IdGenerator } from '#application/shared/ports/id-generator.port';
import { envelopeEvents } from '#infrastructure/messaging/envelope';
import { OutboxDispatcher } from '#infrastructure/messaging/outbox-dispatcher';
import { MongooseOutboxSource } from '#infrastructure/persistence/mongoose/shared/mongoose-outbox-source';
import { duplicateKeyField } from '#infrastructure/persistence/mongoose/shared/mongo-errors';

/**
 * The one place an aggregate and its events are written (DESIGN.md D3): a single document write that sets the
 * state, `$push`es the events into the outbox and bumps `version`, filtered on the expected version. Then the fast
 * path dispatches those entries. Repositories call this instead of writing themselves.
 */
@injectable()
export class MongooseAggregateWriter {
  readonly #sources = new WeakMap<Model<any>, MongooseOutboxSource>();

  constructor(
    @inject(IdGenerator) private readonly ids: IdGenerator,
    @inject(OutboxDispatcher) private readonly dispatcher: OutboxDispatcher,
  ) {}

  /** Wraps events with their id and metadata, ready to be `$push`ed. */
  envelope(events: readonly DomainEvent[], meta: EventMetadata): EventEnvelope[] {
    return envelopeEvents(events, meta, this.ids);
  }

  /** Versioned save: insert when the aggregate was never saved (version 0), else update on the expected version. */
  async save(model: Model<any>, aggregate: AggregateRoot, id: string, state: Record<string, unknown>, meta: EventMetadata): Promise<void> {
    const entries = this.envelope(aggregate.pullDomainEvents(), meta);
    const aggregateType = model.modelName;
    try {
      if (aggregate.version === 0) {
        await model.collection.insertOne({ _id: id as never, ...state, version: 1, outbox: entries });
      } else {
        const result = await model.collection.updateOne(
          { _id: id as never, version: aggregate.version },
          { $set: state, $push: { outbox: { $each: entries } } as never, $inc: { version: 1 } },
        );
        if (result.matchedCount === 0) throw new ConcurrencyError(aggregateType, id);
      }
    } catch (error) {
      throw this.translate(error, aggregateType, id);
    }
    aggregate.markSaved();
    await this.dispatchAfterWrite(model, id, entries);
  }

  /** For single-write operations built elsewhere (inventory's conditional updates): the fast path only. */
  async dispatchAfterWrite(model: Model<any>, id: string, entries: readonly EventEnvelope[]): Promise<void> {
    if (entries.length > 0) await this.dispatcher.dispatchAfterSave(this.sourceFor(model), id, entries);
  }

  translate(error: unknown, aggregateType: string, id: string): unknown {
    const field = duplicateKeyField(error);
    if (field === null) return error;
    return field === '_id' ? new ConcurrencyError(aggregateType, id) : new UniqueConstraintError(aggregateType, field);
  }

  private sourceFor(model: Model<any>): MongooseOutboxSource {
    let source = this.#sources.get(model);
    if (!source) this.#sources.set(model, (source = new MongooseOutboxSource(model)));
    return source;
  }
}
