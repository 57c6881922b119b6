import { z, type OpenAPIHono } from '@hono/zod-openapi';
import type { DependencyContainer } from 'tsyringe';
import { AdjustInventoryUseCase } from '#application/inventory/adjust-inventory/adjust-inventory.use-case';
import { CreateFulfillmentCenterUseCase } from '#application/inventory/create-fulfillment-center/create-fulfillment-center.use-case';
import { ListFulfillmentCentersUseCase } from '#application/inventory/list-fulfillment-centers/list-fulfillment-centers.use-case';
import { ListInventoryUseCase } from '#application/inventory/list-inventory/list-inventory.use-case';
import { UpdateFulfillmentCenterUseCase } from '#application/inventory/update-fulfillment-center/update-fulfillment-center.use-case';
import type { AppEnv } from '#interfaces/http/app-env';
import {
  FulfillmentCenterSchema,
  InventoryLevelSchema,
  presentFulfillmentCenter,
  presentInventoryLevel,
} from '#interfaces/http/inventory/inventory.presenter';
import { defineRoute, problemResponses } from '#interfaces/http/route-table';
import { listBody, pageRequestFrom } from '#interfaces/http/shared/list-response';
import { useCaseContext } from '#interfaces/http/shared/request-context';
import { IdParamsSchema, IdSchema, listOf, pageQueryFields } from '#interfaces/http/shared/schemas';

const json = <T extends z.ZodTypeAny>(schema: T) => ({ 'application/json': { schema } });

const name = () => z.string().trim().min(1).max(100).openapi({ example: 'Berlin' });
const priority = () => z.number().int().min(0).max(1000).openapi({ description: '0..1000, lower ships first', example: 100 });

const CreateCenterBody = z
  .strictObject({
    code: z
      .string()
      .regex(/^[A-Za-z0-9_-]{1,32}$/, 'must be 1..32 letters, digits, _ or -')
      .openapi({ description: 'Upper-cased; unique', example: 'BERLIN-1' }),
    name: name(),
    priority: priority().optional(),
  })
  .openapi('CreateFulfillmentCenterRequest');

const UpdateCenterBody = z
  .strictObject({ name: name().optional(), priority: priority().optional(), active: z.boolean().optional() })
  .openapi('UpdateFulfillmentCenterRequest');

const AdjustmentBody = z
  .strictObject({
    productId: IdSchema,
    fulfillmentCenterId: IdSchema.optional().openapi({ description: 'Defaults to the DEFAULT center' }),
    delta: z
      .number()
      .int()
      .refine((d) => d !== 0, 'must not be zero')
      .openapi({ description: 'Non-zero change of the on-hand count', example: 50 }),
    reason: z.string().trim().min(1).max(200).openapi({ example: 'stock delivery 2026-11-24' }),
  })
  .openapi('InventoryAdjustmentRequest');

const InventoryQuery = z.strictObject({ ...pageQueryFields, productId: IdSchema.optional() });

const createCenter = defineRoute('admin', {
  method: 'post',
  path: '/api/v1/fulfillment-centers',
  tags: ['Inventory'],
  summary: 'Create a fulfillment center',
  request: { body: { required: true, content: json(CreateCenterBody) } },
  responses: { 201: { description: 'Created', content: json(FulfillmentCenterSchema) }, ...problemResponses(409) },
});

const updateCenter = defineRoute('admin', {
  method: 'patch',
  path: '/api/v1/fulfillment-centers/{id}',
  tags: ['Inventory'],
  summary: 'Rename, reprioritise or (de)activate a center; an inactive center is never allocated from',
  request: { params: IdParamsSchema, body: { required: true, content: json(UpdateCenterBody) } },
  responses: { 200: { description: 'The center', content: json(FulfillmentCenterSchema) }, ...problemResponses(404, 409) },
});

const listCenters = defineRoute('admin', {
  method: 'get',
  path: '/api/v1/fulfillment-centers',
  tags: ['Inventory'],
  summary: 'Fulfillment centers, newest first',
  request: { query: z.strictObject(pageQueryFields) },
  responses: { 200: { description: 'A page of centers', content: json(listOf(FulfillmentCenterSchema)) } },
});

const adjust = defineRoute('admin', {
  method: 'post',
  path: '/api/v1/inventory/adjustments',
  tags: ['Inventory'],
  summary: 'Adjust the on-hand count of a product at a center (never below what is reserved)',
  request: { body: { required: true, content: json(AdjustmentBody) } },
  responses: {
    201: { description: 'The stock after the adjustment', content: json(InventoryLevelSchema) },
    ...problemResponses(404, 409),
  },
});

const listInventory = defineRoute('admin', {
  method: 'get',
  path: '/api/v1/inventory',
  tags: ['Inventory'],
  summary: 'Stock per product and center, newest first',
  request: { query: InventoryQuery },
  responses: { 200: { description: 'A page of stock levels', content: json(listOf(InventoryLevelSchema)) }, ...problemResponses(404) },
});

export function registerInventoryRoutes(app: OpenAPIHono<AppEnv>, container: DependencyContainer): void {
  app.openapi(createCenter, async (c) => {
    const center = await container.resolve(CreateFulfillmentCenterUseCase).execute({ ...c.req.valid('json'), ...useCaseContext(c) });
    return c.json(presentFulfillmentCenter(center), 201);
  });

  app.openapi(updateCenter, async (c) => {
    const center = await container.resolve(UpdateFulfillmentCenterUseCase).execute({
      fulfillmentCenterId: c.req.valid('param').id,
      changes: c.req.valid('json'),
      ...useCaseContext(c),
    });
    return c.json(presentFulfillmentCenter(center), 200);
  });

  app.openapi(listCenters, async (c) => {
    const { limit, cursor } = c.req.valid('query');
    const page = await container.resolve(ListFulfillmentCentersUseCase).execute({ page: pageRequestFrom(c, { limit, cursor }, {}) });
    return c.json(listBody(c, page, presentFulfillmentCenter, {}), 200);
  });

  app.openapi(adjust, async (c) => {
    const item = await container.resolve(AdjustInventoryUseCase).execute({ ...c.req.valid('json'), ...useCaseContext(c) });
    return c.json(presentInventoryLevel(item), 201);
  });

  app.openapi(listInventory, async (c) => {
    const { limit, cursor, productId } = c.req.valid('query');
    const filters = { productId };
    const page = await container.resolve(ListInventoryUseCase).execute({
      ...(productId !== undefined ? { productId } : {}),
      page: pageRequestFrom(c, { limit, cursor }, filters),
    });
    return c.json(listBody(c, page, presentInventoryLevel, filters), 200);
  });
}
