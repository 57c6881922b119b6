/** Business metrics the application reports (Prometheus in production, a recorder in tests). */
export interface Metrics {
  /** One billing job outcome; `amount` (minor units) only for succeeded charges. */
  billingOutcome(outcome: 'succeeded' | 'failed' | 'deferred', charge?: { amount: number; currency: string }): void;
}
export const Metrics = Symbol('Metrics');
