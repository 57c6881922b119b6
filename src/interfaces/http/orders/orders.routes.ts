import { z, type OpenAPIHono } from '@hono/zod-openapi';
import type { DependencyContainer } from 'tsyringe';
import { GetOrderUseCase } from '#application/orders/get-order/get-order.use-case';
import { ListOrdersUseCase } from '#application/orders/list-orders/list-orders.use-case';
import type { AppEnv } from '#interfaces/http/app-env';
import { OrderSchema, presentOrder } from '#interfaces/http/orders/orders.presenter';
import { defineRoute, problemResponses } from '#interfaces/http/route-table';
import { listBody, pageRequestFrom } from '#interfaces/http/shared/list-response';
import { IdParamsSchema, IdSchema, listOf, pageQueryFields } from '#interfaces/http/shared/schemas';

const json = <T extends z.ZodTypeAny>(schema: T) => ({ 'application/json': { schema } });
const ListQuery = z.strictObject({ ...pageQueryFields, userId: IdSchema.optional(), subscriptionId: IdSchema.optional() });

const list = defineRoute('user', {
  method: 'get',
  path: '/api/v1/orders',
  tags: ['Orders'],
  summary: 'Orders, newest first (a USER sees only their own; an ADMIN all, `?userId=` and `?subscriptionId=` to filter)',
  request: { query: ListQuery },
  responses: { 200: { description: 'A page of orders', content: json(listOf(OrderSchema)) } },
});

const get = defineRoute('owner', {
  method: 'get',
  path: '/api/v1/orders/{id}',
  tags: ['Orders'],
  summary: 'One order (its owner or an ADMIN)',
  request: { params: IdParamsSchema },
  responses: { 200: { description: 'The order', content: json(OrderSchema) }, ...problemResponses(404) },
});

export function registerOrderRoutes(app: OpenAPIHono<AppEnv>, container: DependencyContainer): void {
  app.openapi(list, async (c) => {
    const { limit, cursor, ...filters } = c.req.valid('query');
    const page = await container
      .resolve(ListOrdersUseCase)
      .execute({ caller: c.get('caller')!, filter: withoutUndefined(filters), page: pageRequestFrom(c, { limit, cursor }, filters) });
    return c.json(listBody(c, page, presentOrder, filters), 200);
  });

  app.openapi(get, async (c) => {
    const order = await container.resolve(GetOrderUseCase).execute({ caller: c.get('caller')!, orderId: c.req.valid('param').id });
    return c.json(presentOrder(order), 200);
  });
}

function withoutUndefined<T extends object>(value: T): T {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as T;
}
