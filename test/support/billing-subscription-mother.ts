import { Subscription, type PlanTerms } from '#domain/subscriptions/subscription/subscription.aggregate';
import { UuidV7IdGenerator } from '#infrastructure/ids/uuid-v7.id-generator';

const ids = new UuidV7IdGenerator();
export const T0 = new Date('2026-01-31T10:00:00.000Z');
export const DAY = 86_400_000;
export const MONTHLY: PlanTerms = { amount: 1999, currency: 'EUR', interval: 'month', intervalCount: 1, trialDays: 0 };

/** Object mother for subscriptions in each status, reached only through the aggregate's own methods. */
export const subscriptionMother = {
  incomplete(terms: PlanTerms = MONTHLY, now = T0, userId = ids.next()): Subscription {
    const s = Subscription.create({ id: ids.next(), userId, planId: ids.next(), productId: ids.next(), quantity: 2, paymentMethod: 'pm_card_ok', terms, now });
    s.pullDomainEvents();
    return s;
  },
  trialing(now = T0): Subscription {
    return subscriptionMother.incomplete({ ...MONTHLY, trialDays: 14 }, now);
  },
  active(now = T0): Subscription {
    const s = subscriptionMother.incomplete(MONTHLY, now);
    s.recordPaymentSuccess({ periodStart: s.billingPeriod().start, now });
    s.pullDomainEvents();
    return s;
  },
  pastDue(now = T0): Subscription {
    const s = subscriptionMother.incomplete(MONTHLY, now);
    s.recordPaymentFailure({ periodStart: s.billingPeriod().start, attemptSeq: 0, at: now, retryDays: [1, 3, 5] });
    s.pullDomainEvents();
    return s;
  },
  canceled(now = T0): Subscription {
    const s = subscriptionMother.incomplete(MONTHLY, now);
    s.cancel(false, now);
    s.pullDomainEvents();
    return s;
  },
};
