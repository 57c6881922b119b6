import type { MiddlewareHandler } from 'hono';
import type { PrometheusMetrics } from '#infrastructure/metrics/prometheus-metrics';
import type { AppEnv } from '#interfaces/http/app-env';
import { routeTemplate } from '#interfaces/http/middleware/request-log';

/** Observes every request's duration, labelled by method, route TEMPLATE (`/api/v1/products/:id`) and status. */
export function httpMetrics(metrics: PrometheusMetrics): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    const started = performance.now();
    try {
      await next();
    } finally {
      metrics.observeHttp({ method: c.req.method, route: routeTemplate(c), status: c.res.status }, (performance.now() - started) / 1000);
    }
  };
}
