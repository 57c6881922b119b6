import { inject, injectable } from 'tsyringe';
import type { SubscriptionSnapshot } from '#domain/subscriptions/subscription/subscription.aggregate';
import type { SubscriptionTransitionNotAllowedError } from '#domain/subscriptions/subscription/subscription.errors';
import { SubscriptionRepository } from '#domain/subscriptions/subscription/subscription.repository';
import type { NotFoundError } from '#application/shared/application-error';
import { Clock } from '#application/shared/ports/clock.port';
import type { Caller, UseCaseContext } from '#application/shared/use-case-context';
import { findOwnedSubscription } from '#application/subscriptions/shared/owned-subscription';
import { retryOnConcurrency } from '#application/subscriptions/shared/retry-on-concurrency';

export interface CancelSubscriptionInput extends UseCaseContext {
  readonly caller: Caller;
  readonly subscriptionId: string;
  readonly atPeriodEnd: boolean;
}

export type CancelSubscriptionErrors = NotFoundError | SubscriptionTransitionNotAllowedError;

/** Cancels now or at period end, by API.md's rules (the aggregate's transition table); already canceled → conflict. */
@injectable()
export class CancelSubscriptionUseCase {
  constructor(
    @inject(SubscriptionRepository) private readonly subscriptions: SubscriptionRepository,
    @inject(Clock) private readonly clock: Clock,
  ) {}

  async execute(input: CancelSubscriptionInput): Promise<SubscriptionSnapshot> {
    return retryOnConcurrency(async () => {
      const subscription = await findOwnedSubscription(this.subscriptions, input.subscriptionId, input.caller);
      subscription.cancel(input.atPeriodEnd, await this.clock.now());
      await this.subscriptions.save(subscription, input);
      return subscription.toSnapshot();
    });
  }
}
