/** HTTP status of every subscriptions error code (exhaustive: `satisfies Record<SubscriptionsErrorCode, number>`). */
export const subscriptionsErrorStatus = {} as const satisfies Record<never, number>;
