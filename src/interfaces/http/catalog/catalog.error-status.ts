/** HTTP status of every catalog error code (exhaustive: `satisfies Record<CatalogErrorCode, number>`). */
export const catalogErrorStatus = {} as const satisfies Record<never, number>;
