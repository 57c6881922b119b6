import type { SharedDomainErrorCode } from '#domain/shared/domain-error';
import type { ApplicationErrorCode } from '#application/shared/application-error';

/** Status for errors every context can raise. Each context adds its own map in `<ctx>/<ctx>.error-status.ts`. */
export const sharedErrorStatus = {
  INVARIANT_VIOLATION: 400,
  CONCURRENCY_CONFLICT: 409,
  UNIQUE_CONSTRAINT: 409,
  NOT_FOUND: 404,
  CONFLICT: 409,
  FORBIDDEN: 403,
  UNAUTHORIZED: 401,
  RATE_LIMITED: 429,
  VALIDATION: 400,
} as const satisfies Record<SharedDomainErrorCode | ApplicationErrorCode, number>;
