import { describe, expect, it } from 'bun:test';
import { ListAuditLogsQuery } from '#application/audit/list-audit-logs/list-audit-logs.query';
import type { AuditEntry } from '#application/audit/ports/audit-log.port';
import { ValidationError } from '#application/shared/application-error';
import { InMemoryAuditLog } from '#infrastructure/in-memory/audit/in-memory-audit-log';
import { UuidV7IdGenerator } from '#infrastructure/ids/uuid-v7.id-generator';

const ids = new UuidV7IdGenerator();
const at = (iso: string) => new Date(iso);
const entry = (type: string, createdAt: string, refs: AuditEntry['refs'] = {}): AuditEntry => ({
  id: ids.next(),
  type,
  actor: { type: 'system' },
  subject: { type: 'user', id: refs.userId ?? 'x' },
  refs,
  data: {},
  correlationId: 'c',
  createdAt: at(createdAt),
});

async function setup() {
  const audit = new InMemoryAuditLog();
  const entries = [
    entry('user.registered', '2026-03-01T10:00:00.000Z', { userId: 'u1' }),
    entry('auth.login_failed', '2026-03-01T11:00:00.000Z', { userId: 'u1' }),
    entry('auth.login_succeeded', '2026-03-01T12:00:00.000Z', { userId: 'u2' }),
    entry('subscription.created', '2026-03-01T13:00:00.000Z', { userId: 'u1', subscriptionId: 's1' }),
  ];
  await audit.append(entries);
  const query = new ListAuditLogsQuery(audit);
  const list = async (filters: Parameters<ListAuditLogsQuery['execute']>[0]['filters'], limit = 20) =>
    (await query.execute({ filters, page: { limit } })).items.map((e) => e.type);
  return { query, list };
}

describe('ListAuditLogsQuery', () => {
  it('lists newest first and filters by exact type and by refs', async () => {
    const { list } = await setup();
    expect(await list({})).toEqual(['subscription.created', 'auth.login_succeeded', 'auth.login_failed', 'user.registered']);
    expect(await list({ type: 'auth.login_failed' })).toEqual(['auth.login_failed']);
    expect(await list({ type: 'auth.login' })).toEqual([]);
    expect(await list({ userId: 'u1' })).toEqual(['subscription.created', 'auth.login_failed', 'user.registered']);
    expect(await list({ subscriptionId: 's1' })).toEqual(['subscription.created']);
  });

  it('treats from as inclusive and to as exclusive', async () => {
    const { list } = await setup();
    expect(await list({ from: at('2026-03-01T11:00:00.000Z'), to: at('2026-03-01T13:00:00.000Z') })).toEqual(['auth.login_succeeded', 'auth.login_failed']);
    expect(await list({ from: at('2026-03-01T12:00:00.000Z'), to: at('2026-03-01T12:00:00.000Z') })).toEqual([]);
  });

  it('refuses from later than to', async () => {
    const { query } = await setup();
    const refused = query.execute({ filters: { from: at('2026-03-02T00:00:00.000Z'), to: at('2026-03-01T00:00:00.000Z') }, page: { limit: 20 } });
    await expect(refused).rejects.toBeInstanceOf(ValidationError);
    await expect(refused).rejects.toMatchObject({ path: 'query.from' });
  });

  it('pages with a keyset position', async () => {
    const { query } = await setup();
    const first = await query.execute({ filters: {}, page: { limit: 3 } });
    expect(first.items).toHaveLength(3);
    const second = await query.execute({ filters: {}, page: { limit: 3, after: first.next! } });
    expect(second.items.map((e) => e.type)).toEqual(['user.registered']);
    expect(second.next).toBeNull();
  });
});
