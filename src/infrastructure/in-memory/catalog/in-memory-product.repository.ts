import { Product, type ProductSnapshot } from '#domain/catalog/product/product.aggregate';
import type { ProductRepository } from '#domain/catalog/product/product.repository';
import { Sku } from '#domain/catalog/product/sku.vo';
import type { EventMetadata } from '#domain/shared/domain-event';
import type { IdGenerator } from '#application/shared/ports/id-generator.port';
import type { OutboxDispatcher } from '#infrastructure/messaging/outbox-dispatcher';
import { InMemoryAggregateStore } from '#infrastructure/in-memory/shared/in-memory-aggregate-store';

export class InMemoryProductRepository implements ProductRepository {
  readonly store: InMemoryAggregateStore<ProductSnapshot>;

  constructor(ids: IdGenerator, dispatcher?: OutboxDispatcher) {
    this.store = new InMemoryAggregateStore('Product', ids, dispatcher, { sku: (s) => Sku.keyOf(s.sku) });
  }

  async save(product: Product, meta: EventMetadata): Promise<void> {
    await this.store.save(product, product.toSnapshot(), meta);
  }

  async findById(id: string): Promise<Product | null> {
    return this.store.find(id, Product.rehydrate);
  }
}
