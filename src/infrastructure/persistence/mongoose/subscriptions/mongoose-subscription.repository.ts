import type { Connection } from 'mongoose';
import { inject, injectable } from 'tsyringe';
import type { EventMetadata } from '#domain/shared/domain-event';
import type { Subscription, SubscriptionSnapshot } from '#domain/subscriptions/subscription/subscription.aggregate';
import type { DuePosition, SubscriptionRepository } from '#domain/subscriptions/subscription/subscription.repository';
import type { Page, PageRequest } from '#application/shared/pagination';
import type { SubscriptionListFilter, SubscriptionQueries } from '#application/subscriptions/queries/subscription-queries.port';
import { MongooseConnection } from '#infrastructure/di/tokens';
import { AggregateDocuments } from '#infrastructure/persistence/mongoose/shared/aggregate-documents';
import { findKeysetPage } from '#infrastructure/persistence/mongoose/shared/keyset-page';
import { MongooseAggregateWriter } from '#infrastructure/persistence/mongoose/shared/mongoose-aggregate-writer';
import { subscriptionMapper, type SubscriptionDocument } from '#infrastructure/persistence/mongoose/subscriptions/subscription.mapper';
import { subscriptionModel } from '#infrastructure/persistence/mongoose/subscriptions/subscription.schema';

@injectable()
export class MongooseSubscriptionRepository implements SubscriptionRepository, SubscriptionQueries {
  private readonly subscriptions: AggregateDocuments<SubscriptionDocument, Subscription, SubscriptionSnapshot>;

  constructor(@inject(MongooseConnection) connection: Connection, @inject(MongooseAggregateWriter) writer: MongooseAggregateWriter) {
    this.subscriptions = new AggregateDocuments(subscriptionModel(connection), writer, subscriptionMapper);
  }

  async save(subscription: Subscription, meta: EventMetadata): Promise<void> {
    await this.subscriptions.save(subscription, meta);
  }

  async findById(id: string): Promise<Subscription | null> {
    return this.subscriptions.findOne({ _id: id });
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
    return this.subscriptions.findMany(filter, { sort: { nextBillingAt: 1, _id: 1 }, limit: page.limit });
  }

  async list(filter: SubscriptionListFilter, page: PageRequest): Promise<Page<SubscriptionSnapshot>> {
    return findKeysetPage(this.subscriptions.model, filter.userId ? { userId: filter.userId } : {}, page, subscriptionMapper.toSnapshot);
  }
}
