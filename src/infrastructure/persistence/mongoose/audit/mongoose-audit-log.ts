import type { Connection, Model } from 'mongoose';
import type { AuditEntry, AuditLog, AuditQuery } from '#application/audit/ports/audit-log.port';
import { toPage, type Page, type PageRequest } from '#application/shared/pagination';
import { auditEntryModel } from '#infrastructure/persistence/mongoose/audit/audit-entry.schema';
import { keysetAfter } from '#infrastructure/persistence/mongoose/shared/keyset';

type AuditDocument = Omit<AuditEntry, 'id'> & { _id: string };

/** Append-only by construction: this adapter can insert and read, nothing else. */
export class MongooseAuditLog implements AuditLog {
  private readonly model: Model<any>;

  constructor(connection: Connection) {
    this.model = auditEntryModel(connection);
  }

  async append(entries: readonly AuditEntry[]): Promise<void> {
    if (entries.length === 0) return;
    const docs = entries.map(({ id, ...rest }) => ({ _id: id, ...rest, refs: withoutUndefined(rest.refs) }));
    try {
      await this.model.collection.insertMany(docs as never[], { ordered: false });
    } catch (error) {
      // Unordered: every entry that could be inserted was; duplicate ids mean "already written" (DESIGN.md D3).
      const writeErrors = (error as { writeErrors?: Array<{ code?: number }> }).writeErrors;
      const onlyDuplicates = (error as { code?: number }).code === 11000 || (writeErrors?.length && writeErrors.every((w) => w.code === 11000));
      if (!onlyDuplicates) throw error;
    }
  }

  async find(query: AuditQuery, page: PageRequest): Promise<Page<AuditEntry>> {
    const filter: Record<string, unknown> = {};
    if (query.type) filter.type = query.type;
    for (const ref of ['userId', 'subscriptionId', 'orderId', 'productId'] as const) {
      if (query[ref]) filter[`refs.${ref}`] = query[ref];
    }
    if (query.from || query.to) {
      filter.createdAt = { ...(query.from ? { $gte: query.from } : {}), ...(query.to ? { $lt: query.to } : {}) };
    }
    const rows = await this.model.collection
      .find<AuditDocument>(keysetAfter(filter, page.after))
      .sort({ createdAt: -1, _id: -1 })
      .limit(page.limit + 1)
      .toArray();
    const entries = rows.map(({ _id, ...rest }) => ({ id: _id, ...rest, refs: rest.refs ?? {} }));
    return toPage(entries, page.limit, (e) => ({ createdAt: e.createdAt, id: e.id }));
  }
}

function withoutUndefined<T extends object>(value: T): T {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as T;
}
