import type { OpenAPIHono } from '@hono/zod-openapi';
import type { MiddlewareHandler } from 'hono';
import type { DependencyContainer } from 'tsyringe';
import { IdempotencyStore } from '#application/shared/ports/idempotency-store.port';
import { JobQueue } from '#application/shared/ports/job-queue.port';
import { Logger } from '#application/shared/ports/logger.port';
import type { Config } from '#infrastructure/config/config';
import type { BullMqJobQueue } from '#infrastructure/messaging/bullmq-job-queue';
import { PrometheusMetrics } from '#infrastructure/metrics/prometheus-metrics';
import type { AppEnv } from '#interfaces/http/app-env';
import { IdempotencyKeys } from '#interfaces/http/middleware/idempotency';
import { DashboardSessions, registerDashboardRoutes } from '#interfaces/http/ops/dashboard.routes';
import { registerDocsRoutes } from '#interfaces/http/ops/docs.routes';
import { httpMetrics } from '#interfaces/http/ops/http-metrics';
import { registerMetricsRoutes } from '#interfaces/http/ops/metrics.routes';

/** App-wide middleware of the operational features: HTTP metrics, and the idempotency store for POST routes. */
export function opsMiddleware(container: DependencyContainer, config: Config): MiddlewareHandler<AppEnv>[] {
  const keys = new IdempotencyKeys(container.resolve<IdempotencyStore>(IdempotencyStore), container.resolve<Logger>(Logger), {
    ttlSeconds: config.IDEMPOTENCY_TTL_SECONDS,
  });
  return [httpMetrics(container.resolve(PrometheusMetrics)), keys.provide()];
}

/**
 * `/metrics` for every role (DESIGN.md D2); `/docs` and the queue dashboard for the API roles.
 */
export function registerOpsRoutes(app: OpenAPIHono<AppEnv>, container: DependencyContainer, config: Config, title: string): void {
  registerMetricsRoutes(app, container.resolve(PrometheusMetrics));
  if (config.ROLE === 'worker') return;
  registerDocsRoutes(app, title);
  const queues = (container.resolve<BullMqJobQueue>(JobQueue)).queues.values();
  registerDashboardRoutes(app, queues, new DashboardSessions(config.JWT_SECRET, config.NODE_ENV === 'production'));
}
