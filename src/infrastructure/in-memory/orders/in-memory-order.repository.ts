import { Order, type OrderSnapshot } from '#domain/orders/order/order.aggregate';
import type { OrderRepository } from '#domain/orders/order/order.repository';
import type { EventMetadata } from '#domain/shared/domain-event';
import type { IdGenerator } from '#application/shared/ports/id-generator.port';
import type { Page, PageRequest } from '#application/shared/pagination';
import type { OrderListFilter, OrderQueries } from '#application/orders/queries/order-queries.port';
import type { OutboxDispatcher } from '#infrastructure/messaging/outbox-dispatcher';
import { InMemoryAggregateStore } from '#infrastructure/in-memory/shared/in-memory-aggregate-store';
import { keysetPageOf } from '#infrastructure/in-memory/shared/keyset-page';

export class InMemoryOrderRepository implements OrderRepository, OrderQueries {
  readonly store: InMemoryAggregateStore<OrderSnapshot>;

  constructor(ids: IdGenerator, dispatcher?: OutboxDispatcher) {
    // Same unique key as the Mongo index: one order per (subscription, period).
    this.store = new InMemoryAggregateStore('Order', ids, dispatcher, { subscriptionId: (s) => `${s.subscriptionId}|${s.periodStart.getTime()}` });
  }

  async save(order: Order, meta: EventMetadata): Promise<void> {
    await this.store.save(order, order.toSnapshot(), meta);
  }

  async findById(id: string): Promise<Order | null> {
    return this.store.find(id, Order.rehydrate);
  }

  async findBySubscriptionPeriod(subscriptionId: string, periodStart: Date): Promise<Order | null> {
    return this.store.findWhere((s) => s.subscriptionId === subscriptionId && s.periodStart.getTime() === periodStart.getTime(), Order.rehydrate);
  }

  async list(filter: OrderListFilter, page: PageRequest): Promise<Page<OrderSnapshot>> {
    const rows = this.store
      .snapshots()
      .filter((s) => (!filter.userId || s.userId === filter.userId) && (!filter.subscriptionId || s.subscriptionId === filter.subscriptionId));
    return keysetPageOf(rows, page);
  }
}
