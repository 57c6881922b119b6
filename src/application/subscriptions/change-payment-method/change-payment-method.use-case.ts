import { inject, injectable } from 'tsyringe';
import type { SubscriptionSnapshot } from '#domain/subscriptions/subscription/subscription.aggregate';
import type { InvalidSubscriptionError, SubscriptionTransitionNotAllowedError } from '#domain/subscriptions/subscription/subscription.errors';
import { SubscriptionRepository } from '#domain/subscriptions/subscription/subscription.repository';
import { isPaymentMethod } from '#application/billing/ports/payment-gateway.port';
import { ValidationError, type NotFoundError } from '#application/shared/application-error';
import { Clock } from '#application/shared/ports/clock.port';
import type { Caller, UseCaseContext } from '#application/shared/use-case-context';
import { findOwnedSubscription } from '#application/subscriptions/shared/owned-subscription';
import { retryOnConcurrency } from '#application/subscriptions/shared/retry-on-concurrency';

export interface ChangePaymentMethodInput extends UseCaseContext {
  readonly caller: Caller;
  readonly subscriptionId: string;
  readonly paymentMethod: string;
}

export type ChangePaymentMethodErrors = NotFoundError | ValidationError | InvalidSubscriptionError | SubscriptionTransitionNotAllowedError;

/**
 * Replaces the payment method. A past_due subscription is retried at once: its event enqueues a billing job with a
 * new attempt sequence (the response still says past_due; the outcome follows asynchronously).
 */
@injectable()
export class ChangePaymentMethodUseCase {
  constructor(
    @inject(SubscriptionRepository) private readonly subscriptions: SubscriptionRepository,
    @inject(Clock) private readonly clock: Clock,
  ) {}

  async execute(input: ChangePaymentMethodInput): Promise<SubscriptionSnapshot> {
    if (!isPaymentMethod(input.paymentMethod)) throw new ValidationError(`unknown payment method ${input.paymentMethod}`, 'paymentMethod');
    return retryOnConcurrency(async () => {
      const subscription = await findOwnedSubscription(this.subscriptions, input.subscriptionId, input.caller);
      subscription.changePaymentMethod(input.paymentMethod, await this.clock.now());
      await this.subscriptions.save(subscription, input);
      return subscription.toSnapshot();
    });
  }
}
