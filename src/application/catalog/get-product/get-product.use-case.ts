import { inject, injectable } from 'tsyringe';
import type { ProductSnapshot } from '#domain/catalog/product/product.aggregate';
import { ProductRepository } from '#domain/catalog/product/product.repository';
import { NotFoundError } from '#application/shared/application-error';

export type GetProductErrors = NotFoundError;

@injectable()
export class GetProductUseCase {
  constructor(@inject(ProductRepository) private readonly products: ProductRepository) {}

  async execute(input: { readonly productId: string }): Promise<ProductSnapshot> {
    const product = await this.products.findById(input.productId);
    if (!product) throw new NotFoundError('product', input.productId);
    return product.toSnapshot();
  }
}
