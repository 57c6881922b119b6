import { inject, injectable } from 'tsyringe';
import type { PaymentFailureReason } from '#domain/billing/billing-attempt/billing-attempt.events';
import { SubscriptionRepository } from '#domain/subscriptions/subscription/subscription.repository';
import type { BillingOutcomeMismatchError } from '#domain/subscriptions/subscription/subscription.errors';
import { BillingSettings } from '#application/billing/ports/billing-settings.port';
import { NotFoundError } from '#application/shared/application-error';
import type { UseCaseContext } from '#application/shared/use-case-context';
import { retryOnConcurrency } from '#application/subscriptions/shared/retry-on-concurrency';

export interface ApplyBillingOutcomeInput extends UseCaseContext {
  readonly outcome: 'failed' | 'deferred' | 'abandoned';
  readonly subscriptionId: string;
  readonly periodStartMs: number;
  readonly attemptSeq: number;
  /** Business time of the outcome (the attempt event's `occurredAt`): retries are scheduled from it. */
  readonly at: Date;
  readonly reason?: PaymentFailureReason | string;
}

export type ApplyBillingOutcomeErrors = NotFoundError | BillingOutcomeMismatchError;

/**
 * Applies an attempt that did not succeed to its subscription (from the attempt's event, through the outbox):
 * declined → past_due or canceled after the last dunning retry; no stock → awaitingStock and a retry after
 * BACKORDER_RETRY_MS; abandoned → a new attempt. Idempotent: the subscription remembers which attempts it settled.
 */
@injectable()
export class ApplyBillingOutcomeUseCase {
  constructor(
    @inject(SubscriptionRepository) private readonly subscriptions: SubscriptionRepository,
    @inject(BillingSettings) private readonly settings: BillingSettings,
  ) {}

  async execute(input: ApplyBillingOutcomeInput): Promise<void> {
    await retryOnConcurrency(async () => {
      const subscription = await this.subscriptions.findById(input.subscriptionId);
      if (!subscription) throw new NotFoundError('subscription', input.subscriptionId);
      const outcome = { periodStart: new Date(input.periodStartMs), attemptSeq: input.attemptSeq, at: input.at };
      switch (input.outcome) {
        case 'failed':
          subscription.recordPaymentFailure({ ...outcome, retryDays: this.settings.dunningRetryDays });
          break;
        case 'deferred':
          subscription.recordBackorder({ ...outcome, retryMs: this.settings.backorderRetryMs });
          break;
        case 'abandoned':
          subscription.recordAbandonedAttempt(outcome);
          break;
      }
      await this.subscriptions.save(subscription, input);
    });
  }
}
