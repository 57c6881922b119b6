import type { Connection, Model } from 'mongoose';
import { inject, injectable } from 'tsyringe';
import type { Product } from '#domain/catalog/product/product.aggregate';
import type { ProductRepository } from '#domain/catalog/product/product.repository';
import type { EventMetadata } from '#domain/shared/domain-event';
import { MongooseConnection } from '#infrastructure/di/tokens';
import { productMapper, type ProductDocument } from '#infrastructure/persistence/mongoose/catalog/product.mapper';
import { productModel } from '#infrastructure/persistence/mongoose/catalog/product.schema';
import { MongooseAggregateWriter } from '#infrastructure/persistence/mongoose/shared/mongoose-aggregate-writer';

@injectable()
export class MongooseProductRepository implements ProductRepository {
  private readonly model: Model<any>;

  constructor(
    @inject(MongooseConnection) connection: Connection,
    @inject(MongooseAggregateWriter) private readonly writer: MongooseAggregateWriter,
  ) {
    this.model = productModel(connection);
  }

  async save(product: Product, meta: EventMetadata): Promise<void> {
    const snapshot = product.toSnapshot();
    await this.writer.save(this.model, product, snapshot.id, productMapper.toState(snapshot), meta);
  }

  async findById(id: string): Promise<Product | null> {
    const document = await this.model.collection.findOne<ProductDocument>({ _id: id as never }, { projection: { outbox: 0 } });
    return document ? productMapper.toDomain(document) : null;
  }
}
