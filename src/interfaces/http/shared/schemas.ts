import { z } from '@hono/zod-openapi';
import { ID_PATTERN } from '#application/shared/ports/id-generator.port';

/** An id in a path, body or query (DESIGN.md D1): one regex at the edge. */
export const IdSchema = z.string().regex(ID_PATTERN, 'must be a UUID').openapi({ example: '0190a6f4-5b7e-7c4a-9f1e-2d3c4b5a6978' });

/** `/:id` path parameters; a malformed id answers 404 like an unknown one. */
export const IdParamsSchema = z.strictObject({ id: IdSchema.openapi({ param: { name: 'id', in: 'path' } }) });

/** `limit` and `cursor`, shared by every list route (API.md Conventions). */
export const pageQueryFields = {
  limit: z.coerce.number().int().min(1).max(100).default(20).openapi({ example: 20 }),
  cursor: z.string().min(1).max(512).optional(),
};

export const timestamp = () => z.string().openapi({ format: 'date-time', example: '2026-11-24T12:00:00.000Z' });

/** The list envelope `{ data, nextCursor }`. */
export function listOf<T extends z.ZodTypeAny>(item: T) {
  return z.object({ data: z.array(item), nextCursor: z.string().nullable() });
}

/** `true`/`false` in a query string. */
export const queryBoolean = z.enum(['true', 'false']).transform((v) => v === 'true');
