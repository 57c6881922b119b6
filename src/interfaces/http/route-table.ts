import { createRoute, z, type RouteConfig } from '@hono/zod-openapi';
import type { MiddlewareHandler } from 'hono';
import type { Access } from '#interfaces/http/access';
import { authorize } from '#interfaces/http/middleware/authorize';
import { idempotencyKey } from '#interfaces/http/middleware/idempotency';
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
  const post = config.method === 'post';
  const request = { ...config.request, query: config.request?.query ?? z.strictObject({}) };
  return createRoute({
    ...config,
    request: post ? { ...request, headers: IdempotencyKeyHeaders } : request,
    // Statuses the spine itself produces for any such route, so the document lists them even if a module forgets.
    responses: {
      ...errorResponses(access),
      ...(post ? idempotencyResponses : {}),
      ...(config.request?.body ? problemResponses(413, 415) : {}),
      ...(config.request?.params ? problemResponses(404) : {}),
      ...config.responses,
    },
    // Idempotency runs after authorize: its scope is the verified caller (API.md Conventions).
    middleware: (post ? [authorize(access), idempotencyKey] : [authorize(access)]) as MiddlewareHandler[],
    ...(access === 'public' ? {} : { security: [{ bearerAuth: [] }] }),
    'x-access': access,
  } as R & { request: RequestWithQuery<R>; middleware: MiddlewareHandler[] });
}

/** The declared request plus the default query, typed from `R` itself so `c.req.valid('json')` keeps the body's type. */
type RequestWithQuery<R extends Omit<RouteConfig, 'middleware' | 'security'>> = NonNullable<R['request']> &
  (NonNullable<R['request']> extends { query: unknown } ? unknown : { query: z.ZodObject<{}, z.core.$strict> });

const IdempotencyKeyHeaders = z.object({
  'idempotency-key': z.string().min(1).max(255).optional().openapi({
    description: 'Replays the first response to a retry with the same key and body (kept at least 24 h; API.md Conventions).',
    example: '7c0e6d2a-order-42',
  }),
});
const idempotencyResponses = {
  409: { description: 'Conflict with the current state, or a request with this Idempotency-Key is still in progress', content: problemContent },
  422: { description: 'Idempotency-Key reused with a different body', content: problemContent },
};

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
