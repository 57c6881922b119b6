import { describe, expect, it } from 'bun:test';
import type { AuditEntry, AuditLog } from '#application/audit/ports/audit-log.port';
import { UuidV7IdGenerator } from '#infrastructure/ids/uuid-v7.id-generator';

const ids = new UuidV7IdGenerator();

function entry(overrides: Partial<AuditEntry> & { createdAt: Date }): AuditEntry {
  return {
    id: ids.next(),
    type: 'product.created',
    actor: { type: 'system' },
    subject: { type: 'product', id: 'p' },
    refs: {},
    data: {},
    correlationId: 'c',
    ...overrides,
  };
}

/** The audit trail's contract, for the in-memory and the Mongo adapter alike. */
export function auditLogContract(name: string, setup: () => Promise<AuditLog>, capabilities = { compoundRangeScans: true }): void {
  describe(`AuditLog contract: ${name}`, () => {
    it('has no way to change or delete an entry', async () => {
      const log = await setup();
      const methods = new Set<string>();
      for (let proto = Object.getPrototypeOf(log); proto && proto !== Object.prototype; proto = Object.getPrototypeOf(proto)) {
        for (const key of Object.getOwnPropertyNames(proto)) if (key !== 'constructor') methods.add(key);
      }
      const mutating = [...methods].filter((m) => /update|delete|remove|replace|set|clear|drop/i.test(m));
      expect(mutating).toEqual([]);
    });

    it('appending the same entry twice stores it once (idempotent by id)', async () => {
      const log = await setup();
      const e = entry({ createdAt: new Date('2026-01-01T00:00:00Z'), refs: { productId: 'p-idem' } });
      await log.append([e]);
      await log.append([e, entry({ createdAt: new Date('2026-01-01T00:00:01Z'), refs: { productId: 'p-idem' } })]);
      const page = await log.find({ productId: 'p-idem' }, { limit: 10 });
      expect(page.items.map((i) => i.id)).toContain(e.id);
      expect(page.items).toHaveLength(2);
    });

    const t = (s: number) => new Date(Date.UTC(2026, 0, 2, 0, 0, s));
    const threeEntries = async (log: AuditLog, userId: string) => {
      const a = entry({ createdAt: t(0), type: 'order.created', refs: { userId, orderId: `${userId}-o1` } });
      const b = entry({ createdAt: t(10), type: 'order.created', refs: { userId, orderId: `${userId}-o2` } });
      const c = entry({ createdAt: t(20), type: 'subscription.created', refs: { userId } });
      await log.append([a, b, c]);
      return [a, b, c] as const;
    };

    it('filters by type and refs, newest first', async () => {
      const log = await setup();
      const [a, b, c] = await threeEntries(log, 'u-f');
      expect((await log.find({ userId: 'u-f' }, { limit: 10 })).items.map((i) => i.id)).toEqual([c.id, b.id, a.id]);
      expect((await log.find({ userId: 'u-f', type: 'order.created' }, { limit: 10 })).items.map((i) => i.id)).toEqual([b.id, a.id]);
      expect((await log.find({ orderId: 'u-f-o1' }, { limit: 10 })).items.map((i) => i.id)).toEqual([a.id]);
    });

    it('`from` is inclusive and `to` exclusive', async () => {
      const log = await setup();
      const [, b, c] = await threeEntries(log, 'u-time');
      const inWindow = (await log.find({ from: t(10), to: t(20) }, { limit: 100 })).items.map((i) => i.id);
      expect(inWindow).toContain(b.id);
      expect(inWindow).not.toContain(c.id);
    });

    it.skipIf(!capabilities.compoundRangeScans)('`from`/`to` combine with a ref filter', async () => {
      const log = await setup();
      const [, b] = await threeEntries(log, 'u-range');
      expect((await log.find({ userId: 'u-range', from: t(10), to: t(20) }, { limit: 10 })).items.map((i) => i.id)).toEqual([b.id]);
    });

    it('pages with keyset positions: no duplicate and no gap, even with equal timestamps', async () => {
      const log = await setup();
      const same = new Date('2026-02-01T00:00:00Z');
      const written = Array.from({ length: 7 }, (_, i) => entry({ createdAt: i < 4 ? same : new Date(same.getTime() + i), refs: { subscriptionId: 's-page' } }));
      await log.append(written);
      const seen: string[] = [];
      let after;
      for (let guard = 0; guard < 10; guard++) {
        const page = await log.find({ subscriptionId: 's-page' }, { limit: 3, ...(after ? { after } : {}) });
        seen.push(...page.items.map((i) => i.id));
        if (!page.next) break;
        after = page.next;
      }
      expect(seen).toHaveLength(7);
      expect(new Set(seen).size).toBe(7);
    });
  });
}
