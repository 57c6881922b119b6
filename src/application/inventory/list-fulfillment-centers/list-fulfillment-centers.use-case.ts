import { inject, injectable } from 'tsyringe';
import type { FulfillmentCenterSnapshot } from '#domain/inventory/fulfillment-center/fulfillment-center.aggregate';
import { InventoryQueries } from '#application/inventory/queries/inventory-queries.port';
import type { Page, PageRequest } from '#application/shared/pagination';

@injectable()
export class ListFulfillmentCentersUseCase {
  constructor(@inject(InventoryQueries) private readonly queries: InventoryQueries) {}

  execute(input: { readonly page: PageRequest }): Promise<Page<FulfillmentCenterSnapshot>> {
    return this.queries.listFulfillmentCenters(input.page);
  }
}
