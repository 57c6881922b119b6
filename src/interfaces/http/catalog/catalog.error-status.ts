import type { PlanErrorCode } from '#domain/catalog/plan/plan.errors';
import type { ProductErrorCode } from '#domain/catalog/product/product.errors';

/** HTTP status of every catalog error code (exhaustive: a new code fails to compile until it is mapped). */
export const catalogErrorStatus = {
  INVALID_PRODUCT: 400,
  INVALID_PLAN: 400,
} as const satisfies Record<ProductErrorCode | PlanErrorCode, number>;
