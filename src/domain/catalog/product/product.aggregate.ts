import { AggregateRoot } from '#domain/shared/aggregate-root';
import { Sku } from '#domain/catalog/product/sku.vo';
import { InvalidProductError } from '#domain/catalog/product/product.errors';
import {
  PRODUCT_ARCHIVED,
  PRODUCT_CREATED,
  type ProductArchivedEvent,
  type ProductCreatedEvent,
} from '#domain/catalog/product/product.events';

export interface ProductSnapshot {
  readonly id: string;
  readonly sku: string;
  readonly name: string;
  readonly description: string | null;
  /** Archived products take no new subscriptions; existing ones continue. */
  readonly active: boolean;
  readonly createdAt: Date;
  readonly updatedAt: Date;
}

/** Something subscribers receive each period. Only archiving changes it. */
export class Product extends AggregateRoot {
  private constructor(
    private readonly id: string,
    private readonly sku: Sku,
    private readonly name: string,
    private readonly description: string | null,
    private active: boolean,
    private readonly createdAt: Date,
    private updatedAt: Date,
    version: number,
  ) {
    super(version);
  }

  static create(input: { id: string; sku: string; name: string; description?: string | null; now: Date }): Product {
    const product = new Product(
      input.id,
      Sku.of(input.sku),
      validName(input.name),
      validDescription(input.description ?? null),
      true,
      input.now,
      input.now,
      0,
    );
    product.record({
      type: PRODUCT_CREATED,
      version: 1,
      aggregateType: 'Product',
      aggregateId: input.id,
      occurredAt: input.now,
      payload: { sku: product.sku.value, name: product.name, description: product.description },
    } satisfies ProductCreatedEvent);
    return product;
  }

  static rehydrate(snapshot: ProductSnapshot, version: number): Product {
    const s = snapshot;
    return new Product(s.id, Sku.of(s.sku), s.name, s.description, s.active, s.createdAt, s.updatedAt, version);
  }

  get isActive(): boolean {
    return this.active;
  }

  /** Takes the product out of sale. Archiving an archived product changes nothing and records nothing. */
  archive(now: Date): void {
    if (!this.active) return;
    this.active = false;
    this.updatedAt = now;
    this.record({
      type: PRODUCT_ARCHIVED,
      version: 1,
      aggregateType: 'Product',
      aggregateId: this.id,
      occurredAt: now,
      payload: { sku: this.sku.value },
    } satisfies ProductArchivedEvent);
  }

  toSnapshot(): ProductSnapshot {
    return {
      id: this.id,
      sku: this.sku.value,
      name: this.name,
      description: this.description,
      active: this.active,
      createdAt: this.createdAt,
      updatedAt: this.updatedAt,
    };
  }
}

function validName(name: string): string {
  const trimmed = name.trim();
  if (trimmed.length < 1 || trimmed.length > 200) throw new InvalidProductError('name must be 1..200 characters', 'name');
  return trimmed;
}

function validDescription(description: string | null): string | null {
  if (description === null) return null;
  if (description.length > 2000) throw new InvalidProductError('description must be at most 2000 characters', 'description');
  return description;
}
