import { describe, expect, it } from 'bun:test';
import { ArchivePlanUseCase } from '#application/catalog/archive-plan/archive-plan.use-case';
import { ArchiveProductUseCase } from '#application/catalog/archive-product/archive-product.use-case';
import { CreatePlanUseCase } from '#application/catalog/create-plan/create-plan.use-case';
import { CreateProductUseCase } from '#application/catalog/create-product/create-product.use-case';
import { GetPlanUseCase } from '#application/catalog/get-plan/get-plan.use-case';
import { GetProductUseCase } from '#application/catalog/get-product/get-product.use-case';
import { ListPlansUseCase } from '#application/catalog/list-plans/list-plans.use-case';
import { ListProductsUseCase } from '#application/catalog/list-products/list-products.use-case';
import { ConflictError, NotFoundError } from '#application/shared/application-error';
import type { KeysetPosition } from '#application/shared/pagination';
import { ADMIN_CONTEXT, inventoryFixture, type InventoryFixture } from '../../../support/inventory-fixture';

function useCases(f: InventoryFixture) {
  return {
    createProduct: new CreateProductUseCase(f.products, f.ids, f.clock),
    archiveProduct: new ArchiveProductUseCase(f.products, f.clock),
    getProduct: new GetProductUseCase(f.products),
    listProducts: new ListProductsUseCase(f.catalogQueries),
    createPlan: new CreatePlanUseCase(f.plans, f.ids, f.clock),
    archivePlan: new ArchivePlanUseCase(f.plans, f.clock),
    getPlan: new GetPlanUseCase(f.plans),
    listPlans: new ListPlansUseCase(f.catalogQueries),
  };
}

const monthly = { ...ADMIN_CONTEXT, name: 'Monthly', amount: 1999, currency: 'usd', interval: 'month' as const };

describe('products', () => {
  it('creates a product and audits product.created with the actor and the product ref', async () => {
    const f = inventoryFixture();
    const product = await useCases(f).createProduct.execute({ ...ADMIN_CONTEXT, sku: ' Beans-1 ', name: 'Beans' });
    expect(product).toMatchObject({ sku: 'Beans-1', name: 'Beans', description: null, active: true });
    expect(f.audit.all()).toMatchObject([
      {
        type: 'product.created',
        actor: ADMIN_CONTEXT.actor,
        subject: { type: 'product', id: product.id },
        refs: { productId: product.id },
        data: { sku: 'Beans-1', name: 'Beans' },
        correlationId: 'req-test',
      },
    ]);
  });

  it('refuses a SKU taken in another case, and keeps the first product', async () => {
    const f = inventoryFixture();
    const { createProduct, listProducts } = useCases(f);
    await createProduct.execute({ ...ADMIN_CONTEXT, sku: 'beans-1', name: 'Beans' });
    await expect(createProduct.execute({ ...ADMIN_CONTEXT, sku: '  BEANS-1', name: 'Other' })).rejects.toBeInstanceOf(ConflictError);
    expect((await listProducts.execute({ filter: {}, page: { limit: 10 } })).items.map((p) => p.name)).toEqual(['Beans']);
  });

  it('archives a product once (a repeat is harmless and not audited twice); unknown ids are not found', async () => {
    const f = inventoryFixture();
    const { createProduct, archiveProduct, getProduct } = useCases(f);
    const product = await createProduct.execute({ ...ADMIN_CONTEXT, sku: 'a', name: 'A' });
    expect((await archiveProduct.execute({ ...ADMIN_CONTEXT, productId: product.id })).active).toBe(false);
    expect((await archiveProduct.execute({ ...ADMIN_CONTEXT, productId: product.id })).active).toBe(false);
    expect((await getProduct.execute({ productId: product.id })).active).toBe(false);
    expect(f.audit.all().map((e) => e.type)).toEqual(['product.created', 'product.archived']);
    expect((await f.catalog.findProduct(product.id))?.active).toBe(false);
    await expect(archiveProduct.execute({ ...ADMIN_CONTEXT, productId: f.ids.next() })).rejects.toBeInstanceOf(NotFoundError);
    await expect(getProduct.execute({ productId: f.ids.next() })).rejects.toBeInstanceOf(NotFoundError);
  });

  it('lists newest first, filters on active, and pages without gaps or repeats', async () => {
    const f = inventoryFixture();
    const { createProduct, archiveProduct, listProducts } = useCases(f);
    const created = [];
    for (let i = 0; i < 5; i++) {
      created.push(await createProduct.execute({ ...ADMIN_CONTEXT, sku: `p${i}`, name: `P${i}` }));
      if (i % 2 === 0) await f.clock.advance(1_000); // some share a createdAt: the id breaks the tie
    }
    await archiveProduct.execute({ ...ADMIN_CONTEXT, productId: created[1]!.id });
    const seen: string[] = [];
    let after: KeysetPosition | undefined;
    do {
      const page = await listProducts.execute({ filter: {}, page: { limit: 2, ...(after ? { after } : {}) } });
      seen.push(...page.items.map((p) => p.sku));
      after = page.next ?? undefined;
    } while (after);
    expect(seen).toEqual(['p4', 'p3', 'p2', 'p1', 'p0']);
    expect((await listProducts.execute({ filter: { active: false }, page: { limit: 10 } })).items.map((p) => p.sku)).toEqual(['p1']);
    expect((await listProducts.execute({ filter: { active: true }, page: { limit: 10 } })).items.map((p) => p.sku)).toEqual(['p4', 'p3', 'p2', 'p0']);
  });
});

