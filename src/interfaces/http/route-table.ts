import { createRoute, z, type RouteConfig } from '@hono/zod-openapi';
import type { MiddlewareHandler } from 'hono';
import type { Access } from '#interfaces/http/access';
import { authorize } from '#interfaces/http/middleware/authorize';
import { ProblemSchema } from '#interfaces/http/shared/problem';

export type { Access };

const problemContent = { 'application/problem+json': { schema: ProblemSchema } };
const errorResponses = (access: Access) => ({
  400: { description: 'Invalid request (problem+json, `errors[]` names the fields)', content: problemContent },
  ...(access === 'public'
    ? {}
    : {
        401: { description: 'Missing, invalid or expired access token', content: problemContent },
        403: { description: 'Signed in without the required role', content: problemContent },
      }),
  500: { description: 'Unexpected error (no internals disclosed)', content: problemContent },
});

/**
 * Declares a route: its OpenAPI description, its access rule, the authorize middleware that enforces it, and a
 * strict empty query schema when the route takes no query parameters (unknown parameters → 400).
 */
export function defineRoute<const R extends Omit<RouteConfig, 'middleware' | 'security'>>(access: Access, config: R) {
  const request = { ...config.request, query: config.request?.query ?? z.strictObject({}) };
  return createRoute({
    ...config,
    request,
    responses: { ...errorResponses(access), ...config.responses },
    middleware: [authorize(access)] as MiddlewareHandler[],
    ...(access === 'public' ? {} : { security: [{ bearerAuth: [] }] }),
    'x-access': access,
  } as R & { request: typeof request; middleware: MiddlewareHandler[] });
}

/** Problem responses a route may add to the standard ones (404, 409, 413, 415, 422, 429, 503). */
export function problemResponses(...statuses: ReadonlyArray<404 | 409 | 413 | 415 | 422 | 429 | 503>) {
  const descriptions: Record<number, string> = {
    404: 'Not found (or another user’s resource)',
    409: 'Conflict with the current state',
    413: 'Body larger than BODY_LIMIT_BYTES',
    415: 'Body not sent as application/json',
    422: 'Idempotency-Key reused with a different body',
    429: 'Throttled; see Retry-After',
    503: 'Not ready',
  };
  return Object.fromEntries(statuses.map((s) => [s, { description: descriptions[s]!, content: problemContent }]));
}
