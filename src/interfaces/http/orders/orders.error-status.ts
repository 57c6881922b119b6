/** HTTP status of every orders error code (exhaustive: `satisfies Record<OrdersErrorCode, number>`). */
export const ordersErrorStatus = {} as const satisfies Record<never, number>;
