import type { Actor } from '#domain/shared/domain-event';
import type { Page, PageRequest } from '#application/shared/pagination';

/** Indexed references an entry is about; the audit filters match these (API.md "Audit logs"). */
export interface AuditRefs {
  readonly userId?: string;
  readonly subscriptionId?: string;
  readonly orderId?: string;
  readonly productId?: string;
}

export interface AuditEntry {
  /** The originating event's id (DESIGN.md D3), or a fresh id for entries with no aggregate (login outcomes). */
  readonly id: string;
  readonly type: string;
  readonly actor: Actor;
  readonly subject: { readonly type: string; readonly id: string };
  readonly refs: AuditRefs;
  readonly data: Readonly<Record<string, unknown>>;
  readonly correlationId: string;
  /** Business time of the event. */
  readonly createdAt: Date;
}

export interface AuditQuery extends AuditRefs {
  readonly type?: string;
  /** inclusive */
  readonly from?: Date;
  /** exclusive */
  readonly to?: Date;
}

/**
 * The append-only audit trail. There is deliberately no update or delete: an entry, once written, stays.
 * `append` is idempotent by entry id (a second write of the same id is a no-op).
 */
export interface AuditLog {
  append(entries: readonly AuditEntry[]): Promise<void>;
  find(query: AuditQuery, page: PageRequest): Promise<Page<AuditEntry>>;
}
export const AuditLog = Symbol('AuditLog');
