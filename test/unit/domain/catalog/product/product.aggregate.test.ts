import { describe, expect, it } from 'bun:test';
import { Product } from '#domain/catalog/product/product.aggregate';
import { InvalidProductError } from '#domain/catalog/product/product.errors';
import { Sku } from '#domain/catalog/product/sku.vo';

const now = new Date('2026-03-01T12:00:00.000Z');
const later = new Date('2026-03-02T12:00:00.000Z');
const id = '0190a6f4-5b7e-7c4a-9f1e-2d3c4b5a6978';

function errorOf(fn: () => unknown): InvalidProductError {
  try {
    fn();
  } catch (error) {
    if (error instanceof InvalidProductError) return error;
    throw error;
  }
  throw new Error('expected an InvalidProductError');
}

describe('Sku', () => {
  it('is trimmed and keeps its case, but compares case-insensitively', () => {
    const sku = Sku.of('  Coffee-1KG ');
    expect(sku.value).toBe('Coffee-1KG');
    expect(sku.key).toBe(Sku.of('COFFEE-1kg').key);
    expect(sku.key).not.toBe(Sku.of('COFFEE-2KG').key);
  });

  it('refuses empty, blank, too long and control-character SKUs', () => {
    for (const bad of ['', '   ', 'x'.repeat(65), 'a\nb', 'a\u0000b']) expect(errorOf(() => Sku.of(bad)).path).toBe('sku');
    expect(Sku.of('x'.repeat(64)).value).toHaveLength(64);
  });
});

describe('Product', () => {
  it('is created active and records product.created with its fields', () => {
    const product = Product.create({ id, sku: ' abc-1 ', name: ' Beans ', description: 'Whole beans', now });
    expect(product.toSnapshot()).toEqual({ id, sku: 'abc-1', name: 'Beans', description: 'Whole beans', active: true, createdAt: now, updatedAt: now });
    const events = product.pullDomainEvents();
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({ type: 'catalog.product.created', version: 1, aggregateId: id, payload: { sku: 'abc-1', name: 'Beans', description: 'Whole beans' } });
  });

  it('has a null description when none is given', () => {
    expect(Product.create({ id, sku: 'a', name: 'A', now }).toSnapshot().description).toBeNull();
  });

  it('refuses a bad name or a too long description, naming the field', () => {
    expect(errorOf(() => Product.create({ id, sku: 'a', name: ' ', now })).path).toBe('name');
    expect(errorOf(() => Product.create({ id, sku: 'a', name: 'x'.repeat(201), now })).path).toBe('name');
    expect(errorOf(() => Product.create({ id, sku: 'a', name: 'A', description: 'x'.repeat(2001), now })).path).toBe('description');
  });

  it('archives once: a second archive changes nothing and records nothing', () => {
    const product = Product.rehydrate(Product.create({ id, sku: 'a', name: 'A', now }).toSnapshot(), 1);
    product.archive(later);
    expect(product.toSnapshot()).toMatchObject({ active: false, updatedAt: later });
    expect(product.pullDomainEvents().map((e) => e.type)).toEqual(['catalog.product.archived']);
    product.archive(new Date('2026-04-01T00:00:00.000Z'));
    expect(product.toSnapshot().updatedAt).toEqual(later);
    expect(product.pullDomainEvents()).toEqual([]);
  });

  it('rehydrates without recording anything', () => {
    const snapshot = Product.create({ id, sku: 'a', name: 'A', now }).toSnapshot();
    const loaded = Product.rehydrate(snapshot, 3);
    expect(loaded.toSnapshot()).toEqual(snapshot);
    expect(loaded.version).toBe(3);
    expect(loaded.pullDomainEvents()).toEqual([]);
  });
});
