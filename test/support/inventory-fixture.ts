import { PriorityAllocationStrategy } from '#domain/inventory/allocation/priority-allocation-strategy';
import type { UseCaseContext } from '#application/shared/use-case-context';
import { CreateProductUseCase } from '#application/catalog/create-product/create-product.use-case';
import { AdjustInventoryUseCase } from '#application/inventory/adjust-inventory/adjust-inventory.use-case';
import { CreateFulfillmentCenterUseCase } from '#application/inventory/create-fulfillment-center/create-fulfillment-center.use-case';
import { EnsureDefaultFulfillmentCenterUseCase } from '#application/inventory/ensure-default-fulfillment-center/ensure-default-fulfillment-center.use-case';
import { StockReservationsService } from '#application/inventory/stock-reservations.service';
import { InMemoryAuditLog } from '#infrastructure/in-memory/audit/in-memory-audit-log';
import { InMemoryCatalogLookup } from '#infrastructure/in-memory/catalog/in-memory-catalog-lookup';
import { InMemoryCatalogQueries } from '#infrastructure/in-memory/catalog/in-memory-catalog-queries';
import { InMemoryPlanRepository } from '#infrastructure/in-memory/catalog/in-memory-plan.repository';
import { InMemoryProductRepository } from '#infrastructure/in-memory/catalog/in-memory-product.repository';
import { InMemoryFulfillmentCenterRepository } from '#infrastructure/in-memory/inventory/in-memory-fulfillment-center.repository';
import { InMemoryInventoryItemRepository } from '#infrastructure/in-memory/inventory/in-memory-inventory-item.repository';
import { InMemoryInventoryQueries } from '#infrastructure/in-memory/inventory/in-memory-inventory-queries';
import { FixedClock } from '#infrastructure/in-memory/shared/fixed-clock';
import { InMemoryJobQueue } from '#infrastructure/in-memory/shared/in-memory-job-queue';
import { MemoryLogger } from '#infrastructure/in-memory/shared/silent-logger';
import { UuidV7IdGenerator } from '#infrastructure/ids/uuid-v7.id-generator';
import { OutboxDispatcher } from '#infrastructure/messaging/outbox-dispatcher';
import { EVENT_ROUTES } from '#infrastructure/messaging/routing-table';

export const ADMIN_CONTEXT: UseCaseContext = { actor: { type: 'user', id: '0190a6f4-5b7e-7c4a-9f1e-000000000001' }, correlationId: 'req-test' };

/**
 * The catalog and inventory on in-memory adapters, wired the way the container wires the real ones (the outbox
 * fast path writes audit entries), plus shortcuts to create products, centers and stock.
 */
export function inventoryFixture() {
  const ids = new UuidV7IdGenerator();
  const clock = new FixedClock('2026-03-01T12:00:00.000Z');
  const audit = new InMemoryAuditLog();
  const dispatcher = new OutboxDispatcher(EVENT_ROUTES, new InMemoryJobQueue(), audit, new MemoryLogger());
  const products = new InMemoryProductRepository(ids, dispatcher);
  const plans = new InMemoryPlanRepository(ids, dispatcher);
  const catalog = new InMemoryCatalogLookup(products, plans);
  const catalogQueries = new InMemoryCatalogQueries(products, plans);
  const centers = new InMemoryFulfillmentCenterRepository(ids, dispatcher);
  const items = new InMemoryInventoryItemRepository(ids, dispatcher);
  const inventoryQueries = new InMemoryInventoryQueries(centers, items);
  const reservations = new StockReservationsService(items, centers, new PriorityAllocationStrategy());
  const adjust = new AdjustInventoryUseCase(items, centers, catalog, ids, clock);

  return {
    ids,
    clock,
    audit,
    products,
    plans,
    catalog,
    catalogQueries,
    centers,
    items,
    inventoryQueries,
    reservations,
    adjust,
    async product(sku = `SKU-${ids.next().slice(-8)}`) {
      return new CreateProductUseCase(products, ids, clock).execute({ ...ADMIN_CONTEXT, sku, name: `Product ${sku}` });
    },
    async defaultCenterId() {
      return (await new EnsureDefaultFulfillmentCenterUseCase(centers, ids, clock).execute(ADMIN_CONTEXT)).id;
    },
    async center(code: string, priority = 100) {
      return (await new CreateFulfillmentCenterUseCase(centers, ids, clock).execute({ ...ADMIN_CONTEXT, code, name: code, priority })).id;
    },
    async stock(productId: string, fulfillmentCenterId: string, delta: number) {
      return adjust.execute({ ...ADMIN_CONTEXT, productId, fulfillmentCenterId, delta, reason: 'test stock' });
    },
    /** The stored item of a product at a center (counters and reservations). */
    level(productId: string, fulfillmentCenterId: string) {
      return items.snapshots().find((s) => s.productId === productId && s.fulfillmentCenterId === fulfillmentCenterId);
    },
  };
}

export type InventoryFixture = ReturnType<typeof inventoryFixture>;
