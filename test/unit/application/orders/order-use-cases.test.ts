import { describe, expect, it } from 'bun:test';
import { GetOrderUseCase } from '#application/orders/get-order/get-order.use-case';
import { ListOrdersUseCase } from '#application/orders/list-orders/list-orders.use-case';
import { NotFoundError } from '#application/shared/application-error';
import { billingHarness } from '../../../support/billing-harness';

describe('order use cases', () => {
  it('owners and ADMINs read orders; USER lists are restricted to their own whatever the filters say', async () => {
    const h = billingHarness();
    const productId = await h.product();
    const planId = await h.plan();
    await h.stock(productId, await h.defaultCenter(), 10);
    const alice = h.ids.next();
    const bob = h.ids.next();
    const a = await h.subscribe({ planId, productId, userId: alice });
    const b = await h.subscribe({ planId, productId, userId: bob });
    await h.drain();
    const [aliceOrder] = h.ordersOf(a.id);
    const [bobOrder] = h.ordersOf(b.id);

    const get = h.container.resolve(GetOrderUseCase);
    expect((await get.execute({ caller: { userId: alice, role: 'USER' }, orderId: aliceOrder!.id })).id).toBe(aliceOrder!.id);
    await expect(get.execute({ caller: { userId: alice, role: 'USER' }, orderId: bobOrder!.id })).rejects.toBeInstanceOf(NotFoundError);
    expect((await get.execute({ caller: { userId: 'x', role: 'ADMIN' }, orderId: bobOrder!.id })).id).toBe(bobOrder!.id);

    const list = h.container.resolve(ListOrdersUseCase);
    const ids = async (caller: { userId: string; role: 'USER' | 'ADMIN' }, filter: object) => (await list.execute({ caller, filter, page: { limit: 10 } })).items.map((o) => o.id);
    expect(await ids({ userId: alice, role: 'USER' }, {})).toEqual([aliceOrder!.id]);
    expect(await ids({ userId: alice, role: 'USER' }, { subscriptionId: b.id })).toEqual([]);
    expect(await ids({ userId: alice, role: 'USER' }, { userId: bob })).toEqual([]);
    expect(await ids({ userId: 'x', role: 'ADMIN' }, { subscriptionId: b.id })).toEqual([bobOrder!.id]);
    expect(await ids({ userId: 'x', role: 'ADMIN' }, {})).toHaveLength(2);
  });
});
