import type { Queue } from 'bullmq';
import { collectDefaultMetrics, Counter, Gauge, Histogram, Registry } from 'prom-client';
import type { Metrics } from '#application/shared/ports/metrics.port';

/** BullMQ states reported as queue depths. */
const QUEUE_STATES = ['waiting', 'active', 'delayed', 'failed', 'completed'] as const;
/** A scrape must answer even when Redis does not: queue depths are then left out, not waited for. */
const QUEUE_SCRAPE_TIMEOUT_MS = 1_000;

/**
 * The process's Prometheus registry (one per container): HTTP latency by route template, BullMQ queue depths read
 * from Redis at scrape time, billing outcomes and charged amounts (the `Metrics` port), and default process metrics.
 */
export class PrometheusMetrics implements Metrics {
  readonly registry = new Registry();
  readonly #httpDuration: Histogram<'method' | 'route' | 'status'>;
  readonly #billingOutcomes: Counter<'outcome'>;
  readonly #chargedAmount: Counter<'currency'>;

  constructor(queues: Iterable<Queue>) {
    collectDefaultMetrics({ register: this.registry });
    this.#httpDuration = new Histogram({
      name: 'http_request_duration_seconds',
      help: 'HTTP request duration in seconds, by method, route template and status',
      labelNames: ['method', 'route', 'status'],
      buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
      registers: [this.registry],
    });
    this.#billingOutcomes = new Counter({
      name: 'billing_outcomes_total',
      help: 'Billing job outcomes: succeeded, failed (declined) or deferred (no stock)',
      labelNames: ['outcome'],
      registers: [this.registry],
    });
    this.#chargedAmount = new Counter({
      name: 'billing_charged_amount_minor_units_total',
      help: 'Sum of successful charges in minor units, by ISO 4217 currency',
      labelNames: ['currency'],
      registers: [this.registry],
    });
    const queueList = [...queues];
    new Gauge({
      name: 'bullmq_queue_jobs',
      help: 'Jobs per BullMQ queue and state, read from Redis at scrape time',
      labelNames: ['queue', 'state'],
      registers: [this.registry],
      async collect() {
        this.reset();
        const counts = await withTimeout(Promise.all(queueList.map((q) => q.getJobCounts(...QUEUE_STATES))));
        if (!counts) return;
        queueList.forEach((queue, i) => {
          for (const state of QUEUE_STATES) this.set({ queue: queue.name, state }, counts[i]![state] ?? 0);
        });
      },
    });
  }

  billingOutcome(outcome: 'succeeded' | 'failed' | 'deferred', charge?: { amount: number; currency: string }): void {
    this.#billingOutcomes.inc({ outcome });
    if (outcome === 'succeeded' && charge) this.#chargedAmount.inc({ currency: charge.currency.toUpperCase() }, charge.amount);
  }

  observeHttp(labels: { method: string; route: string; status: number }, seconds: number): void {
    this.#httpDuration.observe({ method: labels.method, route: labels.route, status: String(labels.status) }, seconds);
  }

  get contentType(): string {
    return this.registry.contentType;
  }

  scrape(): Promise<string> {
    return this.registry.metrics();
  }
}

async function withTimeout<T>(work: Promise<T>): Promise<T | null> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timeout = new Promise<null>((resolve) => {
    timer = setTimeout(() => resolve(null), QUEUE_SCRAPE_TIMEOUT_MS);
  });
  try {
    return await Promise.race([work.catch(() => null), timeout]);
  } finally {
    clearTimeout(timer);
  }
}
