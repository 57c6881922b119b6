import { DomainError } from '#domain/shared/domain-error';

export class InvalidFulfillmentCenterError extends DomainError<'INVALID_FULFILLMENT_CENTER'> {
  readonly code = 'INVALID_FULFILLMENT_CENTER';
  constructor(message: string, readonly path: string) {
    super(message, { path });
  }
}

export type FulfillmentCenterErrorCode = InvalidFulfillmentCenterError['code'];
