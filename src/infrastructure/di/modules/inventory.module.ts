import { AllocationStrategy } from '#domain/inventory/allocation/allocation-strategy.port';
import { PriorityAllocationStrategy } from '#domain/inventory/allocation/priority-allocation-strategy';
import { FulfillmentCenterRepository } from '#domain/inventory/fulfillment-center/fulfillment-center.repository';
import { InventoryItemRepository } from '#domain/inventory/inventory-item/inventory-item.repository';
import { AllowAllReservationReleaseGuard } from '#application/inventory/allow-all-release-guard';
import { ReservationReleaseGuard } from '#application/inventory/ports/reservation-release-guard.port';
import { StockReservations } from '#application/inventory/ports/stock-reservations.port';
import { InventoryQueries } from '#application/inventory/queries/inventory-queries.port';
import { StockReservationsService } from '#application/inventory/stock-reservations.service';
import type { ModuleContext } from '#infrastructure/di/modules/module-context';
import { fulfillmentCenterModel } from '#infrastructure/persistence/mongoose/inventory/fulfillment-center.schema';
import { inventoryItemModel } from '#infrastructure/persistence/mongoose/inventory/inventory-item.schema';
import { MongooseFulfillmentCenterRepository } from '#infrastructure/persistence/mongoose/inventory/mongoose-fulfillment-center.repository';
import { MongooseInventoryItemRepository } from '#infrastructure/persistence/mongoose/inventory/mongoose-inventory-item.repository';
import { MongooseInventoryQueries } from '#infrastructure/persistence/mongoose/inventory/mongoose-inventory-queries';

export function registerInventoryModule({ container, connection }: ModuleContext): void {
  fulfillmentCenterModel(connection);
  inventoryItemModel(connection);
  container.registerSingleton(FulfillmentCenterRepository, MongooseFulfillmentCenterRepository);
  container.registerSingleton(InventoryItemRepository, MongooseInventoryItemRepository);
  container.registerSingleton(InventoryQueries, MongooseInventoryQueries);
  container.register(AllocationStrategy, { useValue: new PriorityAllocationStrategy() });
  container.registerSingleton(StockReservations, StockReservationsService);
  // Default: every expired reservation may be released. The billing module is registered after this one and
  // registers its own guard (DESIGN.md D4); tsyringe resolves the last registration, so theirs wins.
  container.register(ReservationReleaseGuard, { useValue: new AllowAllReservationReleaseGuard() });
}
