import { z } from '@hono/zod-openapi';
import { PLAN_INTERVALS, type PlanSnapshot } from '#domain/catalog/plan/plan.aggregate';
import type { ProductSnapshot } from '#domain/catalog/product/product.aggregate';
import { IdSchema, timestamp } from '#interfaces/http/shared/schemas';

export const ProductSchema = z
  .object({
    id: IdSchema,
    sku: z.string().openapi({ example: 'COFFEE-1KG' }),
    name: z.string().openapi({ example: 'Coffee beans, 1 kg' }),
    description: z.string().nullable(),
    active: z.boolean(),
    createdAt: timestamp(),
  })
  .openapi('Product');

export const PlanSchema = z
  .object({
    id: IdSchema,
    name: z.string().openapi({ example: 'Monthly' }),
    amount: z.number().int().openapi({ description: 'Minor units', example: 1999 }),
    currency: z.string().openapi({ example: 'EUR' }),
    interval: z.enum(PLAN_INTERVALS),
    intervalCount: z.number().int(),
    trialDays: z.number().int(),
    active: z.boolean(),
    createdAt: timestamp(),
  })
  .openapi('Plan');

export function presentProduct(p: ProductSnapshot): z.infer<typeof ProductSchema> {
  return { id: p.id, sku: p.sku, name: p.name, description: p.description, active: p.active, createdAt: p.createdAt.toISOString() };
}

export function presentPlan(p: PlanSnapshot): z.infer<typeof PlanSchema> {
  return {
    id: p.id,
    name: p.name,
    amount: p.amount,
    currency: p.currency,
    interval: p.interval,
    intervalCount: p.intervalCount,
    trialDays: p.trialDays,
    active: p.active,
    createdAt: p.createdAt.toISOString(),
  };
}
