import type { Actor, DomainEvent } from '#domain/shared/domain-event';

/**
 * A domain event as stored in its aggregate's outbox and carried in job data: the event plus the metadata the
 * repository added when it wrote it (DESIGN.md D3).
 */
export interface EventEnvelope<TPayload extends object = Record<string, unknown>> extends DomainEvent<TPayload> {
  /** UUIDv7; also the audit entry's id, so writing the audit entry twice is harmless. */
  readonly id: string;
  readonly actor: Actor;
  readonly correlationId: string;
  /** Real time of the write; the relay republishes entries older than a few seconds. */
  readonly storedAt: Date;
}
