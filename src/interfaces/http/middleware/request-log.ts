import type { MiddlewareHandler } from 'hono';
import { routePath } from 'hono/route';
import type { Logger } from '#application/shared/ports/logger.port';
import type { AppEnv } from '#interfaces/http/app-env';

/** One structured line per request: id, caller, route template (not the raw path), status, duration. */
export function requestLog(logger: Logger): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    const started = performance.now();
    await next();
    const route = routeTemplate(c);
    logger.info(
      {
        requestId: c.get('requestId'),
        userId: c.get('caller')?.userId,
        method: c.req.method,
        route,
        status: c.res.status,
        durationMs: Math.round((performance.now() - started) * 10) / 10,
      },
      'request',
    );
  };
}

/** The matched route's template (`/api/v1/products/:id`), or `unmatched` for a 404 on no route. */
export function routeTemplate(c: Parameters<MiddlewareHandler>[0]): string {
  const path = routePath(c, -1);
  return !path || path === '/*' || path === '*' ? 'unmatched' : path;
}
