import type { OrderErrorCode } from '#domain/orders/order/order.errors';

/** HTTP status of every orders error code (exhaustive). */
export const ordersErrorStatus = {
  ORDER_REQUIRES_CHARGED_ATTEMPT: 409,
} as const satisfies Record<OrderErrorCode, number>;
