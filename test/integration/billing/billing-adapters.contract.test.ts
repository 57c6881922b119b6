/** The billing, subscription and order contracts on the Mongoose adapters and the MongoDB-ledger gateway. */
import { afterAll } from 'bun:test';
import type { Connection } from 'mongoose';
import { UuidV7IdGenerator } from '#infrastructure/ids/uuid-v7.id-generator';
import { MongoSimulatedPaymentGateway } from '#infrastructure/payments/mongo-simulated-payment-gateway';
import { billingAttemptModel } from '#infrastructure/persistence/mongoose/billing/billing-attempt.schema';
import { MongooseBillingAttemptRepository } from '#infrastructure/persistence/mongoose/billing/mongoose-billing-attempt.repository';
import { paymentLedgerModel } from '#infrastructure/persistence/mongoose/billing/payment-ledger.schema';
import { connectMongo, ensureIndexes } from '#infrastructure/persistence/mongoose/connection';
import { MongooseOrderRepository } from '#infrastructure/persistence/mongoose/orders/mongoose-order.repository';
import { orderModel } from '#infrastructure/persistence/mongoose/orders/order.schema';
import { MongooseAggregateWriter } from '#infrastructure/persistence/mongoose/shared/mongoose-aggregate-writer';
import { MongooseSubscriptionRepository } from '#infrastructure/persistence/mongoose/subscriptions/mongoose-subscription.repository';
import { subscriptionModel } from '#infrastructure/persistence/mongoose/subscriptions/subscription.schema';
import { billingAttemptRepositoryContract } from '../../support/contracts/billing-attempt-repository.contract';
import { orderRepositoryContract } from '../../support/contracts/billing-order-repository.contract';
import { paymentGatewayContract } from '../../support/contracts/billing-payment-gateway.contract';
import { subscriptionRepositoryContract } from '../../support/contracts/billing-subscription-repository.contract';
import { RecordingDispatcher } from '../../support/recording-dispatcher';
import { mongoUriFor, uniqueName } from '../../support/test-services';

const connections: Connection[] = [];

async function freshConnection(): Promise<Connection> {
  const connection = await connectMongo(mongoUriFor(uniqueName('billing')));
  connections.push(connection);
  subscriptionModel(connection);
  billingAttemptModel(connection);
  orderModel(connection);
  paymentLedgerModel(connection);
  await ensureIndexes(connection);
  return connection;
}

afterAll(async () => {
  for (const c of connections) {
    await c.dropDatabase().catch(() => {});
    await c.close();
  }
});

function writer(dispatcher = new RecordingDispatcher()) {
  return { dispatcher, writer: new MongooseAggregateWriter(new UuidV7IdGenerator(), dispatcher) };
}

billingAttemptRepositoryContract('mongoose', async () => {
  const connection = await freshConnection();
  const { dispatcher, writer: w } = writer();
  return {
    repository: new MongooseBillingAttemptRepository(connection, w),
    outboxOf: async (id) => ((await billingAttemptModel(connection).collection.findOne({ _id: id as never }))?.outbox ?? []) as never,
    delivered: () => dispatcher.deliveredTypes,
  };
});

subscriptionRepositoryContract('mongoose', async () => {
  const { dispatcher, writer: w } = writer();
  return { repository: new MongooseSubscriptionRepository(await freshConnection(), w), delivered: () => dispatcher.deliveredTypes };
});

orderRepositoryContract('mongoose', async () => ({ repository: new MongooseOrderRepository(await freshConnection(), writer().writer) }));

paymentGatewayContract('mongodb ledger', async () => {
  const gateway = new MongoSimulatedPaymentGateway(await freshConnection(), { failureRate: 0.5, latencyMs: 0 });
  return { gateway, ledger: () => gateway.entries() };
});
