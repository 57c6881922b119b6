import { inject, injectable } from 'tsyringe';
import { periodsFrom } from '#domain/subscriptions/subscription/billing-period';
import { SubscriptionRepository } from '#domain/subscriptions/subscription/subscription.repository';
import type { NotFoundError } from '#application/shared/application-error';
import type { Caller } from '#application/shared/use-case-context';
import { findOwnedSubscription } from '#application/subscriptions/shared/owned-subscription';

export interface ScheduledCharge {
  readonly periodStart: Date;
  readonly periodEnd: Date;
  /** When that period is billed: `nextBillingAt` for the first (a retry may be later than its start), then each start. */
  readonly billingAt: Date;
  readonly amount: number;
  readonly currency: string;
}

export type GetSubscriptionScheduleErrors = NotFoundError;

/**
 * The next `count` periods, starting with the one `nextBillingAt` bills, from the same period arithmetic the biller
 * uses (billing-period.ts; a dependency rule checks both import it). Empty when canceled or canceling at period end.
 */
@injectable()
export class GetSubscriptionScheduleUseCase {
  constructor(@inject(SubscriptionRepository) private readonly subscriptions: SubscriptionRepository) {}

  async execute(input: { readonly caller: Caller; readonly subscriptionId: string; readonly count: number }): Promise<ScheduledCharge[]> {
    const subscription = await findOwnedSubscription(this.subscriptions, input.subscriptionId, input.caller);
    const s = subscription.toSnapshot();
    if (s.status === 'canceled' || s.cancelAtPeriodEnd || s.nextBillingAt === null) return [];
    const amount = subscription.chargeAmount();
    return periodsFrom(s.billingAnchor, subscription.interval(), s.nextPeriodIndex, input.count).map((period, i) => ({
      periodStart: period.start,
      periodEnd: period.end,
      billingAt: i === 0 ? s.nextBillingAt! : period.start,
      amount,
      currency: s.terms.currency,
    }));
  }
}
