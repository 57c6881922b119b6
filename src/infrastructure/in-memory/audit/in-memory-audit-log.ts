import type { AuditEntry, AuditLog, AuditQuery } from '#application/audit/ports/audit-log.port';
import { toPage, type Page, type PageRequest } from '#application/shared/pagination';
import { compareNewestFirst, isAfter } from '#infrastructure/in-memory/shared/keyset-order';

/** In-memory audit trail with the same semantics as the Mongo one (append-only, idempotent by id). */
export class InMemoryAuditLog implements AuditLog {
  readonly #entries = new Map<string, AuditEntry>();

  async append(entries: readonly AuditEntry[]): Promise<void> {
    for (const entry of entries) if (!this.#entries.has(entry.id)) this.#entries.set(entry.id, structuredClone(entry));
  }

  async find(query: AuditQuery, page: PageRequest): Promise<Page<AuditEntry>> {
    const rows = [...this.#entries.values()]
      .filter((e) => (query.type ? e.type === query.type : true))
      .filter((e) => (['userId', 'subscriptionId', 'orderId', 'productId'] as const).every((ref) => !query[ref] || e.refs[ref] === query[ref]))
      .filter((e) => (!query.from || e.createdAt >= query.from) && (!query.to || e.createdAt < query.to))
      .sort(compareNewestFirst)
      .filter((e) => isAfter(e, page.after))
      .slice(0, page.limit + 1);
    return toPage(rows, page.limit, (e) => ({ createdAt: e.createdAt, id: e.id }));
  }

  /** Test helper: everything written, oldest first. */
  all(): AuditEntry[] {
    return [...this.#entries.values()].sort((a, b) => -compareNewestFirst(a, b));
  }
}
