/** The billing rules' numbers, from configuration (API.md "Process configuration", DESIGN.md D1). */
export interface BillingSettings {
  /** Retry delay when no center has stock (BACKORDER_RETRY_MS). */
  readonly backorderRetryMs: number;
  /** Days between a failed charge and the next retry, one entry per retry (DUNNING_RETRY_DAYS). */
  readonly dunningRetryDays: readonly number[];
  /** How long a stock reservation is held before the sweeper may release it (RESERVATION_TTL_MS, real time). */
  readonly reservationTtlMs: number;
  /** How long a worker's claim on a billing attempt lasts before another may take it over (real time). */
  readonly attemptLeaseMs: number;
}
export const BillingSettings = Symbol('BillingSettings');
