import { inject, injectable } from 'tsyringe';
import type { PlanSnapshot } from '#domain/catalog/plan/plan.aggregate';
import { CatalogQueries, type CatalogListFilter } from '#application/catalog/queries/catalog-queries.port';
import type { Page, PageRequest } from '#application/shared/pagination';

@injectable()
export class ListPlansUseCase {
  constructor(@inject(CatalogQueries) private readonly queries: CatalogQueries) {}

  execute(input: { readonly filter: CatalogListFilter; readonly page: PageRequest }): Promise<Page<PlanSnapshot>> {
    return this.queries.listPlans(input.filter, input.page);
  }
}
