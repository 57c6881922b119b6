import type { Subscription } from '#domain/subscriptions/subscription/subscription.aggregate';
import type { SubscriptionRepository } from '#domain/subscriptions/subscription/subscription.repository';
import { NotFoundError } from '#application/shared/application-error';
import type { Caller } from '#application/shared/use-case-context';

/** The subscription if the caller may see it (its owner, or an ADMIN); otherwise "not found", never "forbidden". */
export async function findOwnedSubscription(repository: SubscriptionRepository, id: string, caller: Caller): Promise<Subscription> {
  const subscription = await repository.findById(id);
  if (!subscription || (caller.role !== 'ADMIN' && subscription.toSnapshot().userId !== caller.userId)) {
    throw new NotFoundError('subscription', id);
  }
  return subscription;
}
