import { DomainError } from '#domain/shared/domain-error';

/** Orders exist only for a charged billing attempt whose reservation was committed (deducted). */
export class OrderRequiresChargedAttemptError extends DomainError<'ORDER_REQUIRES_CHARGED_ATTEMPT'> {
  readonly code = 'ORDER_REQUIRES_CHARGED_ATTEMPT';
}

export type OrderErrorCode = OrderRequiresChargedAttemptError['code'];
