import type { EventMetadata } from '#domain/shared/domain-event';
import type { Product } from '#domain/catalog/product/product.aggregate';

export interface ProductRepository {
  /** Versioned save with the recorded events; a SKU taken (case-insensitively) raises UniqueConstraintError. */
  save(product: Product, meta: EventMetadata): Promise<void>;
  findById(id: string): Promise<Product | null>;
}
export const ProductRepository = Symbol('ProductRepository');
