import { DomainError } from '#domain/shared/domain-error';

/** The change would leave less than zero available (onHand below what is reserved, or a reservation too large). */
export class InsufficientStockError extends DomainError<'INSUFFICIENT_STOCK'> {
  readonly code = 'INSUFFICIENT_STOCK';
  constructor(message: string, params: { productId: string; fulfillmentCenterId: string; available: number; requested: number }) {
    super(message, params);
  }
}

/** Bad input to an inventory operation (`path` names the field): a zero delta, a non-integer quantity, … */
export class InvalidInventoryOperationError extends DomainError<'INVALID_INVENTORY_OPERATION'> {
  readonly code = 'INVALID_INVENTORY_OPERATION';
  constructor(message: string, readonly path: string) {
    super(message, { path });
  }
}

/** The item holds no active reservation with this id (never made, already released or committed). */
export class ReservationNotFoundError extends DomainError<'RESERVATION_NOT_FOUND'> {
  readonly code = 'RESERVATION_NOT_FOUND';
  constructor(readonly reservationId: string) {
    super(`no active reservation ${reservationId}`, { reservationId });
  }
}

export type InventoryItemErrorCode = InsufficientStockError['code'] | InvalidInventoryOperationError['code'] | ReservationNotFoundError['code'];
