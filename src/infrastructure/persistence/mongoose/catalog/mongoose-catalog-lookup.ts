import type { Connection, Model } from 'mongoose';
import { inject, injectable } from 'tsyringe';
import type { CatalogLookup, PlanView, ProductView } from '#application/catalog/ports/catalog-lookup.port';
import { MongooseConnection } from '#infrastructure/di/tokens';
import { planModel } from '#infrastructure/persistence/mongoose/catalog/plan.schema';
import { productModel } from '#infrastructure/persistence/mongoose/catalog/product.schema';

const PLAN_VIEW = { name: 1, amount: 1, currency: 1, interval: 1, intervalCount: 1, trialDays: 1, active: 1 } as const;
const PRODUCT_VIEW = { sku: 1, name: 1, active: 1 } as const;

/** What other contexts read from the catalog: just the view fields, straight from the collections. */
@injectable()
export class MongooseCatalogLookup implements CatalogLookup {
  private readonly products: Model<any>;
  private readonly plans: Model<any>;

  constructor(@inject(MongooseConnection) connection: Connection) {
    this.products = productModel(connection);
    this.plans = planModel(connection);
  }

  async findPlan(id: string): Promise<PlanView | null> {
    const document = await this.plans.collection.findOne<Omit<PlanView, 'id'> & { _id: string }>({ _id: id as never }, { projection: PLAN_VIEW });
    return document ? viewOf(document) : null;
  }

  async findProduct(id: string): Promise<ProductView | null> {
    const document = await this.products.collection.findOne<Omit<ProductView, 'id'> & { _id: string }>({ _id: id as never }, { projection: PRODUCT_VIEW });
    return document ? viewOf(document) : null;
  }
}

function viewOf<T extends { _id: string }>({ _id, ...rest }: T): Omit<T, '_id'> & { id: string } {
  return { id: _id, ...rest };
}
