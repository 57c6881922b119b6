import { DomainError } from '#domain/shared/domain-error';

/** A product field breaks its rule (`path` names the field). */
export class InvalidProductError extends DomainError<'INVALID_PRODUCT'> {
  readonly code = 'INVALID_PRODUCT';
  constructor(message: string, readonly path: string) {
    super(message, { path });
  }
}

export type ProductErrorCode = InvalidProductError['code'];
