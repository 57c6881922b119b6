/**
 * Errors raised by use cases (as opposed to aggregates). Like domain errors they carry a code and no HTTP knowledge;
 * `src/interfaces/http/error-handler.ts` maps the codes.
 */
export abstract class ApplicationError<TCode extends string = string> extends Error {
  abstract readonly code: TCode;
  constructor(message: string, readonly params: Readonly<Record<string, unknown>> = {}) {
    super(message);
    this.name = new.target.name;
  }
}

/** The resource does not exist, or the caller may not know it exists (another user's resource). */
export class NotFoundError extends ApplicationError<'NOT_FOUND'> {
  readonly code = 'NOT_FOUND';
  constructor(readonly resource: string, id?: string) {
    super(`${resource} not found`, id ? { resource, id } : { resource });
  }
}

/** The request is valid but conflicts with the current state (taken, archived, already canceled, …). */
export class ConflictError extends ApplicationError<'CONFLICT'> {
  readonly code = 'CONFLICT';
}

/** The caller is known but lacks the right. */
export class ForbiddenError extends ApplicationError<'FORBIDDEN'> {
  readonly code = 'FORBIDDEN';
}

/** Credentials or token missing or wrong. */
export class UnauthorizedError extends ApplicationError<'UNAUTHORIZED'> {
  readonly code = 'UNAUTHORIZED';
}

/** Too many attempts; `retryAfterSeconds` becomes the Retry-After header. */
export class RateLimitedError extends ApplicationError<'RATE_LIMITED'> {
  readonly code = 'RATE_LIMITED';
  constructor(message: string, readonly retryAfterSeconds: number) {
    super(message, { retryAfterSeconds });
  }
}

/** Input that passed the schema but fails a use-case rule; `path` names the field. */
export class ValidationError extends ApplicationError<'VALIDATION'> {
  readonly code = 'VALIDATION';
  constructor(message: string, readonly path: string) {
    super(message, { path });
  }
}

export type ApplicationErrorCode =
  | NotFoundError['code']
  | ConflictError['code']
  | ForbiddenError['code']
  | UnauthorizedError['code']
  | RateLimitedError['code']
  | ValidationError['code'];
