import type { Connection } from 'mongoose';
import { inject, injectable } from 'tsyringe';
import type { Product, ProductSnapshot } from '#domain/catalog/product/product.aggregate';
import type { ProductRepository } from '#domain/catalog/product/product.repository';
import type { EventMetadata } from '#domain/shared/domain-event';
import { MongooseConnection } from '#infrastructure/di/tokens';
import { productMapper, type ProductDocument } from '#infrastructure/persistence/mongoose/catalog/product.mapper';
import { productModel } from '#infrastructure/persistence/mongoose/catalog/product.schema';
import { AggregateDocuments } from '#infrastructure/persistence/mongoose/shared/aggregate-documents';
import { MongooseAggregateWriter } from '#infrastructure/persistence/mongoose/shared/mongoose-aggregate-writer';

@injectable()
export class MongooseProductRepository implements ProductRepository {
  private readonly products: AggregateDocuments<ProductDocument, Product, ProductSnapshot>;

  constructor(@inject(MongooseConnection) connection: Connection, @inject(MongooseAggregateWriter) writer: MongooseAggregateWriter) {
    this.products = new AggregateDocuments(productModel(connection), writer, productMapper);
  }

  async save(product: Product, meta: EventMetadata): Promise<void> {
    await this.products.save(product, meta);
  }

  async findById(id: string): Promise<Product | null> {
    return this.products.findOne({ _id: id });
  }
}
