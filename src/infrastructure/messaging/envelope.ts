import type { DomainEvent, EventMetadata } from '#domain/shared/domain-event';
import type { EventEnvelope } from '#application/shared/events/event-envelope';
import type { IdGenerator } from '#application/shared/ports/id-generator.port';

/** Wraps recorded events with an id and the write's metadata, ready to be stored in an outbox. */
export function envelopeEvents(events: readonly DomainEvent[], meta: EventMetadata, ids: IdGenerator): EventEnvelope[] {
  const storedAt = new Date();
  return events.map((event) => ({ ...event, id: ids.next(), actor: meta.actor, correlationId: meta.correlationId, storedAt }));
}
