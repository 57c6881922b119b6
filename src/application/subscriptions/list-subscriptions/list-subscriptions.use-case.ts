import { inject, injectable } from 'tsyringe';
import type { SubscriptionSnapshot } from '#domain/subscriptions/subscription/subscription.aggregate';
import type { Page, PageRequest } from '#application/shared/pagination';
import type { Caller } from '#application/shared/use-case-context';
import { SubscriptionQueries } from '#application/subscriptions/queries/subscription-queries.port';

/** A USER's own subscriptions (a `userId` naming someone else gives an empty list); an ADMIN's view of all. */
@injectable()
export class ListSubscriptionsUseCase {
  constructor(@inject(SubscriptionQueries) private readonly queries: SubscriptionQueries) {}

  async execute(input: { readonly caller: Caller; readonly userId?: string; readonly page: PageRequest }): Promise<Page<SubscriptionSnapshot>> {
    const { caller } = input;
    if (caller.role === 'ADMIN') return this.queries.list(input.userId ? { userId: input.userId } : {}, input.page);
    if (input.userId !== undefined && input.userId !== caller.userId) return { items: [], next: null };
    return this.queries.list({ userId: caller.userId }, input.page);
  }
}
