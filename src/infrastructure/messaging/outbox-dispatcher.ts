import { inject, injectable } from 'tsyringe';
import { AuditLog, type AuditEntry } from '#application/audit/ports/audit-log.port';
import type { EventEnvelope } from '#application/shared/events/event-envelope';
import { JobQueue, type JobRequest } from '#application/shared/ports/job-queue.port';
import { Logger } from '#application/shared/ports/logger.port';
import type { EventRoutes } from '#infrastructure/messaging/event-route';
import type { OutboxSource } from '#infrastructure/messaging/outbox-source';

export const EventRoutingTable = Symbol('EventRoutingTable');

/**
 * Delivers outbox entries through the routing table: audit entries first (idempotent by event id), then jobs
 * (idempotent by job id), then acknowledges. A crash anywhere before the acknowledgement only means the relay
 * delivers the same entries again, which changes nothing.
 */
@injectable()
export class OutboxDispatcher {
  constructor(
    @inject(EventRoutingTable) private readonly routes: EventRoutes,
    @inject(JobQueue) private readonly jobs: JobQueue,
    @inject(AuditLog) private readonly audit: AuditLog,
    @inject(Logger) private readonly logger: Logger,
  ) {}

  async dispatch(source: OutboxSource, documentId: string, entries: readonly EventEnvelope[]): Promise<void> {
    if (entries.length === 0) return;
    const auditEntries: AuditEntry[] = [];
    const jobs: JobRequest[] = [];
    for (const event of entries) {
      const route = this.routes[event.type];
      if (!route) {
        this.logger.warn({ eventType: event.type, eventId: event.id }, 'outbox event has no route; acknowledged without delivery');
        continue;
      }
      const entry = route.audit?.(event);
      if (entry) auditEntries.push(entry);
      jobs.push(...(route.jobs?.(event) ?? []));
    }
    if (auditEntries.length > 0) await this.audit.append(auditEntries);
    if (jobs.length > 0) await this.jobs.addBulk(jobs);
    await source.acknowledge(documentId, entries.map((e) => e.id));
  }

  /**
   * The fast path right after a save: deliver now, but never fail the caller, because the entries are already
   * durable and the relay will deliver them if this attempt does not.
   */
  async dispatchAfterSave(source: OutboxSource, documentId: string, entries: readonly EventEnvelope[]): Promise<void> {
    try {
      await this.dispatch(source, documentId, entries);
    } catch (error) {
      this.logger.warn({ err: error, source: source.name, documentId }, 'fast-path dispatch failed; the outbox relay will retry');
    }
  }
}