describe('plans', () => {
  it('creates a plan with defaults, upper-cases the currency and audits plan.created', async () => {
    const f = inventoryFixture();
    const plan = await useCases(f).createPlan.execute(monthly);
    expect(plan).toMatchObject({ amount: 1999, currency: 'USD', interval: 'month', intervalCount: 1, trialDays: 0, active: true });
    expect(f.audit.all()).toMatchObject([{ type: 'plan.created', subject: { type: 'plan', id: plan.id }, data: { amount: 1999, currency: 'USD' } }]);
    expect(await f.catalog.findPlan(plan.id)).toEqual({
      id: plan.id,
      name: 'Monthly',
      amount: 1999,
      currency: 'USD',
      interval: 'month',
      intervalCount: 1,
      trialDays: 0,
      active: true,
    });
  });

  it('archives a plan, lists and reads plans, and reports unknown ids as not found', async () => {
    const f = inventoryFixture();
    const { createPlan, archivePlan, getPlan, listPlans } = useCases(f);
    const first = await createPlan.execute(monthly);
    await f.clock.advance(1_000);
    const second = await createPlan.execute({ ...monthly, name: 'Yearly', interval: 'year', trialDays: 14 });
    expect((await archivePlan.execute({ ...ADMIN_CONTEXT, planId: first.id })).active).toBe(false);
    expect(f.audit.all().map((e) => e.type)).toEqual(['plan.created', 'plan.created', 'plan.archived']);
    expect((await listPlans.execute({ filter: {}, page: { limit: 10 } })).items.map((p) => p.id)).toEqual([second.id, first.id]);
    expect((await listPlans.execute({ filter: { active: true }, page: { limit: 10 } })).items.map((p) => p.id)).toEqual([second.id]);
    expect((await getPlan.execute({ planId: second.id })).trialDays).toBe(14);
    await expect(getPlan.execute({ planId: f.ids.next() })).rejects.toBeInstanceOf(NotFoundError);
    await expect(archivePlan.execute({ ...ADMIN_CONTEXT, planId: f.ids.next() })).rejects.toBeInstanceOf(NotFoundError);
    expect(await f.catalog.findPlan(f.ids.next())).toBeNull();
    expect(await f.catalog.findProduct(f.ids.next())).toBeNull();
  });
});
