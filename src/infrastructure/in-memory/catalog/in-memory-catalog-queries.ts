import type { PlanSnapshot } from '#domain/catalog/plan/plan.aggregate';
import type { ProductSnapshot } from '#domain/catalog/product/product.aggregate';
import type { CatalogListFilter, CatalogQueries } from '#application/catalog/queries/catalog-queries.port';
import type { Page, PageRequest } from '#application/shared/pagination';
import type { InMemoryPlanRepository } from '#infrastructure/in-memory/catalog/in-memory-plan.repository';
import type { InMemoryProductRepository } from '#infrastructure/in-memory/catalog/in-memory-product.repository';
import { keysetPageOf } from '#infrastructure/in-memory/shared/keyset-page';

export class InMemoryCatalogQueries implements CatalogQueries {
  constructor(
    private readonly products: InMemoryProductRepository,
    private readonly plans: InMemoryPlanRepository,
  ) {}

  async listProducts(filter: CatalogListFilter, page: PageRequest): Promise<Page<ProductSnapshot>> {
    return keysetPageOf(this.products.store.snapshots().filter(matches(filter)), page);
  }

  async listPlans(filter: CatalogListFilter, page: PageRequest): Promise<Page<PlanSnapshot>> {
    return keysetPageOf(this.plans.store.snapshots().filter(matches(filter)), page);
  }
}

const matches = (filter: CatalogListFilter) => (row: { active: boolean }) => filter.active === undefined || row.active === filter.active;
