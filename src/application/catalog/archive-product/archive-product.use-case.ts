import { inject, injectable } from 'tsyringe';
import type { ProductSnapshot } from '#domain/catalog/product/product.aggregate';
import { ProductRepository } from '#domain/catalog/product/product.repository';
import type { ConcurrencyError } from '#domain/shared/domain-error';
import { NotFoundError } from '#application/shared/application-error';
import { Clock } from '#application/shared/ports/clock.port';
import type { UseCaseContext } from '#application/shared/use-case-context';

export type ArchiveProductErrors = NotFoundError | ConcurrencyError;

/** Admin: takes a product out of sale (no new subscriptions; existing ones continue). Archiving twice is harmless. */
@injectable()
export class ArchiveProductUseCase {
  constructor(
    @inject(ProductRepository) private readonly products: ProductRepository,
    @inject(Clock) private readonly clock: Clock,
  ) {}

  async execute(input: UseCaseContext & { readonly productId: string }): Promise<ProductSnapshot> {
    const product = await this.products.findById(input.productId);
    if (!product) throw new NotFoundError('product', input.productId);
    product.archive(await this.clock.now());
    await this.products.save(product, input);
    return product.toSnapshot();
  }
}
