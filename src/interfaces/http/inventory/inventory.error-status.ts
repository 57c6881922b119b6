import type { FulfillmentCenterErrorCode } from '#domain/inventory/fulfillment-center/fulfillment-center.errors';
import type { InventoryItemErrorCode } from '#domain/inventory/inventory-item/inventory-item.errors';

/** HTTP status of every inventory error code (exhaustive: a new code fails to compile until it is mapped). */
export const inventoryErrorStatus = {
  INVALID_FULFILLMENT_CENTER: 400,
  INSUFFICIENT_STOCK: 409,
  INVALID_INVENTORY_OPERATION: 400,
  RESERVATION_NOT_FOUND: 404,
} as const satisfies Record<FulfillmentCenterErrorCode | InventoryItemErrorCode, number>;
