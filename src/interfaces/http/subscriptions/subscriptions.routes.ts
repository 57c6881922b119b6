import { z, type OpenAPIHono } from '@hono/zod-openapi';
import type { DependencyContainer } from 'tsyringe';
import { PAYMENT_METHODS } from '#application/billing/ports/payment-gateway.port';
import { CancelSubscriptionUseCase } from '#application/subscriptions/cancel-subscription/cancel-subscription.use-case';
import { ChangePaymentMethodUseCase } from '#application/subscriptions/change-payment-method/change-payment-method.use-case';
import { CreateSubscriptionUseCase } from '#application/subscriptions/create-subscription/create-subscription.use-case';
import { GetSubscriptionScheduleUseCase } from '#application/subscriptions/get-subscription-schedule/get-subscription-schedule.use-case';
import { GetSubscriptionUseCase } from '#application/subscriptions/get-subscription/get-subscription.use-case';
import { ListSubscriptionsUseCase } from '#application/subscriptions/list-subscriptions/list-subscriptions.use-case';
import type { AppEnv } from '#interfaces/http/app-env';
import { defineRoute, problemResponses } from '#interfaces/http/route-table';
import { listBody, pageRequestFrom } from '#interfaces/http/shared/list-response';
import { useCaseContext } from '#interfaces/http/shared/request-context';
import { IdParamsSchema, IdSchema, listOf, pageQueryFields } from '#interfaces/http/shared/schemas';
import { presentSchedule, presentSubscription, ScheduleSchema, SubscriptionSchema } from '#interfaces/http/subscriptions/subscriptions.presenter';

const json = <T extends z.ZodTypeAny>(schema: T) => ({ 'application/json': { schema } });
const PaymentMethodSchema = z.enum(PAYMENT_METHODS).openapi({ description: 'A simulated payment method (API.md)', example: 'pm_card_ok' });

const CreateBody = z
  .strictObject({
    planId: IdSchema,
    productId: IdSchema,
    quantity: z.number().int().min(1).max(1000).default(1),
    paymentMethod: PaymentMethodSchema.default('pm_card_ok'),
  })
  .openapi('CreateSubscriptionRequest');
const CancelBody = z.strictObject({ atPeriodEnd: z.boolean().default(true) }).openapi('CancelSubscriptionRequest');
const PaymentMethodBody = z.strictObject({ paymentMethod: PaymentMethodSchema }).openapi('ChangePaymentMethodRequest');
const ListQuery = z.strictObject({ ...pageQueryFields, userId: IdSchema.optional() });
const ScheduleQuery = z.strictObject({ count: z.coerce.number().int().min(1).max(36).default(12).openapi({ example: 12 }) });

const create = defineRoute('user', {
  method: 'post',
  path: '/api/v1/subscriptions',
  tags: ['Subscriptions'],
  summary: 'Subscribe the caller to a product on a plan',
  description:
    'Without a trial the subscription is due at once and billing starts immediately (it becomes `active` with an order within moments when stock and payment allow; poll it). With a trial it is `trialing` until the trial end.',
  request: { body: { required: true, content: json(CreateBody) } },
  responses: { 201: { description: 'Created', content: json(SubscriptionSchema) }, ...problemResponses(404, 409) },
});

const list = defineRoute('user', {
  method: 'get',
  path: '/api/v1/subscriptions',
  tags: ['Subscriptions'],
  summary: 'Subscriptions, newest first (a USER sees only their own; an ADMIN all, `?userId=` to filter)',
  request: { query: ListQuery },
  responses: { 200: { description: 'A page of subscriptions', content: json(listOf(SubscriptionSchema)) } },
});

const get = defineRoute('owner', {
  method: 'get',
  path: '/api/v1/subscriptions/{id}',
  tags: ['Subscriptions'],
  summary: 'One subscription (its owner or an ADMIN)',
  request: { params: IdParamsSchema },
  responses: { 200: { description: 'The subscription', content: json(SubscriptionSchema) }, ...problemResponses(404) },
});

