import type { Connection, Model } from 'mongoose';
import { inject, injectable } from 'tsyringe';
import type { EventMetadata } from '#domain/shared/domain-event';
import type { Subscription, SubscriptionSnapshot } from '#domain/subscriptions/subscription/subscription.aggregate';
import type { DuePosition, SubscriptionRepository } from '#domain/subscriptions/subscription/subscription.repository';
import { toPage, type Page, type PageRequest } from '#application/shared/pagination';
import type { SubscriptionListFilter, SubscriptionQueries } from '#application/subscriptions/queries/subscription-queries.port';
import { MongooseConnection } from '#infrastructure/di/tokens';
import { keysetAfter } from '#infrastructure/persistence/mongoose/shared/keyset';
import { MongooseAggregateWriter } from '#infrastructure/persistence/mongoose/shared/mongoose-aggregate-writer';
import { subscriptionMapper, type SubscriptionDocument } from '#infrastructure/persistence/mongoose/subscriptions/subscription.mapper';
import { subscriptionModel } from '#infrastructure/persistence/mongoose/subscriptions/subscription.schema';

const WITHOUT_OUTBOX = { projection: { outbox: 0 } };

@injectable()
export class MongooseSubscriptionRepository implements SubscriptionRepository, SubscriptionQueries {
  private readonly model: Model<any>;

  constructor(
    @inject(MongooseConnection) connection: Connection,
    @inject(MongooseAggregateWriter) private readonly writer: MongooseAggregateWriter,
  ) {
    this.model = subscriptionModel(connection);
  }

  async save(subscription: Subscription, meta: EventMetadata): Promise<void> {
    const snapshot = subscription.toSnapshot();
    await this.writer.save(this.model, subscription, snapshot.id, subscriptionMapper.toState(snapshot), meta);
  }

  async findById(id: string): Promise<Subscription | null> {
    const doc = await this.model.collection.findOne<SubscriptionDocument>({ _id: id as never }, WITHOUT_OUTBOX);
    return doc ? subscriptionMapper.toDomain(doc) : null;
  }

  /** One keyset page on the `{ nextBillingAt: 1, _id: 1 }` index. */
  async findDue(now: Date, page: { readonly limit: number; readonly after?: DuePosition }): Promise<Subscription[]> {
    const due: Record<string, unknown> = { nextBillingAt: { $ne: null, $lte: now } };
    const filter = page.after
      ? {
          $and: [
            due,
            { $or: [{ nextBillingAt: { $gt: page.after.nextBillingAt } }, { nextBillingAt: page.after.nextBillingAt, _id: { $gt: page.after.id } }] },
          ],
        }
      : due;
    const docs = await this.model.collection
      .find<SubscriptionDocument>(filter, WITHOUT_OUTBOX)
      .sort({ nextBillingAt: 1, _id: 1 })
      .limit(page.limit)
      .toArray();
    return docs.map(subscriptionMapper.toDomain);
  }

  async list(filter: SubscriptionListFilter, page: PageRequest): Promise<Page<SubscriptionSnapshot>> {
    const docs = await this.model.collection
      .find<SubscriptionDocument>(keysetAfter(filter.userId ? { userId: filter.userId } : {}, page.after), WITHOUT_OUTBOX)
      .sort({ createdAt: -1, _id: -1 })
      .limit(page.limit + 1)
      .toArray();
    return toPage(docs.map(subscriptionMapper.toSnapshot), page.limit, (s) => ({ createdAt: s.createdAt, id: s.id }));
  }
}
