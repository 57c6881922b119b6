import type { PlanSnapshot } from '#domain/catalog/plan/plan.aggregate';
import type { ProductSnapshot } from '#domain/catalog/product/product.aggregate';
import type { Page, PageRequest } from '#application/shared/pagination';

export interface CatalogListFilter {
  /** Only active (true) or only archived (false) rows; all when absent. */
  readonly active?: boolean;
}

/** The catalog's list screens, newest first on (createdAt, id). */
export interface CatalogQueries {
  listProducts(filter: CatalogListFilter, page: PageRequest): Promise<Page<ProductSnapshot>>;
  listPlans(filter: CatalogListFilter, page: PageRequest): Promise<Page<PlanSnapshot>>;
}
export const CatalogQueries = Symbol('CatalogQueries');
