import { Subscription, type SubscriptionSnapshot } from '#domain/subscriptions/subscription/subscription.aggregate';

export interface SubscriptionDocument extends Omit<SubscriptionSnapshot, 'id'> {
  _id: string;
  version: number;
}

export const subscriptionMapper = {
  toState({ id: _id, ...rest }: SubscriptionSnapshot): Omit<SubscriptionDocument, '_id' | 'version'> {
    return rest;
  },
  toSnapshot({ _id, version: _version, ...rest }: SubscriptionDocument): SubscriptionSnapshot {
    return { id: _id, ...rest };
  },
  toDomain(document: SubscriptionDocument): Subscription {
    return Subscription.rehydrate(subscriptionMapper.toSnapshot(document), document.version);
  },
};
