import { SubscriptionRepository } from '#domain/subscriptions/subscription/subscription.repository';
import { SubscriptionQueries } from '#application/subscriptions/queries/subscription-queries.port';
import type { ModuleContext } from '#infrastructure/di/modules/module-context';
import { MongooseSubscriptionRepository } from '#infrastructure/persistence/mongoose/subscriptions/mongoose-subscription.repository';
import { subscriptionModel } from '#infrastructure/persistence/mongoose/subscriptions/subscription.schema';

/** Registers the subscriptions context's adapters and Mongoose models. */
export function registerSubscriptionsModule({ container, connection }: ModuleContext): void {
  subscriptionModel(connection);
  container.registerSingleton(SubscriptionRepository, MongooseSubscriptionRepository);
  container.register(SubscriptionQueries, { useToken: SubscriptionRepository });
}
