import { Schema, type Connection, type Model } from 'mongoose';

/**
 * The simulated gateway's ledger (DESIGN.md D4): one document per idempotency key (`_id`, hence unique), holding the
 * first answer and the time of every call. "Charged exactly once" is then a count over this collection, valid
 * across processes and kills.
 */
export const paymentLedgerSchema = new Schema(
  {
    _id: { type: String, required: true },
    chargeId: { type: String, required: true },
    paymentMethod: { type: String, required: true },
    amount: { type: Number, required: true },
    currency: { type: String, required: true },
    outcome: { type: String, required: true },
    reason: { type: String, default: null },
    metadata: { type: Schema.Types.Mixed, default: {} },
    calls: { type: [Date], default: [] },
    createdAt: { type: Date, required: true },
  },
  { versionKey: false, minimize: false },
);
paymentLedgerSchema.index({ 'metadata.subscriptionId': 1, createdAt: 1 });

export const paymentLedgerModel = (connection: Connection): Model<any> =>
  connection.models.PaymentLedgerEntry ?? (connection.model('PaymentLedgerEntry', paymentLedgerSchema, 'payment_ledger') as unknown as Model<any>);
