import { Schema, type Connection } from 'mongoose';
import { withOutbox } from '#infrastructure/persistence/mongoose/shared/outbox.schema';

export const orderSchema = withOutbox(
  new Schema(
    {
      _id: { type: String, required: true },
      userId: { type: String, required: true },
      subscriptionId: { type: String, required: true },
      productId: { type: String, required: true },
      fulfillmentCenterId: { type: String, required: true },
      quantity: { type: Number, required: true },
      amount: { type: Number, required: true },
      currency: { type: String, required: true },
      periodStart: { type: Date, required: true },
      periodEnd: { type: Date, required: true },
      status: { type: String, required: true },
      billingAttemptId: { type: String, required: true },
      createdAt: { type: Date, required: true },
    },
    { versionKey: false },
  ),
);
// At most one order per (subscription, billing period): the last line of defence against double fulfillment.
orderSchema.index({ subscriptionId: 1, periodStart: 1 }, { unique: true });
orderSchema.index({ userId: 1, createdAt: -1, _id: -1 });
orderSchema.index({ subscriptionId: 1, createdAt: -1, _id: -1 });
orderSchema.index({ createdAt: -1, _id: -1 });

export const orderModel = (connection: Connection) => connection.models.Order ?? connection.model('Order', orderSchema, 'orders');
