import { Schema, type Connection } from 'mongoose';

/** Audit entries: `_id` is the originating event id, so a second write of one entry is a duplicate-key no-op. */
export const auditEntrySchema = new Schema(
  {
    _id: { type: String, required: true },
    type: { type: String, required: true },
    actor: { type: Schema.Types.Mixed, required: true },
    subject: { type: { type: String, required: true }, id: { type: String, required: true } },
    refs: {
      userId: String,
      subscriptionId: String,
      orderId: String,
      productId: String,
    },
    data: { type: Schema.Types.Mixed, default: {} },
    correlationId: { type: String, required: true },
    createdAt: { type: Date, required: true },
  },
  { versionKey: false, minimize: false },
);
auditEntrySchema.index({ createdAt: -1, _id: -1 });
auditEntrySchema.index({ type: 1, createdAt: -1, _id: -1 });
for (const ref of ['userId', 'subscriptionId', 'orderId', 'productId']) {
  auditEntrySchema.index({ [`refs.${ref}`]: 1, createdAt: -1, _id: -1 }, { sparse: true });
}

export const auditEntryModel = (connection: Connection) => connection.model('AuditEntry', auditEntrySchema, 'audit_entries');
