import { Subscription, type SubscriptionSnapshot } from '#domain/subscriptions/subscription/subscription.aggregate';
import type { DuePosition, SubscriptionRepository } from '#domain/subscriptions/subscription/subscription.repository';
import type { EventMetadata } from '#domain/shared/domain-event';
import type { IdGenerator } from '#application/shared/ports/id-generator.port';
import type { Page, PageRequest } from '#application/shared/pagination';
import type { SubscriptionListFilter, SubscriptionQueries } from '#application/subscriptions/queries/subscription-queries.port';
import type { OutboxDispatcher } from '#infrastructure/messaging/outbox-dispatcher';
import { InMemoryAggregateStore } from '#infrastructure/in-memory/shared/in-memory-aggregate-store';
import { keysetPageOf } from '#infrastructure/in-memory/shared/keyset-page';

export class InMemorySubscriptionRepository implements SubscriptionRepository, SubscriptionQueries {
  readonly store: InMemoryAggregateStore<SubscriptionSnapshot>;

  constructor(ids: IdGenerator, dispatcher?: OutboxDispatcher) {
    this.store = new InMemoryAggregateStore('Subscription', ids, dispatcher);
  }

  async save(subscription: Subscription, meta: EventMetadata): Promise<void> {
    await this.store.save(subscription, subscription.toSnapshot(), meta);
  }

  async findById(id: string): Promise<Subscription | null> {
    return this.store.find(id, Subscription.rehydrate);
  }

  async findDue(now: Date, page: { readonly limit: number; readonly after?: DuePosition }): Promise<Subscription[]> {
    const key = (s: SubscriptionSnapshot) => [s.nextBillingAt!.getTime(), s.id] as const;
    const after = page.after ? ([page.after.nextBillingAt.getTime(), page.after.id] as const) : null;
    const rows = this.store
      .snapshots()
      .filter((s) => s.nextBillingAt !== null && s.nextBillingAt.getTime() <= now.getTime())
      .filter((s) => !after || key(s)[0] > after[0] || (key(s)[0] === after[0] && s.id > after[1]))
      .sort((a, b) => key(a)[0] - key(b)[0] || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0))
      .slice(0, page.limit);
    return rows.map((s) => Subscription.rehydrate(s, this.store.get(s.id)!.version));
  }

  async list(filter: SubscriptionListFilter, page: PageRequest): Promise<Page<SubscriptionSnapshot>> {
    return keysetPageOf(this.store.snapshots().filter((s) => !filter.userId || s.userId === filter.userId), page);
  }
}
