import { z, type OpenAPIHono } from '@hono/zod-openapi';
import type { DependencyContainer } from 'tsyringe';
import { ListAuditLogsQuery } from '#application/audit/list-audit-logs/list-audit-logs.query';
import type { AppEnv } from '#interfaces/http/app-env';
import { AuditEntrySchema, presentAuditEntry } from '#interfaces/http/audit/audit.presenter';
import { defineRoute } from '#interfaces/http/route-table';
import { listBody, pageRequestFrom } from '#interfaces/http/shared/list-response';
import { IdSchema, listOf, pageQueryFields } from '#interfaces/http/shared/schemas';

const instant = () => z.iso.datetime({ offset: true }).openapi({ example: '2026-11-24T12:00:00.000Z' });

const AuditLogQuery = z.strictObject({
  ...pageQueryFields,
  type: z.string().min(1).max(100).optional().openapi({ example: 'auth.login_failed' }),
  userId: IdSchema.optional(),
  subscriptionId: IdSchema.optional(),
  orderId: IdSchema.optional(),
  productId: IdSchema.optional(),
  from: instant().optional().openapi({ description: 'inclusive' }),
  to: instant().optional().openapi({ description: 'exclusive' }),
});

/** The only audit route: entries are append-only, so there is no route that changes or deletes one. */
const list = defineRoute('admin', {
  method: 'get',
  path: '/api/v1/admin/audit-logs',
  tags: ['Audit'],
  summary: 'Audit entries, newest first',
  description: 'Filters match the entries’ refs; `type` is exact; `from` is inclusive and `to` exclusive (`from` later than `to` → 400).',
  request: { query: AuditLogQuery },
  responses: { 200: { description: 'A page of entries', content: { 'application/json': { schema: listOf(AuditEntrySchema) } } } },
});

export function registerAuditRoutes(app: OpenAPIHono<AppEnv>, container: DependencyContainer): void {
  app.openapi(list, async (c) => {
    const { limit, cursor, from, to, ...refs } = c.req.valid('query');
    const filters = { ...refs, ...(from ? { from: new Date(from) } : {}), ...(to ? { to: new Date(to) } : {}) };
    const page = await container.resolve(ListAuditLogsQuery).execute({ filters, page: pageRequestFrom(c, { limit, cursor }, { ...refs, from, to }) });
    return c.json(listBody(c, page, presentAuditEntry, { ...refs, from, to }), 200);
  });
}
