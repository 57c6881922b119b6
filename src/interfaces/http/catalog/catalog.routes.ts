import { z, type OpenAPIHono } from '@hono/zod-openapi';
import type { DependencyContainer } from 'tsyringe';
import { MAX_PLAN_AMOUNT, MAX_TRIAL_DAYS, PLAN_INTERVALS } from '#domain/catalog/plan/plan.aggregate';
import { ArchivePlanUseCase } from '#application/catalog/archive-plan/archive-plan.use-case';
import { ArchiveProductUseCase } from '#application/catalog/archive-product/archive-product.use-case';
import { CreatePlanUseCase } from '#application/catalog/create-plan/create-plan.use-case';
import { CreateProductUseCase } from '#application/catalog/create-product/create-product.use-case';
import { GetPlanUseCase } from '#application/catalog/get-plan/get-plan.use-case';
import { GetProductUseCase } from '#application/catalog/get-product/get-product.use-case';
import { ListPlansUseCase } from '#application/catalog/list-plans/list-plans.use-case';
import { ListProductsUseCase } from '#application/catalog/list-products/list-products.use-case';
import type { AppEnv } from '#interfaces/http/app-env';
import { PlanSchema, presentPlan, presentProduct, ProductSchema } from '#interfaces/http/catalog/catalog.presenter';
import { defineRoute, problemResponses } from '#interfaces/http/route-table';
import { listBody, pageRequestFrom } from '#interfaces/http/shared/list-response';
import { useCaseContext } from '#interfaces/http/shared/request-context';
import { IdParamsSchema, listOf, pageQueryFields, queryBoolean } from '#interfaces/http/shared/schemas';

const json = <T extends z.ZodTypeAny>(schema: T) => ({ 'application/json': { schema } });

const CreateProductBody = z
  .strictObject({
    sku: z.string().trim().min(1).max(64).openapi({ description: 'Trimmed; unique case-insensitively', example: 'COFFEE-1KG' }),
    name: z.string().trim().min(1).max(200).openapi({ example: 'Coffee beans, 1 kg' }),
    description: z.string().max(2000).nullable().optional(),
  })
  .openapi('CreateProductRequest');

const CreatePlanBody = z
  .strictObject({
    name: z.string().trim().min(1).max(200).openapi({ example: 'Monthly' }),
    amount: z.number().int().min(1).max(MAX_PLAN_AMOUNT).openapi({ description: 'Minor units', example: 1999 }),
    currency: z
      .string()
      .regex(/^[A-Za-z]{3}$/, 'must be an ISO 4217 code')
      .openapi({ description: 'ISO 4217, any case (returned upper case)', example: 'eur' }),
    interval: z.enum(PLAN_INTERVALS),
    intervalCount: z.number().int().min(1).max(365).optional().openapi({ description: 'At most one year: day ≤ 365, week ≤ 52, month ≤ 12, year = 1', example: 1 }),
    trialDays: z.number().int().min(0).max(MAX_TRIAL_DAYS).optional().openapi({ example: 0 }),
  })
  .openapi('CreatePlanRequest');

/** Archive routes take no fields; a POST with no body and no Content-Type counts as `{}` (API.md Conventions). */
const NoFieldsBody = z.strictObject({});

const ListQuery = z.strictObject({
  ...pageQueryFields,
  active: queryBoolean.optional().openapi({ description: 'Only active (true) or only archived (false)', type: 'string', enum: ['true', 'false'] }),
});

const createProduct = defineRoute('admin', {
  method: 'post',
  path: '/api/v1/products',
  tags: ['Catalog'],
  summary: 'Create a product',
  request: { body: { required: true, content: json(CreateProductBody) } },
  responses: { 201: { description: 'Created', content: json(ProductSchema) }, ...problemResponses(409) },
});

const archiveProduct = defineRoute('admin', {
  method: 'post',
  path: '/api/v1/products/{id}/archive',
  tags: ['Catalog'],
  summary: 'Archive a product: no new subscriptions for it, existing ones continue',
  request: { params: IdParamsSchema, body: { required: true, content: json(NoFieldsBody) } },
  responses: { 200: { description: 'The archived product', content: json(ProductSchema) }, ...problemResponses(404, 409) },
});

