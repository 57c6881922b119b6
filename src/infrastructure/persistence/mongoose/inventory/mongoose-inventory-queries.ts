import type { Connection, Model } from 'mongoose';
import { inject, injectable } from 'tsyringe';
import type { FulfillmentCenterSnapshot } from '#domain/inventory/fulfillment-center/fulfillment-center.aggregate';
import type { InventoryItemSnapshot } from '#domain/inventory/inventory-item/inventory-item.aggregate';
import type { InventoryQueries } from '#application/inventory/queries/inventory-queries.port';
import type { Page, PageRequest } from '#application/shared/pagination';
import { MongooseConnection } from '#infrastructure/di/tokens';
import { fulfillmentCenterMapper, type FulfillmentCenterDocument } from '#infrastructure/persistence/mongoose/inventory/fulfillment-center.mapper';
import { fulfillmentCenterModel } from '#infrastructure/persistence/mongoose/inventory/fulfillment-center.schema';
import { inventoryItemMapper } from '#infrastructure/persistence/mongoose/inventory/inventory-item.mapper';
import { inventoryItemModel } from '#infrastructure/persistence/mongoose/inventory/inventory-item.schema';
import { findKeysetPage } from '#infrastructure/persistence/mongoose/shared/keyset-page';

@injectable()
export class MongooseInventoryQueries implements InventoryQueries {
  private readonly centers: Model<any>;
  private readonly items: Model<any>;

  constructor(@inject(MongooseConnection) connection: Connection) {
    this.centers = fulfillmentCenterModel(connection);
    this.items = inventoryItemModel(connection);
  }

  listFulfillmentCenters(page: PageRequest): Promise<Page<FulfillmentCenterSnapshot>> {
    return findKeysetPage(this.centers, {}, page, (document: FulfillmentCenterDocument) => fulfillmentCenterMapper.toDomain(document).toSnapshot());
  }

  listItems(filter: { readonly productId?: string }, page: PageRequest): Promise<Page<InventoryItemSnapshot>> {
    return findKeysetPage(this.items, filter.productId !== undefined ? { productId: filter.productId } : {}, page, inventoryItemMapper.toSnapshot);
  }
}
