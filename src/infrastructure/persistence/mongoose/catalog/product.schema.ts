import { Schema, type Connection } from 'mongoose';
import { withOutbox } from '#infrastructure/persistence/mongoose/shared/outbox.schema';

export const productSchema = withOutbox(
  new Schema(
    {
      _id: { type: String, required: true },
      sku: { type: String, required: true },
      /** The SKU lower-cased: unique, so SKUs are unique case-insensitively. */
      skuKey: { type: String, required: true },
      name: { type: String, required: true },
      description: { type: String, default: null },
      active: { type: Boolean, required: true },
      createdAt: { type: Date, required: true },
      updatedAt: { type: Date, required: true },
    },
    { versionKey: false },
  ),
);
productSchema.index({ skuKey: 1 }, { unique: true });
productSchema.index({ createdAt: -1, _id: -1 });
productSchema.index({ active: 1, createdAt: -1, _id: -1 });

export const productModel = (connection: Connection) => connection.models.Product ?? connection.model('Product', productSchema, 'products');
