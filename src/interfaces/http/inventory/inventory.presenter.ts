import { z } from '@hono/zod-openapi';
import type { FulfillmentCenterSnapshot } from '#domain/inventory/fulfillment-center/fulfillment-center.aggregate';
import type { InventoryItemSnapshot } from '#domain/inventory/inventory-item/inventory-item.aggregate';
import { IdSchema, timestamp } from '#interfaces/http/shared/schemas';

export const FulfillmentCenterSchema = z
  .object({
    id: IdSchema,
    code: z.string().openapi({ example: 'BERLIN-1' }),
    name: z.string().openapi({ example: 'Berlin' }),
    priority: z.number().int().openapi({ description: '0..1000, lower ships first', example: 100 }),
    active: z.boolean(),
    createdAt: timestamp(),
  })
  .openapi('FulfillmentCenter');

export const InventoryLevelSchema = z
  .object({
    productId: IdSchema,
    fulfillmentCenterId: IdSchema,
    onHand: z.number().int(),
    reserved: z.number().int(),
    available: z.number().int().openapi({ description: 'onHand − reserved, never below zero' }),
  })
  .openapi('InventoryLevel');

export function presentFulfillmentCenter(c: FulfillmentCenterSnapshot): z.infer<typeof FulfillmentCenterSchema> {
  return { id: c.id, code: c.code, name: c.name, priority: c.priority, active: c.active, createdAt: c.createdAt.toISOString() };
}

/** Stock of a product at a center; reservations themselves are internal. */
export function presentInventoryLevel(i: InventoryItemSnapshot): z.infer<typeof InventoryLevelSchema> {
  return { productId: i.productId, fulfillmentCenterId: i.fulfillmentCenterId, onHand: i.onHand, reserved: i.reserved, available: i.available };
}
