import type { CatalogLookup, PlanView, ProductView } from '#application/catalog/ports/catalog-lookup.port';
import type { InMemoryPlanRepository } from '#infrastructure/in-memory/catalog/in-memory-plan.repository';
import type { InMemoryProductRepository } from '#infrastructure/in-memory/catalog/in-memory-product.repository';

/** CatalogLookup over the in-memory catalog repositories. */
export class InMemoryCatalogLookup implements CatalogLookup {
  constructor(
    private readonly products: InMemoryProductRepository,
    private readonly plans: InMemoryPlanRepository,
  ) {}

  async findPlan(id: string): Promise<PlanView | null> {
    const plan = this.plans.store.get(id)?.snapshot;
    if (!plan) return null;
    const { name, amount, currency, interval, intervalCount, trialDays, active } = plan;
    return { id, name, amount, currency, interval, intervalCount, trialDays, active };
  }

  async findProduct(id: string): Promise<ProductView | null> {
    const product = this.products.store.get(id)?.snapshot;
    return product ? { id, sku: product.sku, name: product.name, active: product.active } : null;
  }
}
