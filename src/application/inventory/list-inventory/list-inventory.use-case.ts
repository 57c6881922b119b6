import { inject, injectable } from 'tsyringe';
import type { InventoryItemSnapshot } from '#domain/inventory/inventory-item/inventory-item.aggregate';
import { CatalogLookup } from '#application/catalog/ports/catalog-lookup.port';
import { InventoryQueries } from '#application/inventory/queries/inventory-queries.port';
import { NotFoundError } from '#application/shared/application-error';
import type { Page, PageRequest } from '#application/shared/pagination';

export type ListInventoryErrors = NotFoundError;

/** Admin: stock per (product, center); a product filter naming an unknown product is a 404 (DESIGN.md D1). */
@injectable()
export class ListInventoryUseCase {
  constructor(
    @inject(InventoryQueries) private readonly queries: InventoryQueries,
    @inject(CatalogLookup) private readonly catalog: CatalogLookup,
  ) {}

  async execute(input: { readonly productId?: string; readonly page: PageRequest }): Promise<Page<InventoryItemSnapshot>> {
    if (input.productId !== undefined && !(await this.catalog.findProduct(input.productId))) throw new NotFoundError('product', input.productId);
    return this.queries.listItems(input.productId !== undefined ? { productId: input.productId } : {}, input.page);
  }
}
