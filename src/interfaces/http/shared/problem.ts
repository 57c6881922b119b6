import { z } from '@hono/zod-openapi';
import type { Context } from 'hono';
import type { ContentfulStatusCode } from 'hono/utils/http-status';

/** The problem `type` values of DESIGN.md D5, the only ones this API emits. */
export const PROBLEM_TYPES = {
  validation: '/problems/validation-error',
  notFound: '/problems/not-found',
  conflict: '/problems/conflict',
  unauthorized: '/problems/unauthorized',
  forbidden: '/problems/forbidden',
  rateLimited: '/problems/rate-limited',
  idempotencyKeyReused: '/problems/idempotency-key-reused',
  idempotencyKeyInFlight: '/problems/idempotency-key-in-flight',
  payloadTooLarge: '/problems/payload-too-large',
  unsupportedMediaType: '/problems/unsupported-media-type',
  serviceUnavailable: '/problems/service-unavailable',
  internal: '/problems/internal',
} as const;
export type ProblemType = (typeof PROBLEM_TYPES)[keyof typeof PROBLEM_TYPES];

const TITLES: Record<ProblemType, string> = {
  '/problems/validation-error': 'Your request is not valid',
  '/problems/not-found': 'Not found',
  '/problems/conflict': 'Conflict with the current state',
  '/problems/unauthorized': 'Authentication required',
  '/problems/forbidden': 'Forbidden',
  '/problems/rate-limited': 'Too many requests',
  '/problems/idempotency-key-reused': 'Idempotency key reused with a different request',
  '/problems/idempotency-key-in-flight': 'A request with this idempotency key is still in progress',
  '/problems/payload-too-large': 'Payload too large',
  '/problems/unsupported-media-type': 'Unsupported media type',
  '/problems/service-unavailable': 'Service unavailable',
  '/problems/internal': 'Internal server error',
};

/** The default type for a status when nothing more specific applies. */
export function problemTypeForStatus(status: number): ProblemType {
  switch (status) {
    case 400:
      return PROBLEM_TYPES.validation;
    case 401:
      return PROBLEM_TYPES.unauthorized;
    case 403:
      return PROBLEM_TYPES.forbidden;
    case 404:
    case 405:
      return PROBLEM_TYPES.notFound;
    case 409:
      return PROBLEM_TYPES.conflict;
    case 413:
      return PROBLEM_TYPES.payloadTooLarge;
    case 415:
      return PROBLEM_TYPES.unsupportedMediaType;
    case 422:
      return PROBLEM_TYPES.idempotencyKeyReused;
    case 429:
      return PROBLEM_TYPES.rateLimited;
    case 503:
      return PROBLEM_TYPES.serviceUnavailable;
    default:
      return status >= 500 ? PROBLEM_TYPES.internal : PROBLEM_TYPES.validation;
  }
}

export interface ProblemFieldError {
  readonly path: string;
  readonly message: string;
}

export interface Problem {
  readonly type: ProblemType;
  readonly title: string;
  readonly status: number;
  readonly detail: string;
  readonly errors?: readonly ProblemFieldError[];
  readonly [extension: string]: unknown;
}

export function problem(status: number, detail: string, extra: { type?: ProblemType; errors?: readonly ProblemFieldError[]; [k: string]: unknown } = {}): Problem {
  const type = extra.type ?? problemTypeForStatus(status);
  return { ...extra, type, title: TITLES[type], status, detail };
}

/** Writes an RFC 9457 response. Every 4xx/5xx of this API goes through here. */
export function problemResponse(c: Context, body: Problem, headers: Record<string, string> = {}): Response {
  for (const [name, value] of Object.entries(headers)) c.header(name, value);
  c.header('Content-Type', 'application/problem+json');
  return c.body(JSON.stringify(body), body.status as ContentfulStatusCode);
}

/** OpenAPI description of a problem body, shared by every error response in the document. */
export const ProblemSchema = z
  .object({
    type: z.string().openapi({ example: PROBLEM_TYPES.validation }),
    title: z.string(),
    status: z.number().int(),
    detail: z.string(),
    errors: z.array(z.object({ path: z.string(), message: z.string() })).optional(),
  })
  .catchall(z.unknown())
  .openapi('Problem');
