import { describe, expect, it } from 'bun:test';
import { Order, type PaidAttempt } from '#domain/orders/order/order.aggregate';
import type { OrderRepository } from '#domain/orders/order/order.repository';
import { UniqueConstraintError } from '#domain/shared/domain-error';
import type { OrderQueries } from '#application/orders/queries/order-queries.port';
import { UuidV7IdGenerator } from '#infrastructure/ids/uuid-v7.id-generator';

export interface OrderRepositoryFixture {
  readonly repository: OrderRepository & OrderQueries;
}

const ids = new UuidV7IdGenerator();
const meta = { actor: { type: 'system' as const }, correlationId: 'corr' };
const paid = (subscriptionId: string, periodStart: Date, userId = 'u-1'): PaidAttempt => ({
  id: ids.next(),
  state: 'charged',
  reservationCommitted: true,
  subscriptionId,
  userId,
  productId: 'p-1',
  fulfillmentCenterId: 'fc-1',
  quantity: 1,
  amount: 1999,
  currency: 'EUR',
  periodStart,
  periodEnd: new Date(periodStart.getTime() + 30 * 86_400_000),
});

/** The order store's contract, in memory and on MongoDB. */
export function orderRepositoryContract(name: string, setup: () => Promise<OrderRepositoryFixture>): void {
  describe(`OrderRepository contract: ${name}`, () => {
    it('one order per (subscription, period): a second one is a UniqueConstraintError, the first stays', async () => {
      const { repository } = await setup();
      const sub = ids.next();
      const start = new Date('2026-03-01T00:00:00.000Z');
      const first = Order.fromChargedAttempt({ id: ids.next(), attempt: paid(sub, start), now: start });
      await repository.save(first, meta);
      const second = Order.fromChargedAttempt({ id: ids.next(), attempt: paid(sub, start), now: start });
      await expect(repository.save(second, meta)).rejects.toBeInstanceOf(UniqueConstraintError);
      expect((await repository.findBySubscriptionPeriod(sub, start))?.id).toBe(first.id);
      const next = Order.fromChargedAttempt({ id: ids.next(), attempt: paid(sub, new Date('2026-04-01T00:00:00.000Z')), now: start });
      await repository.save(next, meta);
      expect((await repository.findById(next.id))?.toSnapshot()).toEqual(next.toSnapshot());
    });

    it('lists by user and by subscription, newest first', async () => {
      const { repository } = await setup();
      const user = ids.next();
      const sub = ids.next();
      const orders: string[] = [];
      for (let k = 0; k < 3; k += 1) {
        const o = Order.fromChargedAttempt({ id: ids.next(), attempt: paid(sub, new Date(Date.UTC(2026, k, 1)), user), now: new Date(Date.UTC(2026, k, 1, 0, 0, 1)) });
        await repository.save(o, meta);
        orders.push(o.id);
      }
      await repository.save(Order.fromChargedAttempt({ id: ids.next(), attempt: paid(ids.next(), new Date(Date.UTC(2026, 0, 1)), user), now: new Date(Date.UTC(2026, 0, 2)) }), meta);
      expect((await repository.list({ subscriptionId: sub }, { limit: 10 })).items.map((o) => o.id)).toEqual([...orders].reverse());
      expect((await repository.list({ userId: user }, { limit: 10 })).items).toHaveLength(4);
      const page = await repository.list({ userId: user, subscriptionId: sub }, { limit: 2 });
      expect(page.items.map((o) => o.id)).toEqual([orders[2]!, orders[1]!]);
      expect((await repository.list({ userId: user, subscriptionId: sub }, { limit: 2, after: page.next! })).items.map((o) => o.id)).toEqual([orders[0]!]);
    });
  });
}
