import { describe, expect, it } from 'bun:test';
import { SubscriptionTransitionNotAllowedError } from '#domain/subscriptions/subscription/subscription.errors';
import { ArchivePlanUseCase } from '#application/catalog/archive-plan/archive-plan.use-case';
import { ConflictError, NotFoundError, ValidationError } from '#application/shared/application-error';
import { CancelSubscriptionUseCase } from '#application/subscriptions/cancel-subscription/cancel-subscription.use-case';
import { ChangePaymentMethodUseCase } from '#application/subscriptions/change-payment-method/change-payment-method.use-case';
import { GetSubscriptionScheduleUseCase } from '#application/subscriptions/get-subscription-schedule/get-subscription-schedule.use-case';
import { GetSubscriptionUseCase } from '#application/subscriptions/get-subscription/get-subscription.use-case';
import { ListSubscriptionsUseCase } from '#application/subscriptions/list-subscriptions/list-subscriptions.use-case';
import { ADMIN, billingHarness, DAY } from '../../../support/billing-harness';

async function setup() {
  const h = billingHarness();
  const productId = await h.product();
  const planId = await h.plan();
  await h.stock(productId, await h.defaultCenter(), 50);
  await h.drain();
  return { h, productId, planId };
}

const ctx = (userId: string) => ({ caller: { userId, role: 'USER' as const }, actor: { type: 'user' as const, id: userId }, correlationId: 'req' });
const admin = { caller: { userId: 'admin', role: 'ADMIN' as const }, actor: { type: 'user' as const, id: 'admin' }, correlationId: 'req' };

describe('subscription use cases', () => {
  it('creating needs an existing, active plan and product and a known payment method', async () => {
    const { h, productId, planId } = await setup();
    await expect(h.subscribe({ planId: h.ids.next(), productId })).rejects.toBeInstanceOf(NotFoundError);
    await expect(h.subscribe({ planId, productId: h.ids.next() })).rejects.toBeInstanceOf(NotFoundError);
    await expect(h.subscribe({ planId, productId, paymentMethod: 'pm_card_visa' })).rejects.toBeInstanceOf(ValidationError);
    await h.container.resolve(ArchivePlanUseCase).execute({ ...ADMIN, planId });
    await expect(h.subscribe({ planId, productId })).rejects.toBeInstanceOf(ConflictError);
  });

  it('another user’s subscription is not found (never forbidden); an ADMIN sees it', async () => {
    const { h, productId, planId } = await setup();
    const sub = await h.subscribe({ planId, productId });
    const get = h.container.resolve(GetSubscriptionUseCase);
    await expect(get.execute({ ...ctx(h.ids.next()), subscriptionId: sub.id })).rejects.toBeInstanceOf(NotFoundError);
    expect((await get.execute({ ...admin, subscriptionId: sub.id })).id).toBe(sub.id);
    expect((await get.execute({ ...ctx(sub.userId), subscriptionId: sub.id })).id).toBe(sub.id);
  });

  it('a USER lists only their own (a userId naming someone else gives nothing); an ADMIN lists all or one user’s', async () => {
    const { h, productId, planId } = await setup();
    const alice = h.ids.next();
    const bob = h.ids.next();
    const a1 = await h.subscribe({ planId, productId, userId: alice });
    const a2 = await h.subscribe({ planId, productId, userId: alice });
    const b1 = await h.subscribe({ planId, productId, userId: bob });
    const list = h.container.resolve(ListSubscriptionsUseCase);
    const ids = async (input: Parameters<typeof list.execute>[0]) => (await list.execute(input)).items.map((s) => s.id);
    expect(await ids({ caller: ctx(alice).caller, page: { limit: 10 } })).toEqual([a2.id, a1.id]);
    expect(await ids({ caller: ctx(alice).caller, userId: bob, page: { limit: 10 } })).toEqual([]);
    expect(await ids({ caller: admin.caller, userId: bob, page: { limit: 10 } })).toEqual([b1.id]);
    expect(await ids({ caller: admin.caller, page: { limit: 10 } })).toHaveLength(3);
  });

  it('canceling a canceled subscription, or changing its payment method, is a conflict', async () => {
    const { h, productId, planId } = await setup();
    const sub = await h.subscribe({ planId, productId });
    const cancel = h.container.resolve(CancelSubscriptionUseCase);
    expect((await cancel.execute({ ...ctx(sub.userId), subscriptionId: sub.id, atPeriodEnd: true })).status).toBe('canceled'); // incomplete: at once
    await expect(cancel.execute({ ...ctx(sub.userId), subscriptionId: sub.id, atPeriodEnd: false })).rejects.toBeInstanceOf(SubscriptionTransitionNotAllowedError);
    await expect(
      h.container.resolve(ChangePaymentMethodUseCase).execute({ ...ctx(sub.userId), subscriptionId: sub.id, paymentMethod: 'pm_card_ok' }),
    ).rejects.toBeInstanceOf(SubscriptionTransitionNotAllowedError);
    await h.drain();
    expect(h.ledgerOf(sub.id)).toEqual([]); // canceled before its billing job ran: nothing charged
  });

  it('the schedule starts with the period nextBillingAt bills (a dunning retry keeps its period) and is empty once canceling', async () => {
    const { h, productId, planId } = await setup();
    const sub = await h.subscribe({ planId, productId, paymentMethod: 'pm_card_declined' });
    await h.drain();
    const schedule = h.container.resolve(GetSubscriptionScheduleUseCase);
    const rows = await schedule.execute({ caller: ctx(sub.userId).caller, subscriptionId: sub.id, count: 3 });
    expect(rows.map((r) => [r.periodStart.toISOString(), r.billingAt.toISOString()])).toEqual([
      ['2026-01-31T10:00:00.000Z', new Date(sub.createdAt.getTime() + DAY).toISOString()],
      ['2026-02-28T10:00:00.000Z', '2026-02-28T10:00:00.000Z'],
      ['2026-03-31T10:00:00.000Z', '2026-03-31T10:00:00.000Z'],
    ]);
    expect(rows[0]).toMatchObject({ amount: 1999, currency: 'EUR', periodEnd: new Date('2026-02-28T10:00:00.000Z') });
    await h.container.resolve(CancelSubscriptionUseCase).execute({ ...ctx(sub.userId), subscriptionId: sub.id, atPeriodEnd: false });
    expect(await schedule.execute({ caller: ctx(sub.userId).caller, subscriptionId: sub.id, count: 3 })).toEqual([]);
  });
});
