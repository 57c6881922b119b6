import { inject, injectable } from 'tsyringe';
import type { SubscriptionSnapshot } from '#domain/subscriptions/subscription/subscription.aggregate';
import { SubscriptionRepository } from '#domain/subscriptions/subscription/subscription.repository';
import type { NotFoundError } from '#application/shared/application-error';
import type { Caller } from '#application/shared/use-case-context';
import { findOwnedSubscription } from '#application/subscriptions/shared/owned-subscription';

export type GetSubscriptionErrors = NotFoundError;

/** One subscription, for its owner or an ADMIN (anyone else: not found). */
@injectable()
export class GetSubscriptionUseCase {
  constructor(@inject(SubscriptionRepository) private readonly subscriptions: SubscriptionRepository) {}

  async execute(input: { readonly caller: Caller; readonly subscriptionId: string }): Promise<SubscriptionSnapshot> {
    return (await findOwnedSubscription(this.subscriptions, input.subscriptionId, input.caller)).toSnapshot();
  }
}
