import { Schema, type Connection } from 'mongoose';
import { withOutbox } from '#infrastructure/persistence/mongoose/shared/outbox.schema';

/** `email` is stored as typed; `emailKey` (Email.normalize) carries the case-insensitive unique index. */
export const userSchema = withOutbox(
  new Schema(
    {
      _id: { type: String, required: true },
      email: { type: String, required: true },
      emailKey: { type: String, required: true },
      name: { type: String, required: true },
      role: { type: String, required: true, enum: ['USER', 'ADMIN'] },
      passwordHash: { type: String, required: true },
      createdAt: { type: Date, required: true },
      updatedAt: { type: Date, required: true },
    },
    { versionKey: false },
  ),
);
userSchema.index({ emailKey: 1 }, { unique: true });
userSchema.index({ createdAt: -1, _id: -1 });

export const userModel = (connection: Connection) => connection.models.User ?? connection.model('User', userSchema, 'users');
