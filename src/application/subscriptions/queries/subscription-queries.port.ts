import type { SubscriptionSnapshot } from '#domain/subscriptions/subscription/subscription.aggregate';
import type { Page, PageRequest } from '#application/shared/pagination';

export interface SubscriptionListFilter {
  readonly userId?: string;
}

/** Read side of subscriptions: lists newest first on `(createdAt, id)`. */
export interface SubscriptionQueries {
  list(filter: SubscriptionListFilter, page: PageRequest): Promise<Page<SubscriptionSnapshot>>;
}
export const SubscriptionQueries = Symbol('SubscriptionQueries');
