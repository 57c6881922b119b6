import type { FulfillmentCenterErrorCode } from '#domain/inventory/fulfillment-center/fulfillment-center.errors';

/** HTTP status of every inventory error code (exhaustive: a new code fails to compile until it is mapped). */
export const inventoryErrorStatus = {
  INVALID_FULFILLMENT_CENTER: 400,
} as const satisfies Record<FulfillmentCenterErrorCode, number>;
