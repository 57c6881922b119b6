import { inject, injectable } from 'tsyringe';
import type { ProductSnapshot } from '#domain/catalog/product/product.aggregate';
import { CatalogQueries, type CatalogListFilter } from '#application/catalog/queries/catalog-queries.port';
import type { Page, PageRequest } from '#application/shared/pagination';

@injectable()
export class ListProductsUseCase {
  constructor(@inject(CatalogQueries) private readonly queries: CatalogQueries) {}

  execute(input: { readonly filter: CatalogListFilter; readonly page: PageRequest }): Promise<Page<ProductSnapshot>> {
    return this.queries.listProducts(input.filter, input.page);
  }
}
