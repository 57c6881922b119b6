import { DomainError } from '#domain/shared/domain-error';

/** The saga does not allow this step from the attempt's state (e.g. charging an attempt that was abandoned). */
export class BillingAttemptTransitionError extends DomainError<'BILLING_ATTEMPT_TRANSITION_NOT_ALLOWED'> {
  readonly code = 'BILLING_ATTEMPT_TRANSITION_NOT_ALLOWED';
  constructor(readonly state: string, readonly step: string) {
    super(`a billing attempt that is ${state} cannot ${step}`, { state, step });
  }
}

/**
 * Another worker holds the attempt (a live lease) or another attempt holds its period. Not a failure: the job is
 * retried later and then finds the attempt finished, or takes it over once the lease has expired.
 */
export class BillingAttemptBusyError extends DomainError<'BILLING_ATTEMPT_BUSY'> {
  readonly code = 'BILLING_ATTEMPT_BUSY';
}

/** A charged attempt whose reservation is gone without having been committed: stock and money disagree. */
export class BillingAttemptInconsistentError extends DomainError<'BILLING_ATTEMPT_INCONSISTENT'> {
  readonly code = 'BILLING_ATTEMPT_INCONSISTENT';
}

export type BillingAttemptErrorCode =
  | BillingAttemptTransitionError['code']
  | BillingAttemptBusyError['code']
  | BillingAttemptInconsistentError['code'];
