import { z } from '@hono/zod-openapi';
import type { AuditEntry } from '#application/audit/ports/audit-log.port';
import { IdSchema, timestamp } from '#interfaces/http/shared/schemas';

export const AuditEntrySchema = z
  .object({
    id: IdSchema,
    type: z.string().openapi({ example: 'user.registered' }),
    actor: z.object({ type: z.enum(['user', 'system']), id: z.string().optional() }),
    subject: z.object({ type: z.string(), id: z.string() }),
    refs: z.object({
      userId: z.string().optional(),
      subscriptionId: z.string().optional(),
      orderId: z.string().optional(),
      productId: z.string().optional(),
    }),
    data: z.record(z.string(), z.unknown()),
    correlationId: z.string(),
    createdAt: timestamp(),
  })
  .openapi('AuditEntry');

export function presentAuditEntry(entry: AuditEntry): z.infer<typeof AuditEntrySchema> {
  return {
    id: entry.id,
    type: entry.type,
    actor: entry.actor.id === undefined ? { type: entry.actor.type } : { type: entry.actor.type, id: entry.actor.id },
    subject: { type: entry.subject.type, id: entry.subject.id },
    refs: { ...entry.refs },
    data: { ...entry.data },
    correlationId: entry.correlationId,
    createdAt: entry.createdAt.toISOString(),
  };
}
