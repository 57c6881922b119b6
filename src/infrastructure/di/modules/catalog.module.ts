import { PlanRepository } from '#domain/catalog/plan/plan.repository';
import { ProductRepository } from '#domain/catalog/product/product.repository';
import { CatalogLookup } from '#application/catalog/ports/catalog-lookup.port';
import { CatalogQueries } from '#application/catalog/queries/catalog-queries.port';
import type { ModuleContext } from '#infrastructure/di/modules/module-context';
import { MongooseCatalogLookup } from '#infrastructure/persistence/mongoose/catalog/mongoose-catalog-lookup';
import { MongooseCatalogQueries } from '#infrastructure/persistence/mongoose/catalog/mongoose-catalog-queries';
import { MongoosePlanRepository } from '#infrastructure/persistence/mongoose/catalog/mongoose-plan.repository';
import { MongooseProductRepository } from '#infrastructure/persistence/mongoose/catalog/mongoose-product.repository';
import { planModel } from '#infrastructure/persistence/mongoose/catalog/plan.schema';
import { productModel } from '#infrastructure/persistence/mongoose/catalog/product.schema';

/** Registers the catalog context's adapters and Mongoose models. */
export function registerCatalogModule({ container, connection }: ModuleContext): void {
  productModel(connection);
  planModel(connection);
  container.registerSingleton(ProductRepository, MongooseProductRepository);
  container.registerSingleton(PlanRepository, MongoosePlanRepository);
  container.registerSingleton(CatalogLookup, MongooseCatalogLookup);
  container.registerSingleton(CatalogQueries, MongooseCatalogQueries);
}
