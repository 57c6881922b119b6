/** HTTP status of every identity error code (exhaustive: `satisfies Record<IdentityErrorCode, number>`). */
export const identityErrorStatus = {} as const satisfies Record<never, number>;
