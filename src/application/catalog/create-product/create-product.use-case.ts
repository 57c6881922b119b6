import { inject, injectable } from 'tsyringe';
import { Product, type ProductSnapshot } from '#domain/catalog/product/product.aggregate';
import type { InvalidProductError } from '#domain/catalog/product/product.errors';
import { ProductRepository } from '#domain/catalog/product/product.repository';
import { UniqueConstraintError } from '#domain/shared/domain-error';
import { ConflictError } from '#application/shared/application-error';
import { Clock } from '#application/shared/ports/clock.port';
import { IdGenerator } from '#application/shared/ports/id-generator.port';
import type { UseCaseContext } from '#application/shared/use-case-context';

export interface CreateProductInput extends UseCaseContext {
  readonly sku: string;
  readonly name: string;
  readonly description?: string | null;
}

export type CreateProductErrors = InvalidProductError | ConflictError;

/** Admin: adds a product. The SKU is unique case-insensitively (a taken one is a conflict). */
@injectable()
export class CreateProductUseCase {
  constructor(
    @inject(ProductRepository) private readonly products: ProductRepository,
    @inject(IdGenerator) private readonly ids: IdGenerator,
    @inject(Clock) private readonly clock: Clock,
  ) {}

  async execute(input: CreateProductInput): Promise<ProductSnapshot> {
    const product = Product.create({ id: this.ids.next(), sku: input.sku, name: input.name, description: input.description ?? null, now: await this.clock.now() });
    try {
      await this.products.save(product, input);
    } catch (error) {
      if (error instanceof UniqueConstraintError) throw new ConflictError(`sku ${product.toSnapshot().sku} is already taken`, { field: 'sku' });
      throw error;
    }
    return product.toSnapshot();
  }
}
