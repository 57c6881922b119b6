import { DomainError } from '#domain/shared/domain-error';

export class InvalidEmailError extends DomainError<'INVALID_EMAIL'> {
  readonly code = 'INVALID_EMAIL';
  readonly path = 'email';
  constructor(message: string) {
    super(message, { path: 'email' });
  }
}

/** A user field that breaks a rule (name length, unknown role). */
export class InvalidUserError extends DomainError<'INVALID_USER'> {
  readonly code = 'INVALID_USER';
  constructor(message: string, readonly path: string) {
    super(message, { path });
  }
}

export type UserErrorCode = InvalidEmailError['code'] | InvalidUserError['code'];
