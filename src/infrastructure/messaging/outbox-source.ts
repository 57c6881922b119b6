import type { EventEnvelope } from '#application/shared/events/event-envelope';

/** A store whose documents carry an outbox array: Mongo collections and the in-memory repositories. */
export interface OutboxSource {
  readonly name: string;
  /** Documents holding outbox entries stored at or before `storedBefore`, with just those entries. */
  findPending(storedBefore: Date, limit: number): Promise<ReadonlyArray<{ readonly documentId: string; readonly entries: readonly EventEnvelope[] }>>;
  /** `$pull`s the entries by id; never touches the document's `version` (DESIGN.md D3). */
  acknowledge(documentId: string, entryIds: readonly string[]): Promise<void>;
}
