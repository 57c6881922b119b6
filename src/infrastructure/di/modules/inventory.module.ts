import { FulfillmentCenterRepository } from '#domain/inventory/fulfillment-center/fulfillment-center.repository';
import type { ModuleContext } from '#infrastructure/di/modules/module-context';
import { fulfillmentCenterModel } from '#infrastructure/persistence/mongoose/inventory/fulfillment-center.schema';
import { MongooseFulfillmentCenterRepository } from '#infrastructure/persistence/mongoose/inventory/mongoose-fulfillment-center.repository';

export function registerInventoryModule({ container, connection }: ModuleContext): void {
  fulfillmentCenterModel(connection);
  container.registerSingleton(FulfillmentCenterRepository, MongooseFulfillmentCenterRepository);
}
