import { Schema } from 'mongoose';

/** One stored event (an EventEnvelope) inside an aggregate's document. */
const outboxEntrySchema = new Schema(
  {
    id: { type: String, required: true },
    type: { type: String, required: true },
    version: { type: Number, required: true },
    aggregateType: { type: String, required: true },
    aggregateId: { type: String, required: true },
    occurredAt: { type: Date, required: true },
    payload: { type: Schema.Types.Mixed, required: true },
    actor: { type: Schema.Types.Mixed, required: true },
    correlationId: { type: String, required: true },
    storedAt: { type: Date, required: true },
  },
  { _id: false },
);

/**
 * Adds the `version` and `outbox` fields every aggregate document has (DESIGN.md D3) and the index the relay
 * scans. Call it on each aggregate schema; the relay finds outbox collections by the `outbox` path.
 */
export function withOutbox(schema: Schema): Schema {
  schema.add({ version: { type: Number, required: true, default: 0 }, outbox: { type: [outboxEntrySchema], default: [] } });
  schema.index({ 'outbox.storedAt': 1 });
  return schema;
}
