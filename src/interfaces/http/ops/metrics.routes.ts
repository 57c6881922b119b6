import { z, type OpenAPIHono } from '@hono/zod-openapi';
import type { PrometheusMetrics } from '#infrastructure/metrics/prometheus-metrics';
import type { AppEnv } from '#interfaces/http/app-env';
import { defineRoute } from '#interfaces/http/route-table';

const scrape = defineRoute('public', {
  method: 'get',
  path: '/metrics',
  tags: ['Operations'],
  summary: 'Prometheus metrics: HTTP latency by route template, queue depths, billing outcomes, process metrics',
  responses: {
    200: {
      description: 'Prometheus text exposition format',
      content: { 'text/plain': { schema: z.string().openapi({ example: 'http_request_duration_seconds_bucket{le="0.05",method="GET",route="/health",status="200"} 3' }) } },
    },
  },
});

/** GET /metrics, served by every role (DESIGN.md D2). Operators who want it private restrict it at the proxy. */
export function registerMetricsRoutes(app: OpenAPIHono<AppEnv>, metrics: PrometheusMetrics): void {
  app.openapi(scrape, async (c) => c.body(await metrics.scrape(), 200, { 'Content-Type': metrics.contentType }) as never);
}
