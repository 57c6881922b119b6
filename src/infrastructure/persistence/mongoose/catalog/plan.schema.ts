import { Schema, type Connection } from 'mongoose';
import { withOutbox } from '#infrastructure/persistence/mongoose/shared/outbox.schema';

export const planSchema = withOutbox(
  new Schema(
    {
      _id: { type: String, required: true },
      name: { type: String, required: true },
      amount: { type: Number, required: true },
      currency: { type: String, required: true },
      interval: { type: String, required: true },
      intervalCount: { type: Number, required: true },
      trialDays: { type: Number, required: true },
      active: { type: Boolean, required: true },
      createdAt: { type: Date, required: true },
      updatedAt: { type: Date, required: true },
    },
    { versionKey: false },
  ),
);
planSchema.index({ createdAt: -1, _id: -1 });
planSchema.index({ active: 1, createdAt: -1, _id: -1 });

export const planModel = (connection: Connection) => connection.models.Plan ?? connection.model('Plan', planSchema, 'plans');
