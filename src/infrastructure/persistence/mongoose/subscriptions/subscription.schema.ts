import { Schema, type Connection } from 'mongoose';
import { withOutbox } from '#infrastructure/persistence/mongoose/shared/outbox.schema';

export const subscriptionSchema = withOutbox(
  new Schema(
    {
      _id: { type: String, required: true },
      userId: { type: String, required: true },
      planId: { type: String, required: true },
      productId: { type: String, required: true },
      quantity: { type: Number, required: true },
      paymentMethod: { type: String, required: true },
      status: { type: String, required: true },
      terms: {
        amount: { type: Number, required: true },
        currency: { type: String, required: true },
        interval: { type: String, required: true },
        intervalCount: { type: Number, required: true },
        trialDays: { type: Number, required: true },
      },
      billingAnchor: { type: Date, required: true },
      nextPeriodIndex: { type: Number, required: true },
      currentPeriodStart: { type: Date, default: null },
      currentPeriodEnd: { type: Date, default: null },
      nextBillingAt: { type: Date, default: null },
      trialEnd: { type: Date, default: null },
      cancelAtPeriodEnd: { type: Boolean, required: true },
      cancellationReason: { type: String, default: null },
      canceledAt: { type: Date, default: null },
      awaitingStock: { type: Boolean, required: true },
      attemptSeq: { type: Number, required: true },
      settledAttemptSeq: { type: Number, required: true },
      failedAttempts: { type: Number, required: true },
      createdAt: { type: Date, required: true },
      updatedAt: { type: Date, required: true },
    },
    { versionKey: false },
  ),
);
// The billing scan's keyset order (DESIGN.md D4); canceled subscriptions have nextBillingAt null.
subscriptionSchema.index({ nextBillingAt: 1, _id: 1 });
subscriptionSchema.index({ userId: 1, createdAt: -1, _id: -1 });
subscriptionSchema.index({ createdAt: -1, _id: -1 });

export const subscriptionModel = (connection: Connection) =>
  connection.models.Subscription ?? connection.model('Subscription', subscriptionSchema, 'subscriptions');
