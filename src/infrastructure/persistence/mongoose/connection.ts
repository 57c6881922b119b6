import mongoose, { type Connection } from 'mongoose';

/**
 * The process's one Mongoose connection. `sanitizeFilter` strips `$`-keys from filters as a second line of
 * defence behind zod (STACK-NOTES); `autoIndex: false` because start-up creates indexes explicitly (DESIGN.md D2).
 */
export async function connectMongo(uri: string, options: { maxPoolSize?: number } = {}): Promise<Connection> {
  const connection = mongoose.createConnection(uri, {
    autoIndex: false,
    autoCreate: false,
    sanitizeFilter: true,
    maxPoolSize: options.maxPoolSize ?? 20,
    serverSelectionTimeoutMS: 10_000,
  });
  await connection.asPromise();
  return connection;
}

/** Creates every registered model's collection and indexes; idempotent, safe from many processes at once. */
export async function ensureIndexes(connection: Connection): Promise<void> {
  for (const model of Object.values(connection.models)) {
    await model.createCollection().catch((error: { code?: number }) => {
      if (error.code !== 48) throw error; // 48 NamespaceExists: another process created it first
    });
    await model.createIndexes();
  }
}
