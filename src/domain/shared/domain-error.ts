/**
 * Errors raised by aggregates and repository ports. Each carries a string-literal `code` that the interfaces map
 * to a status (HTTP) or a retry decision (queues); none of them knows about HTTP.
 */
export abstract class DomainError<TCode extends string = string> extends Error {
  abstract readonly code: TCode;
  readonly params: Readonly<Record<string, unknown>>;

  constructor(message: string, params: Record<string, unknown> = {}) {
    super(message);
    this.name = new.target.name;
    this.params = params;
  }
}

/** Input that breaks a domain rule (a bad quantity, an interval out of range, …). */
export class InvariantViolationError extends DomainError<'INVARIANT_VIOLATION'> {
  readonly code = 'INVARIANT_VIOLATION';
  constructor(message: string, readonly path?: string) {
    super(message, path ? { path } : {});
  }
}

/** A versioned save found another writer had saved first. The caller reloads and retries, or gives up. */
export class ConcurrencyError extends DomainError<'CONCURRENCY_CONFLICT'> {
  readonly code = 'CONCURRENCY_CONFLICT';
  constructor(aggregateType: string, id: string) {
    super(`${aggregateType} ${id} was changed by someone else`, { aggregateType, id });
  }
}

/** A save hit a unique key other than the id (an e-mail, a SKU, a code already taken). */
export class UniqueConstraintError extends DomainError<'UNIQUE_CONSTRAINT'> {
  readonly code = 'UNIQUE_CONSTRAINT';
  constructor(readonly aggregateType: string, readonly field: string) {
    super(`${aggregateType} ${field} is already taken`, { aggregateType, field });
  }
}

export type SharedDomainErrorCode = InvariantViolationError['code'] | ConcurrencyError['code'] | UniqueConstraintError['code'];