const cancel = defineRoute('owner', {
  method: 'post',
  path: '/api/v1/subscriptions/{id}/cancel',
  tags: ['Subscriptions'],
  summary: 'Cancel now, or at the end of the current period (the default)',
  description:
    '`atPeriodEnd: true` (default): an active subscription stays active until its period end, a trialing one is canceled at its trial end without a charge, incomplete and past_due ones are canceled at once. `atPeriodEnd: false` cancels at once. Already canceled → 409.',
  request: { params: IdParamsSchema, body: { required: true, content: json(CancelBody) } },
  responses: { 200: { description: 'The subscription', content: json(SubscriptionSchema) }, ...problemResponses(404, 409) },
});

const changePaymentMethod = defineRoute('owner', {
  method: 'put',
  path: '/api/v1/subscriptions/{id}/payment-method',
  tags: ['Subscriptions'],
  summary: 'Replace the payment method (a past_due subscription is retried at once)',
  request: { params: IdParamsSchema, body: { required: true, content: json(PaymentMethodBody) } },
  responses: { 200: { description: 'The subscription (still past_due until the retry lands: poll)', content: json(SubscriptionSchema) }, ...problemResponses(404, 409) },
});

const schedule = defineRoute('owner', {
  method: 'get',
  path: '/api/v1/subscriptions/{id}/schedule',
  tags: ['Subscriptions'],
  summary: 'The next `count` billing periods, from the period arithmetic the biller uses',
  description: 'Starts with the period `nextBillingAt` bills; empty when canceled or canceling at period end.',
  request: { params: IdParamsSchema, query: ScheduleQuery },
  responses: { 200: { description: 'Upcoming periods', content: json(ScheduleSchema) }, ...problemResponses(404) },
});

export function registerSubscriptionRoutes(app: OpenAPIHono<AppEnv>, container: DependencyContainer): void {
  app.openapi(create, async (c) => {
    const subscription = await container.resolve(CreateSubscriptionUseCase).execute({ ...c.req.valid('json'), caller: c.get('caller')!, ...useCaseContext(c) });
    return c.json(presentSubscription(subscription), 201);
  });

  app.openapi(list, async (c) => {
    const { limit, cursor, userId } = c.req.valid('query');
    const filters = { userId };
    const page = await container
      .resolve(ListSubscriptionsUseCase)
      .execute({ caller: c.get('caller')!, ...(userId ? { userId } : {}), page: pageRequestFrom(c, { limit, cursor }, filters) });
    return c.json(listBody(c, page, presentSubscription, filters), 200);
  });

  app.openapi(get, async (c) => {
    const subscription = await container.resolve(GetSubscriptionUseCase).execute({ caller: c.get('caller')!, subscriptionId: c.req.valid('param').id });
    return c.json(presentSubscription(subscription), 200);
  });

  app.openapi(cancel, async (c) => {
    const { atPeriodEnd } = c.req.valid('json');
    const subscription = await container
      .resolve(CancelSubscriptionUseCase)
      .execute({ caller: c.get('caller')!, subscriptionId: c.req.valid('param').id, atPeriodEnd, ...useCaseContext(c) });
    return c.json(presentSubscription(subscription), 200);
  });

  app.openapi(changePaymentMethod, async (c) => {
    const { paymentMethod } = c.req.valid('json');
    const subscription = await container
      .resolve(ChangePaymentMethodUseCase)
      .execute({ caller: c.get('caller')!, subscriptionId: c.req.valid('param').id, paymentMethod, ...useCaseContext(c) });
    return c.json(presentSubscription(subscription), 200);
  });

  app.openapi(schedule, async (c) => {
    const rows = await container
      .resolve(GetSubscriptionScheduleUseCase)
      .execute({ caller: c.get('caller')!, subscriptionId: c.req.valid('param').id, count: c.req.valid('query').count });
    return c.json(presentSchedule(rows), 200);
  });
}
