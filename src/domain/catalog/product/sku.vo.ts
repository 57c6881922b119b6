import { InvalidProductError } from '#domain/catalog/product/product.errors';

const MAX_LENGTH = 64;
// Printable characters only: no control characters or line breaks inside a SKU.
const PRINTABLE = /^[^\p{Cc}]+$/u;

/**
 * A stock-keeping unit: trimmed, 1..64 printable characters, kept as written but compared case-insensitively
 * (`key`), so `ABC-1` and `abc-1` are the same SKU (API.md Catalog).
 */
export class Sku {
  private constructor(readonly value: string) {}

  static of(raw: string): Sku {
    const value = raw.trim();
    if (value.length < 1 || value.length > MAX_LENGTH) throw new InvalidProductError(`sku must be 1..${MAX_LENGTH} characters`, 'sku');
    if (!PRINTABLE.test(value)) throw new InvalidProductError('sku must not contain control characters', 'sku');
    return new Sku(value);
  }

  /** The uniqueness key: two SKUs with the same key are the same SKU. */
  get key(): string {
    return Sku.keyOf(this.value);
  }

  static keyOf(value: string): string {
    return value.trim().toLowerCase();
  }
}
