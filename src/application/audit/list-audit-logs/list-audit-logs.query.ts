import { inject, injectable } from 'tsyringe';
import { AuditLog, type AuditEntry, type AuditQuery } from '#application/audit/ports/audit-log.port';
import { ValidationError } from '#application/shared/application-error';
import type { Page, PageRequest } from '#application/shared/pagination';

export interface ListAuditLogsInput {
  readonly filters: AuditQuery;
  readonly page: PageRequest;
}

export type ListAuditLogsErrors = ValidationError;

/**
 * GET /admin/audit-logs (ADMIN only, enforced by the route's access rule): entries newest first, filtered by
 * exact `type`, by `refs`, and by time (`from` inclusive, `to` exclusive; `from > to` is refused).
 */
@injectable()
export class ListAuditLogsQuery {
  constructor(@inject(AuditLog) private readonly audit: AuditLog) {}

  async execute(input: ListAuditLogsInput): Promise<Page<AuditEntry>> {
    const { from, to } = input.filters;
    if (from && to && from.getTime() > to.getTime()) throw new ValidationError('from must not be later than to', 'query.from');
    return this.audit.find(input.filters, input.page);
  }
}
