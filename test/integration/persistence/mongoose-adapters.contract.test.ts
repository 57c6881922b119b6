import { afterAll } from 'bun:test';
import type { Connection } from 'mongoose';
import { UuidV7IdGenerator } from '#infrastructure/ids/uuid-v7.id-generator';
import { MongooseAuditLog } from '#infrastructure/persistence/mongoose/audit/mongoose-audit-log';
import { connectMongo, ensureIndexes } from '#infrastructure/persistence/mongoose/connection';
import { fulfillmentCenterModel } from '#infrastructure/persistence/mongoose/inventory/fulfillment-center.schema';
import { MongooseFulfillmentCenterRepository } from '#infrastructure/persistence/mongoose/inventory/mongoose-fulfillment-center.repository';
import { MongooseAggregateWriter } from '#infrastructure/persistence/mongoose/shared/mongoose-aggregate-writer';
import { auditLogContract } from '../../support/contracts/audit-log.contract';
import { fulfillmentCenterRepositoryContract } from '../../support/contracts/fulfillment-center-repository.contract';
import { canServeCompoundRangeScans, reportLeftOut } from '../../support/capabilities';
import { RecordingDispatcher } from '../../support/recording-dispatcher';
import { mongoUriFor, uniqueName } from '../../support/test-services';

const connections: Connection[] = [];

/** A fresh database per test: the contract's tests assume an empty store. */
async function freshConnection(): Promise<Connection> {
  const connection = await connectMongo(mongoUriFor(uniqueName('contract')));
  connections.push(connection);
  fulfillmentCenterModel(connection);
  new MongooseAuditLog(connection);
  await ensureIndexes(connection);
  return connection;
}

afterAll(async () => {
  for (const c of connections) {
    await c.dropDatabase().catch(() => {});
    await c.close();
  }
});

fulfillmentCenterRepositoryContract('mongoose', async () => {
  const connection = await freshConnection();
  const dispatcher = new RecordingDispatcher();
  const repository = new MongooseFulfillmentCenterRepository(connection, new MongooseAggregateWriter(new UuidV7IdGenerator(), dispatcher));
  return {
    repository,
    outboxOf: async (id) => ((await fulfillmentCenterModel(connection).collection.findOne({ _id: id as never }))?.outbox ?? []) as never,
    delivered: () => dispatcher.deliveredTypes,
  };
});

const compoundRangeScans = await canServeCompoundRangeScans();
if (!compoundRangeScans) {
  reportLeftOut('mongoose-adapters.contract', '`from`/`to` combine with a ref filter', 'the server drops the inclusive bound of a range after an equality prefix (SecantusDB)');
}
auditLogContract('mongoose', async () => new MongooseAuditLog(await freshConnection()), { compoundRangeScans });
