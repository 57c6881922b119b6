import type { Context } from 'hono';
import { routePath } from 'hono/route';
import type { Page, PageRequest } from '#application/shared/pagination';
import type { AppEnv } from '#interfaces/http/app-env';
import type { CursorScope } from '#interfaces/http/shared/cursor';

/**
 * The two ends of every list route: the query's `limit`/`cursor` become a PageRequest, and a Page becomes
 * `{ data, nextCursor }`. Cursors are bound to the route template and the filters given here.
 */
export function pageRequestFrom(c: Context<AppEnv>, query: { limit: number; cursor?: string | undefined }, filters: Record<string, unknown>): PageRequest {
  const scope = scopeOf(c, filters);
  return { limit: query.limit, ...(query.cursor ? { after: c.var.cursors.decode(query.cursor, scope) } : {}) };
}

export function listBody<T, R>(c: Context<AppEnv>, page: Page<T>, present: (item: T) => R, filters: Record<string, unknown>) {
  return {
    data: page.items.map(present),
    nextCursor: page.next ? c.var.cursors.encode(page.next, scopeOf(c, filters)) : null,
  };
}

function scopeOf(c: Context<AppEnv>, filters: Record<string, unknown>): CursorScope {
  // The caller is part of the scope: a USER's cursor cannot be replayed by someone else.
  return { route: `${c.req.method} ${routePath(c)}`, filters: { ...filters, caller: c.var.caller?.userId } };
}
