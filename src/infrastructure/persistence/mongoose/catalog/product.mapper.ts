import { Product, type ProductSnapshot } from '#domain/catalog/product/product.aggregate';
import { Sku } from '#domain/catalog/product/sku.vo';

export interface ProductDocument extends Omit<ProductSnapshot, 'id'> {
  _id: string;
  skuKey: string;
  version: number;
}

export const productMapper = {
  toState({ id: _id, ...rest }: ProductSnapshot): Omit<ProductDocument, '_id' | 'version'> {
    return { ...rest, skuKey: Sku.keyOf(rest.sku) };
  },
  toSnapshot({ _id, version: _version, skuKey: _skuKey, ...rest }: ProductDocument): ProductSnapshot {
    return { id: _id, ...rest, description: rest.description ?? null };
  },
  toDomain(document: ProductDocument): Product {
    return Product.rehydrate(productMapper.toSnapshot(document), document.version);
  },
};
