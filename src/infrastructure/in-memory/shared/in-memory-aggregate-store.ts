import type { AggregateRoot } from '#domain/shared/aggregate-root';
import { ConcurrencyError, UniqueConstraintError } from '#domain/shared/domain-error';
import type { EventMetadata } from '#domain/shared/domain-event';
import type { EventEnvelope } from '#application/shared/events/event-envelope';
import type { IdGenerator } from '#application/shared/ports/id-generator.port';
import { envelopeEvents } from '#infrastructure/messaging/envelope';
import type { OutboxDispatcher } from '#infrastructure/messaging/outbox-dispatcher';
import type { OutboxSource } from '#infrastructure/messaging/outbox-source';

interface StoredDocument<TSnapshot> {
  snapshot: TSnapshot;
  version: number;
  outbox: EventEnvelope[];
}

/**
 * The in-memory counterpart of MongooseAggregateWriter plus a collection: versioned saves with the events in the
 * same "document", unique keys, an outbox the relay can read, and the same fast-path dispatch. In-memory
 * repositories are thin wrappers around one of these.
 */
export class InMemoryAggregateStore<TSnapshot extends { readonly id: string }> implements OutboxSource {
  readonly #documents = new Map<string, StoredDocument<TSnapshot>>();

  constructor(
    readonly name: string,
    private readonly ids: IdGenerator,
    private readonly dispatcher?: OutboxDispatcher,
    /** Unique keys by field name: a function giving the key of a snapshot (undefined: not indexed). */
    private readonly uniqueKeys: Readonly<Record<string, (snapshot: TSnapshot) => string | undefined>> = {},
  ) {}

  async save(aggregate: AggregateRoot, snapshot: TSnapshot, meta: EventMetadata): Promise<void> {
    const entries = envelopeEvents(aggregate.pullDomainEvents(), meta, this.ids);
    const existing = this.#documents.get(snapshot.id);
    if (aggregate.version === 0 ? existing !== undefined : existing?.version !== aggregate.version) {
      throw new ConcurrencyError(this.name, snapshot.id);
    }
    for (const [field, keyOf] of Object.entries(this.uniqueKeys)) {
      const key = keyOf(snapshot);
      if (key === undefined) continue;
      const clash = [...this.#documents.values()].some((d) => d.snapshot.id !== snapshot.id && keyOf(d.snapshot) === key);
      if (clash) throw new UniqueConstraintError(this.name, field);
    }
    this.#documents.set(snapshot.id, {
      snapshot: structuredClone(snapshot),
      version: aggregate.version + 1,
      outbox: [...(existing?.outbox ?? []), ...entries],
    });
    aggregate.markSaved();
    if (this.dispatcher && entries.length > 0) await this.dispatcher.dispatchAfterSave(this, snapshot.id, entries);
  }

  /** A copy of the stored snapshot and its version, or undefined. */
  get(id: string): { snapshot: TSnapshot; version: number } | undefined {
    const doc = this.#documents.get(id);
    return doc ? { snapshot: structuredClone(doc.snapshot), version: doc.version } : undefined;
  }

  /** The stored aggregate rebuilt at its version, or null. */
  find<TAggregate>(id: string, rehydrate: (snapshot: TSnapshot, version: number) => TAggregate): TAggregate | null {
    const doc = this.get(id);
    return doc ? rehydrate(doc.snapshot, doc.version) : null;
  }

  /** The first stored aggregate whose snapshot matches, rebuilt at its version, or null. */
  findWhere<TAggregate>(predicate: (snapshot: TSnapshot) => boolean, rehydrate: (snapshot: TSnapshot, version: number) => TAggregate): TAggregate | null {
    const found = this.snapshots().find(predicate);
    return found ? this.find(found.id, rehydrate) : null;
  }

  snapshots(): TSnapshot[] {
    return [...this.#documents.values()].map((d) => structuredClone(d.snapshot));
  }

  /** Appends entries to a document's outbox without a versioned save (inventory-style single writes). */
  async appendToOutbox(id: string, entries: readonly EventEnvelope[], update?: (snapshot: TSnapshot) => TSnapshot): Promise<void> {
    const doc = this.#documents.get(id);
    if (!doc) throw new Error(`${this.name} ${id} does not exist`);
    if (update) doc.snapshot = structuredClone(update(structuredClone(doc.snapshot)));
    doc.outbox.push(...entries);
    if (this.dispatcher && entries.length > 0) await this.dispatcher.dispatchAfterSave(this, id, entries);
  }

  outboxOf(id: string): readonly EventEnvelope[] {
    return this.#documents.get(id)?.outbox ?? [];
  }

  async findPending(storedBefore: Date, limit: number) {
    return [...this.#documents.entries()]
      .map(([documentId, doc]) => ({ documentId, entries: doc.outbox.filter((e) => e.storedAt <= storedBefore) }))
      .filter((d) => d.entries.length > 0)
      .slice(0, limit);
  }

  async acknowledge(documentId: string, entryIds: readonly string[]): Promise<void> {
    const doc = this.#documents.get(documentId);
    if (doc) doc.outbox = doc.outbox.filter((e) => !entryIds.includes(e.id));
  }
}
