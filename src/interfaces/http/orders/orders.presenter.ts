import { z } from '@hono/zod-openapi';
import type { OrderSnapshot } from '#domain/orders/order/order.aggregate';
import { IdSchema, timestamp } from '#interfaces/http/shared/schemas';

export const OrderSchema = z
  .object({
    id: IdSchema,
    userId: IdSchema,
    subscriptionId: IdSchema,
    productId: IdSchema,
    fulfillmentCenterId: IdSchema,
    quantity: z.number().int(),
    amount: z.number().int().openapi({ example: 1999 }),
    currency: z.string().openapi({ example: 'EUR' }),
    periodStart: timestamp(),
    periodEnd: timestamp(),
    status: z.literal('paid'),
    createdAt: timestamp(),
  })
  .openapi('Order');

export function presentOrder(o: OrderSnapshot): z.infer<typeof OrderSchema> {
  return {
    id: o.id,
    userId: o.userId,
    subscriptionId: o.subscriptionId,
    productId: o.productId,
    fulfillmentCenterId: o.fulfillmentCenterId,
    quantity: o.quantity,
    amount: o.amount,
    currency: o.currency,
    periodStart: o.periodStart.toISOString(),
    periodEnd: o.periodEnd.toISOString(),
    status: o.status,
    createdAt: o.createdAt.toISOString(),
  };
}