const listProducts = defineRoute('user', {
  method: 'get',
  path: '/api/v1/products',
  tags: ['Catalog'],
  summary: 'Products, newest first',
  request: { query: ListQuery },
  responses: { 200: { description: 'A page of products', content: json(listOf(ProductSchema)) } },
});

const getProduct = defineRoute('user', {
  method: 'get',
  path: '/api/v1/products/{id}',
  tags: ['Catalog'],
  summary: 'One product',
  request: { params: IdParamsSchema },
  responses: { 200: { description: 'The product', content: json(ProductSchema) }, ...problemResponses(404) },
});

const createPlan = defineRoute('admin', {
  method: 'post',
  path: '/api/v1/plans',
  tags: ['Catalog'],
  summary: 'Create a plan (plans are immutable: a price change is a new plan)',
  request: { body: { required: true, content: json(CreatePlanBody) } },
  responses: { 201: { description: 'Created', content: json(PlanSchema) } },
});

const archivePlan = defineRoute('admin', {
  method: 'post',
  path: '/api/v1/plans/{id}/archive',
  tags: ['Catalog'],
  summary: 'Archive a plan: no new subscriptions on it, existing ones continue',
  request: { params: IdParamsSchema, body: { required: true, content: json(NoFieldsBody) } },
  responses: { 200: { description: 'The archived plan', content: json(PlanSchema) }, ...problemResponses(404, 409) },
});

const listPlans = defineRoute('user', {
  method: 'get',
  path: '/api/v1/plans',
  tags: ['Catalog'],
  summary: 'Plans, newest first',
  request: { query: ListQuery },
  responses: { 200: { description: 'A page of plans', content: json(listOf(PlanSchema)) } },
});

const getPlan = defineRoute('user', {
  method: 'get',
  path: '/api/v1/plans/{id}',
  tags: ['Catalog'],
  summary: 'One plan',
  request: { params: IdParamsSchema },
  responses: { 200: { description: 'The plan', content: json(PlanSchema) }, ...problemResponses(404) },
});

export function registerCatalogRoutes(app: OpenAPIHono<AppEnv>, container: DependencyContainer): void {
  app.openapi(createProduct, async (c) => {
    const product = await container.resolve(CreateProductUseCase).execute({ ...c.req.valid('json'), ...useCaseContext(c) });
    return c.json(presentProduct(product), 201);
  });

  app.openapi(archiveProduct, async (c) => {
    const product = await container.resolve(ArchiveProductUseCase).execute({ productId: c.req.valid('param').id, ...useCaseContext(c) });
    return c.json(presentProduct(product), 200);
  });

  app.openapi(listProducts, async (c) => {
    const { limit, cursor, active } = c.req.valid('query');
    const filters = { active };
    const page = await container.resolve(ListProductsUseCase).execute({
      filter: active === undefined ? {} : { active },
      page: pageRequestFrom(c, { limit, cursor }, filters),
    });
    return c.json(listBody(c, page, presentProduct, filters), 200);
  });

  app.openapi(getProduct, async (c) => {
    const product = await container.resolve(GetProductUseCase).execute({ productId: c.req.valid('param').id });
    return c.json(presentProduct(product), 200);
  });

  app.openapi(createPlan, async (c) => {
    const plan = await container.resolve(CreatePlanUseCase).execute({ ...c.req.valid('json'), ...useCaseContext(c) });
    return c.json(presentPlan(plan), 201);
  });

  app.openapi(archivePlan, async (c) => {
    const plan = await container.resolve(ArchivePlanUseCase).execute({ planId: c.req.valid('param').id, ...useCaseContext(c) });
    return c.json(presentPlan(plan), 200);
  });

  app.openapi(listPlans, async (c) => {
    const { limit, cursor, active } = c.req.valid('query');
    const filters = { active };
    const page = await container.resolve(ListPlansUseCase).execute({
      filter: active === undefined ? {} : { active },
      page: pageRequestFrom(c, { limit, cursor }, filters),
    });
    return c.json(listBody(c, page, presentPlan, filters), 200);
  });

  app.openapi(getPlan, async (c) => {
    const plan = await container.resolve(GetPlanUseCase).execute({ planId: c.req.valid('param').id });
    return c.json(presentPlan(plan), 200);
  });
}
