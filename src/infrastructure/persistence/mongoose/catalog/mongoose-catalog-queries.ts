import type { Connection, Model } from 'mongoose';
import { inject, injectable } from 'tsyringe';
import type { PlanSnapshot } from '#domain/catalog/plan/plan.aggregate';
import type { ProductSnapshot } from '#domain/catalog/product/product.aggregate';
import type { CatalogListFilter, CatalogQueries } from '#application/catalog/queries/catalog-queries.port';
import type { Page, PageRequest } from '#application/shared/pagination';
import { MongooseConnection } from '#infrastructure/di/tokens';
import { planMapper } from '#infrastructure/persistence/mongoose/catalog/plan.mapper';
import { planModel } from '#infrastructure/persistence/mongoose/catalog/plan.schema';
import { productMapper } from '#infrastructure/persistence/mongoose/catalog/product.mapper';
import { productModel } from '#infrastructure/persistence/mongoose/catalog/product.schema';
import { findKeysetPage } from '#infrastructure/persistence/mongoose/shared/keyset-page';

@injectable()
export class MongooseCatalogQueries implements CatalogQueries {
  private readonly products: Model<any>;
  private readonly plans: Model<any>;

  constructor(@inject(MongooseConnection) connection: Connection) {
    this.products = productModel(connection);
    this.plans = planModel(connection);
  }

  listProducts(filter: CatalogListFilter, page: PageRequest): Promise<Page<ProductSnapshot>> {
    return findKeysetPage(this.products, activeFilter(filter), page, productMapper.toSnapshot);
  }

  listPlans(filter: CatalogListFilter, page: PageRequest): Promise<Page<PlanSnapshot>> {
    return findKeysetPage(this.plans, activeFilter(filter), page, planMapper.toSnapshot);
  }
}

function activeFilter(filter: CatalogListFilter): Record<string, unknown> {
  return filter.active === undefined ? {} : { active: filter.active };
}
