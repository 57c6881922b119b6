import { z, type OpenAPIHono } from '@hono/zod-openapi';
import type { DependencyContainer } from 'tsyringe';
import { AdvanceClockUseCase } from '#application/billing/advance-clock/advance-clock.use-case';
import { ReadClockUseCase } from '#application/billing/read-clock/read-clock.use-case';
import { RunBillingScanUseCase } from '#application/billing/run-billing-scan/run-billing-scan.use-case';
import { MAX_CLOCK_ADVANCE_MS } from '#infrastructure/clock/redis-simulation-clock';
import type { AppEnv } from '#interfaces/http/app-env';
import { defineRoute, problemResponses } from '#interfaces/http/route-table';
import { timestamp } from '#interfaces/http/shared/schemas';

const json = <T extends z.ZodTypeAny>(schema: T) => ({ 'application/json': { schema } });
const MAX_ADVANCE_SECONDS = MAX_CLOCK_ADVANCE_MS / 1000;

const run = defineRoute('admin', {
  method: 'post',
  path: '/api/v1/admin/billing/run',
  tags: ['Billing operations'],
  summary: 'Scan for due subscriptions now (the same scan as the scheduler)',
  description: 'Enqueues one billing job per due subscription; job ids are per (subscription, period, attempt), so repeated runs never bill twice.',
  request: { body: { required: true, content: json(z.strictObject({}).openapi('RunBillingRequest')) } },
  responses: { 202: { description: 'Jobs submitted', content: json(z.object({ enqueued: z.number().int().min(0) }).openapi('BillingRunResult')) } },
});

const readClock = defineRoute('admin', {
  method: 'get',
  path: '/api/v1/admin/clock',
  tags: ['Billing operations'],
  summary: 'Business time, and whether it is simulated',
  responses: { 200: { description: 'The clock', content: json(z.object({ now: timestamp(), simulated: z.boolean() }).openapi('Clock')) } },
});

const AdvanceBody = z
  .strictObject({ seconds: z.number().int().positive().max(MAX_ADVANCE_SECONDS).openapi({ example: 86_400, description: 'At most ten years' }) })
  .openapi('AdvanceClockRequest');

const advanceClock = defineRoute('admin', {
  method: 'post',
  path: '/api/v1/admin/clock/advance',
  tags: ['Billing operations'],
  summary: 'Move the simulated clock forward and scan for what became due (SIMULATION_CLOCK=true only)',
  description: 'Every process reads the same offset (Redis). 404 when the simulation is off. Never enable it in production.',
  request: { body: { required: true, content: json(AdvanceBody) } },
  responses: { 200: { description: 'The new business time', content: json(z.object({ now: timestamp() }).openapi('ClockAdvanced')) }, ...problemResponses(404) },
});

export function registerBillingRoutes(app: OpenAPIHono<AppEnv>, container: DependencyContainer): void {
  app.openapi(run, async (c) => {
    const result = await container.resolve(RunBillingScanUseCase).execute({ correlationId: c.get('requestId') });
    return c.json({ enqueued: result.enqueued }, 202);
  });

  app.openapi(readClock, async (c) => {
    const clock = await container.resolve(ReadClockUseCase).execute();
    return c.json({ now: clock.now.toISOString(), simulated: clock.simulated }, 200);
  });

  app.openapi(advanceClock, async (c) => {
    const result = await container.resolve(AdvanceClockUseCase).execute({ seconds: c.req.valid('json').seconds, correlationId: c.get('requestId') });
    return c.json({ now: result.now.toISOString() }, 200);
  });
}
