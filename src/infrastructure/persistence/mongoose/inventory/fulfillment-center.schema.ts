import { Schema, type Connection } from 'mongoose';
import { withOutbox } from '#infrastructure/persistence/mongoose/shared/outbox.schema';

export const fulfillmentCenterSchema = withOutbox(
  new Schema(
    {
      _id: { type: String, required: true },
      code: { type: String, required: true },
      name: { type: String, required: true },
      priority: { type: Number, required: true },
      active: { type: Boolean, required: true },
      createdAt: { type: Date, required: true },
      updatedAt: { type: Date, required: true },
    },
    { versionKey: false },
  ),
);
fulfillmentCenterSchema.index({ code: 1 }, { unique: true });
fulfillmentCenterSchema.index({ createdAt: -1, _id: -1 });

export const fulfillmentCenterModel = (connection: Connection) =>
  connection.models.FulfillmentCenter ?? connection.model('FulfillmentCenter', fulfillmentCenterSchema, 'fulfillment_centers');
