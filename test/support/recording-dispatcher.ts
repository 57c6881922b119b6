import type { EventEnvelope } from '#application/shared/events/event-envelope';
import { EVENT_ROUTES } from '#infrastructure/messaging/routing-table';
import { OutboxDispatcher } from '#infrastructure/messaging/outbox-dispatcher';
import { InMemoryAuditLog } from '#infrastructure/in-memory/audit/in-memory-audit-log';
import { InMemoryJobQueue } from '#infrastructure/in-memory/shared/in-memory-job-queue';
import { MemoryLogger } from '#infrastructure/in-memory/shared/silent-logger';
import type { OutboxSource } from '#infrastructure/messaging/outbox-source';

/** A real OutboxDispatcher over in-memory queue and audit log that also remembers what it delivered. */
export class RecordingDispatcher extends OutboxDispatcher {
  readonly deliveredTypes: string[] = [];

  constructor(
    readonly jobQueue = new InMemoryJobQueue(),
    readonly auditLog = new InMemoryAuditLog(),
  ) {
    super(EVENT_ROUTES, jobQueue, auditLog, new MemoryLogger());
  }

  override async dispatch(source: OutboxSource, documentId: string, entries: readonly EventEnvelope[]): Promise<void> {
    await super.dispatch(source, documentId, entries);
    this.deliveredTypes.push(...entries.map((e) => e.type));
  }
}
