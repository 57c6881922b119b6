import type { Context } from 'hono';
import { HTTPException } from 'hono/http-exception';
import { DomainError } from '#domain/shared/domain-error';
import { ApplicationError, RateLimitedError } from '#application/shared/application-error';
import type { Logger } from '#application/shared/ports/logger.port';
import type { AppEnv } from '#interfaces/http/app-env';
import { billingErrorStatus } from '#interfaces/http/billing/billing.error-status';
import { catalogErrorStatus } from '#interfaces/http/catalog/catalog.error-status';
import { identityErrorStatus } from '#interfaces/http/identity/identity.error-status';
import { inventoryErrorStatus } from '#interfaces/http/inventory/inventory.error-status';
import { ordersErrorStatus } from '#interfaces/http/orders/orders.error-status';
import { sharedErrorStatus } from '#interfaces/http/shared/error-status';
import { problem, problemResponse, PROBLEM_TYPES, type Problem } from '#interfaces/http/shared/problem';
import { RequestValidationError } from '#interfaces/http/shared/request-validation-error';
import { subscriptionsErrorStatus } from '#interfaces/http/subscriptions/subscriptions.error-status';

/** Every error code the domain and application layers can raise, with its HTTP status. */
export const ERROR_STATUS: Readonly<Record<string, number>> = {
  ...sharedErrorStatus,
  ...identityErrorStatus,
  ...catalogErrorStatus,
  ...inventoryErrorStatus,
  ...subscriptionsErrorStatus,
  ...billingErrorStatus,
  ...ordersErrorStatus,
};

/**
 * `app.onError`: turns anything thrown into RFC 9457 problem+json. Known codes map through ERROR_STATUS; anything
 * unknown is a 500 with no internals in the body (the details go to the log with the request id).
 */
export function createErrorHandler(logger: Logger) {
  return (error: Error, c: Context<AppEnv>): Response => {
    const { body, headers } = toProblem(error);
    if (body.status >= 500) {
      logger.error({ err: error, requestId: c.get('requestId'), method: c.req.method, path: c.req.path }, 'unhandled error');
    }
    return problemResponse(c, body, headers);
  };
}

export function toProblem(error: Error): { body: Problem; headers?: Record<string, string> } {
  if (error instanceof RequestValidationError) {
    return error.target === 'param'
      ? { body: problem(404, 'No resource matches this path.') }
      : { body: problem(400, 'The request has invalid or unknown fields.', { errors: error.errors }) };
  }
  if (error instanceof RateLimitedError) {
    return { body: problem(429, error.message), headers: { 'Retry-After': String(error.retryAfterSeconds) } };
  }
  if (error instanceof DomainError || error instanceof ApplicationError) {
    const status = ERROR_STATUS[error.code];
    if (status !== undefined) {
      const path = (error as { path?: unknown }).path;
      const errors = status === 400 && typeof path === 'string' ? [{ path, message: error.message }] : undefined;
      return { body: problem(status, error.message, errors ? { errors } : {}) };
    }
  }
  if (error instanceof HTTPException) {
    const status = error.status;
    if (status === 415) return { body: problem(415, 'Send the body as application/json.') };
    if (status === 413) return { body: problem(413, 'The request body is larger than this API accepts.') };
    if (status === 400) return { body: problem(400, error.message || 'Malformed request.', { errors: [{ path: 'body', message: error.message || 'malformed body' }] }) };
    if (status < 500) return { body: problem(status, error.message || 'Request refused.') };
  }
  return { body: problem(500, 'Something went wrong on our side. Quote the request id when you report it.', { type: PROBLEM_TYPES.internal }) };
}
