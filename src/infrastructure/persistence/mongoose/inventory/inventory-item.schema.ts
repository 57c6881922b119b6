import { Schema, type Connection } from 'mongoose';
import { withOutbox } from '#infrastructure/persistence/mongoose/shared/outbox.schema';

const reservationSchema = new Schema(
  {
    reservationId: { type: String, required: true },
    quantity: { type: Number, required: true },
    expiresAt: { type: Date, required: true },
    refs: { type: Schema.Types.Mixed, default: {} },
  },
  { _id: false },
);

const committedSchema = new Schema(
  {
    reservationId: { type: String, required: true },
    quantity: { type: Number, required: true },
    committedAt: { type: Date, required: true },
  },
  { _id: false },
);

/**
 * One document per (product, center). `available` (= onHand − reserved) is stored so that every write can carry
 * the invariant `available ≥ q` in its filter (DESIGN.md D3); every write changes the three counters together.
 */
export const inventoryItemSchema = withOutbox(
  new Schema(
    {
      _id: { type: String, required: true },
      productId: { type: String, required: true },
      fulfillmentCenterId: { type: String, required: true },
      onHand: { type: Number, required: true },
      reserved: { type: Number, required: true },
      available: { type: Number, required: true },
      reservations: { type: [reservationSchema], default: [] },
      committed: { type: [committedSchema], default: [] },
      createdAt: { type: Date, required: true },
      updatedAt: { type: Date, required: true },
    },
    { versionKey: false },
  ),
);
inventoryItemSchema.index({ productId: 1, fulfillmentCenterId: 1 }, { unique: true });
// A reservation id is held by one item at most: a copy of a reservation racing to another center loses here.
inventoryItemSchema.index(
  { 'reservations.reservationId': 1 },
  { unique: true, partialFilterExpression: { 'reservations.reservationId': { $exists: true } } },
);
inventoryItemSchema.index({ 'committed.reservationId': 1 });
inventoryItemSchema.index({ 'reservations.expiresAt': 1 });
inventoryItemSchema.index({ 'committed.committedAt': 1 });
inventoryItemSchema.index({ createdAt: -1, _id: -1 });

export const inventoryItemModel = (connection: Connection) =>
  connection.models.InventoryItem ?? connection.model('InventoryItem', inventoryItemSchema, 'inventory_items');
