import { DomainError } from '#domain/shared/domain-error';

/** A plan field breaks its rule (`path` names the field). */
export class InvalidPlanError extends DomainError<'INVALID_PLAN'> {
  readonly code = 'INVALID_PLAN';
  constructor(message: string, readonly path: string) {
    super(message, { path });
  }
}

export type PlanErrorCode = InvalidPlanError['code'];
