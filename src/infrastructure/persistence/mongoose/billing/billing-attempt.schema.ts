import { Schema, type Connection } from 'mongoose';
import { withOutbox } from '#infrastructure/persistence/mongoose/shared/outbox.schema';

export const billingAttemptSchema = withOutbox(
  new Schema(
    {
      _id: { type: String, required: true },
      subscriptionId: { type: String, required: true },
      userId: { type: String, required: true },
      productId: { type: String, required: true },
      quantity: { type: Number, required: true },
      amount: { type: Number, required: true },
      currency: { type: String, required: true },
      paymentMethod: { type: String, required: true },
      periodStart: { type: Date, required: true },
      periodEnd: { type: Date, required: true },
      attemptSeq: { type: Number, required: true },
      paymentAttempt: { type: Number, required: true },
      state: { type: String, required: true },
      lease: { type: { owner: String, expiresAt: Date }, default: null, _id: false },
      /** `<subscriptionId>|<periodStartMs>` while the attempt holds its period (in flight, charged, fulfilled); unset after. */
      livePeriodKey: { type: String },
      fulfillmentCenterId: { type: String, default: null },
      chargeId: { type: String, default: null },
      failureReason: { type: String, default: null },
      abandonReason: { type: String, default: null },
      reservationCommitted: { type: Boolean, required: true },
      orderId: { type: String, default: null },
      createdAt: { type: Date, required: true },
      updatedAt: { type: Date, required: true },
    },
    { versionKey: false },
  ),
);
// DESIGN.md D4: one attempt per (subscription, period, attemptSeq)…
billingAttemptSchema.index({ subscriptionId: 1, periodStart: 1, attemptSeq: 1 }, { unique: true });
// …and at most one attempt holding a period at a time (sparse: finished unsuccessful attempts drop the key).
billingAttemptSchema.index({ livePeriodKey: 1 }, { unique: true, sparse: true });

export const billingAttemptModel = (connection: Connection) =>
  connection.models.BillingAttempt ?? connection.model('BillingAttempt', billingAttemptSchema, 'billing_attempts');
