import { z } from '@hono/zod-openapi';
import type { SubscriptionSnapshot } from '#domain/subscriptions/subscription/subscription.aggregate';
import { SUBSCRIPTION_STATUSES } from '#domain/subscriptions/subscription/subscription-transitions';
import type { ScheduledCharge } from '#application/subscriptions/get-subscription-schedule/get-subscription-schedule.use-case';
import { IdSchema, timestamp } from '#interfaces/http/shared/schemas';

export const SubscriptionSchema = z
  .object({
    id: IdSchema,
    userId: IdSchema,
    planId: IdSchema,
    productId: IdSchema,
    quantity: z.number().int(),
    paymentMethod: z.string().openapi({ example: 'pm_card_ok' }),
    status: z.enum(SUBSCRIPTION_STATUSES),
    currentPeriodStart: timestamp().nullable(),
    currentPeriodEnd: timestamp().nullable(),
    nextBillingAt: timestamp().nullable(),
    trialEnd: timestamp().nullable(),
    cancelAtPeriodEnd: z.boolean(),
    cancellationReason: z.enum(['cancellation_requested', 'payment_failed']).nullable(),
    canceledAt: timestamp().nullable(),
    awaitingStock: z.boolean(),
    createdAt: timestamp(),
  })
  .openapi('Subscription');

export const ScheduleSchema = z
  .object({
    data: z.array(
      z.object({
        periodStart: timestamp(),
        periodEnd: timestamp(),
        billingAt: timestamp(),
        amount: z.number().int().openapi({ example: 1999 }),
        currency: z.string().openapi({ example: 'EUR' }),
      }),
    ),
  })
  .openapi('SubscriptionSchedule');

const iso = (date: Date | null) => date?.toISOString() ?? null;

export function presentSubscription(s: SubscriptionSnapshot): z.infer<typeof SubscriptionSchema> {
  return {
    id: s.id,
    userId: s.userId,
    planId: s.planId,
    productId: s.productId,
    quantity: s.quantity,
    paymentMethod: s.paymentMethod,
    status: s.status,
    currentPeriodStart: iso(s.currentPeriodStart),
    currentPeriodEnd: iso(s.currentPeriodEnd),
    nextBillingAt: iso(s.nextBillingAt),
    trialEnd: iso(s.trialEnd),
    cancelAtPeriodEnd: s.cancelAtPeriodEnd,
    cancellationReason: s.cancellationReason,
    canceledAt: iso(s.canceledAt),
    awaitingStock: s.awaitingStock,
    createdAt: s.createdAt.toISOString(),
  };
}

export function presentSchedule(rows: readonly ScheduledCharge[]): z.infer<typeof ScheduleSchema> {
  return {
    data: rows.map((r) => ({
      periodStart: r.periodStart.toISOString(),
      periodEnd: r.periodEnd.toISOString(),
      billingAt: r.billingAt.toISOString(),
      amount: r.amount,
      currency: r.currency,
    })),
  };
}
