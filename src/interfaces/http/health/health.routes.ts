import { z, type OpenAPIHono } from '@hono/zod-openapi';
import type { DependencyContainer } from 'tsyringe';
import { ReadinessProbe } from '#application/shared/ports/readiness-probe.port';
import type { AppEnv } from '#interfaces/http/app-env';
import { ProcessState } from '#interfaces/http/process-state';
import { defineRoute } from '#interfaces/http/route-table';
import { problem, problemResponse, ProblemSchema } from '#interfaces/http/shared/problem';

const live = defineRoute('public', {
  method: 'get',
  path: '/health',
  tags: ['Health'],
  summary: 'Liveness: 200 while the process is up',
  responses: { 200: { description: 'Up', content: { 'application/json': { schema: z.object({ status: z.literal('ok') }) } } } },
});

const DependencyStates = z.object({ mongodb: z.enum(['up', 'down']), redis: z.enum(['up', 'down']) });

const ready = defineRoute('public', {
  method: 'get',
  path: '/health/ready',
  tags: ['Health'],
  summary: 'Readiness: MongoDB and Redis answer (1 s timeout each) and the process is not shutting down',
  responses: {
    200: { description: 'Ready', content: { 'application/json': { schema: z.object({ status: z.literal('ready'), checks: DependencyStates }) } } },
    503: {
      description: 'Not ready (a dependency is down, or the process is shutting down)',
      content: { 'application/problem+json': { schema: ProblemSchema.and(z.object({ checks: DependencyStates })) } },
    },
  },
});

export function registerHealthRoutes(app: OpenAPIHono<AppEnv>, container: DependencyContainer): void {
  const probe = container.resolve<ReadinessProbe>(ReadinessProbe);
  const state = container.resolve(ProcessState);

  app.openapi(live, (c) => c.json({ status: 'ok' as const }, 200));

  app.openapi(ready, async (c) => {
    const checks = await probe.check();
    if (state.shuttingDown) return problemResponse(c, problem(503, 'The process is shutting down.', { checks })) as never;
    if (checks.mongodb === 'down' || checks.redis === 'down') {
      return problemResponse(c, problem(503, 'A dependency is not answering.', { checks })) as never;
    }
    return c.json({ status: 'ready' as const, checks }, 200);
  });
}
