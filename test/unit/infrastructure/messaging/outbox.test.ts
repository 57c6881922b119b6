import { describe, expect, it } from 'bun:test';
import { FulfillmentCenter } from '#domain/inventory/fulfillment-center/fulfillment-center.aggregate';
import type { EventEnvelope } from '#application/shared/events/event-envelope';
import { InMemoryAuditLog } from '#infrastructure/in-memory/audit/in-memory-audit-log';
import { InMemoryFulfillmentCenterRepository } from '#infrastructure/in-memory/inventory/in-memory-fulfillment-center.repository';
import { InMemoryJobQueue } from '#infrastructure/in-memory/shared/in-memory-job-queue';
import { MemoryLogger } from '#infrastructure/in-memory/shared/silent-logger';
import { UuidV7IdGenerator } from '#infrastructure/ids/uuid-v7.id-generator';
import { auditEntryFrom, jobFor, type EventRoutes } from '#infrastructure/messaging/event-route';
import { OutboxDispatcher } from '#infrastructure/messaging/outbox-dispatcher';
import type { OutboxSource } from '#infrastructure/messaging/outbox-source';
import { OutboxRelay } from '#infrastructure/messaging/outbox-relay';

const ids = new UuidV7IdGenerator();
const meta = { actor: { type: 'system' as const }, correlationId: 'corr-1' };
const at = new Date('2026-05-01T00:00:00Z');

/** Routes for the test: the created event becomes an audit entry and a job with a deterministic id. */
const routes: EventRoutes = {
  'inventory.fulfillment_center.created': {
    audit: (e) => auditEntryFrom(e, { type: 'fulfillment_center.created', subject: { type: 'fulfillment_center', id: e.aggregateId }, refs: {} }),
    jobs: (e) => [jobFor(e, { queue: 'maintenance', name: 'noop', jobId: `fc-${e.aggregateId}` })],
  },
};

/** A dispatcher whose fast path "crashes" (throws) until told otherwise, like a process killed after its save. */
class CrashingDispatcher extends OutboxDispatcher {
  crash = true;
  override async dispatch(source: OutboxSource, documentId: string, entries: readonly EventEnvelope[]): Promise<void> {
    if (this.crash) throw new Error('process died before publishing');
    return super.dispatch(source, documentId, entries);
  }
}

function setup() {
  const queue = new InMemoryJobQueue();
  const audit = new InMemoryAuditLog();
  const logger = new MemoryLogger();
  const dispatcher = new CrashingDispatcher(routes, queue, audit, logger);
  const repository = new InMemoryFulfillmentCenterRepository(ids, dispatcher);
  const relay = new OutboxRelay([repository.store], dispatcher, logger, { intervalMs: 10, minAgeMs: 0 });
  return { queue, audit, dispatcher, repository, relay, logger };
}

describe('outbox: save, fast path, relay', () => {
  it('keeps events in the outbox when the fast path fails, and the save still succeeds', async () => {
    const { repository, queue } = setup();
    const center = FulfillmentCenter.create({ id: ids.next(), code: 'A', name: 'A', now: at });
    await repository.save(center, meta);
    expect(repository.store.outboxOf(center.toSnapshot().id).map((e) => e.type)).toEqual(['inventory.fulfillment_center.created']);
    expect(queue.pending).toHaveLength(0);
  });

  it('the relay delivers what the fast path missed, exactly once, with the writer’s metadata', async () => {
    const { repository, queue, audit, dispatcher, relay } = setup();
    const center = FulfillmentCenter.create({ id: ids.next(), code: 'B', name: 'B', now: at });
    await repository.save(center, meta);
    dispatcher.crash = false;
    expect(await relay.runOnce()).toBe(1);
    expect(await relay.runOnce()).toBe(0);
    expect(repository.store.outboxOf(center.toSnapshot().id)).toEqual([]);
    expect(queue.pending.map((j) => j.jobId)).toEqual([`fc-${center.toSnapshot().id}`]);
    const [entry] = audit.all();
    expect(entry).toMatchObject({ type: 'fulfillment_center.created', correlationId: 'corr-1', actor: { type: 'system' }, createdAt: at });
  });

  it('delivering the same entries twice (fast path and relay racing) leaves one job and one audit entry', async () => {
    const { repository, queue, audit, dispatcher } = setup();
    const center = FulfillmentCenter.create({ id: ids.next(), code: 'C', name: 'C', now: at });
    await repository.save(center, meta);
    dispatcher.crash = false;
    const entries = repository.store.outboxOf(center.toSnapshot().id);
    await Promise.all([dispatcher.dispatch(repository.store, center.toSnapshot().id, entries), dispatcher.dispatch(repository.store, center.toSnapshot().id, entries)]);
    expect(queue.pending).toHaveLength(1);
    expect(audit.all()).toHaveLength(1);
  });

  it('the relay leaves entries younger than its minimum age to the writer’s fast path', async () => {
    const { repository, dispatcher, logger } = setup();
    const relay = new OutboxRelay([repository.store], dispatcher, logger, { intervalMs: 10, minAgeMs: 60_000 });
    await repository.save(FulfillmentCenter.create({ id: ids.next(), code: 'D', name: 'D', now: at }), meta);
    dispatcher.crash = false;
    expect(await relay.runOnce()).toBe(0);
  });

  it('an event type with no route is acknowledged (not redelivered forever) and logged', async () => {
    const queue = new InMemoryJobQueue();
    const logger = new MemoryLogger();
    const dispatcher = new OutboxDispatcher({}, queue, new InMemoryAuditLog(), logger);
    const repository = new InMemoryFulfillmentCenterRepository(ids, dispatcher);
    const center = FulfillmentCenter.create({ id: ids.next(), code: 'E', name: 'E', now: at });
    await repository.save(center, meta);
    expect(repository.store.outboxOf(center.toSnapshot().id)).toEqual([]);
    expect(logger.lines.some((l) => l.level === 'warn' && l.message.includes('no route'))).toBe(true);
  });
});
