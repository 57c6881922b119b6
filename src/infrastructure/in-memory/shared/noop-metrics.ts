import type { Metrics } from '#application/shared/ports/metrics.port';

/** Metrics that go nowhere: bound only when no real adapter is registered. */
export class NoopMetrics implements Metrics {
  billingOutcome(): void {}
}
