import type { AuditEntry, AuditRefs } from '#application/audit/ports/audit-log.port';
import type { EventEnvelope } from '#application/shared/events/event-envelope';
import type { JobRequest } from '#application/shared/ports/job-queue.port';

/**
 * Where one event type goes once it is in an outbox (DESIGN.md D3): an audit entry, jobs with deterministic ids,
 * both, or neither. Routes are pure functions of the stored envelope, so republishing gives the same ids.
 */
export interface EventRoute {
  readonly audit?: (event: EventEnvelope) => AuditEntry | null;
  readonly jobs?: (event: EventEnvelope) => readonly JobRequest[];
}

export type EventRoutes = Readonly<Record<string, EventRoute>>;

/** The audit fields an event supplies; id, actor, correlation id and time come from the envelope. */
export interface AuditMapping {
  readonly type: string;
  readonly subject: { readonly type: string; readonly id: string };
  readonly refs: AuditRefs;
  readonly data?: Readonly<Record<string, unknown>>;
}

export function auditEntryFrom(event: EventEnvelope, mapping: AuditMapping): AuditEntry {
  return {
    id: event.id,
    type: mapping.type,
    actor: event.actor,
    subject: mapping.subject,
    refs: mapping.refs,
    data: mapping.data ?? {},
    correlationId: event.correlationId,
    createdAt: event.occurredAt,
  };
}

/** Job data always carries the event and the job's own id (DESIGN.md D3: `data.jobId`). */
export function jobFor(event: EventEnvelope, job: Omit<JobRequest, 'data'> & { data?: Record<string, unknown> }): JobRequest {
  return { ...job, data: { ...job.data, jobId: job.jobId, event } };
}
