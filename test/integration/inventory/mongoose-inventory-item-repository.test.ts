import { afterAll } from 'bun:test';
import type { Connection } from 'mongoose';
import { UuidV7IdGenerator } from '#infrastructure/ids/uuid-v7.id-generator';
import { connectMongo, ensureIndexes } from '#infrastructure/persistence/mongoose/connection';
import { inventoryItemModel } from '#infrastructure/persistence/mongoose/inventory/inventory-item.schema';
import { MongooseInventoryItemRepository } from '#infrastructure/persistence/mongoose/inventory/mongoose-inventory-item.repository';
import { MongooseAggregateWriter } from '#infrastructure/persistence/mongoose/shared/mongoose-aggregate-writer';
import { inventoryItemRepositoryContract } from '../../support/contracts/inventory-item-repository.contract';
import { RecordingDispatcher } from '../../support/recording-dispatcher';
import { mongoUriFor, uniqueName } from '../../support/test-services';

const connections: Connection[] = [];

afterAll(async () => {
  for (const connection of connections) {
    await connection.dropDatabase().catch(() => {});
    await connection.close();
  }
});

inventoryItemRepositoryContract('mongoose', async () => {
  // A fresh database per test: the contract assumes an empty store.
  const connection = await connectMongo(mongoUriFor(uniqueName('inventory')));
  connections.push(connection);
  const model = inventoryItemModel(connection);
  await ensureIndexes(connection);
  const dispatcher = new RecordingDispatcher();
  const repository = new MongooseInventoryItemRepository(connection, new MongooseAggregateWriter(new UuidV7IdGenerator(), dispatcher));
  return {
    repository,
    outboxOf: async (id) => ((await model.collection.findOne({ _id: id as never }))?.outbox ?? []) as never,
    delivered: () => dispatcher.deliveredTypes,
  };
});
