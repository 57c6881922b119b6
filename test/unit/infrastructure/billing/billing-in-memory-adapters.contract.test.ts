import { InMemoryBillingAttemptRepository } from '#infrastructure/in-memory/billing/in-memory-billing-attempt.repository';
import { InMemoryPaymentGateway } from '#infrastructure/in-memory/billing/in-memory-payment-gateway';
import { InMemoryOrderRepository } from '#infrastructure/in-memory/orders/in-memory-order.repository';
import { InMemorySubscriptionRepository } from '#infrastructure/in-memory/subscriptions/in-memory-subscription.repository';
import { UuidV7IdGenerator } from '#infrastructure/ids/uuid-v7.id-generator';
import { billingAttemptRepositoryContract } from '../../../support/contracts/billing-attempt-repository.contract';
import { orderRepositoryContract } from '../../../support/contracts/billing-order-repository.contract';
import { paymentGatewayContract } from '../../../support/contracts/billing-payment-gateway.contract';
import { subscriptionRepositoryContract } from '../../../support/contracts/billing-subscription-repository.contract';
import { RecordingDispatcher } from '../../../support/recording-dispatcher';

billingAttemptRepositoryContract('in-memory', async () => {
  const dispatcher = new RecordingDispatcher();
  const repository = new InMemoryBillingAttemptRepository(new UuidV7IdGenerator(), dispatcher);
  return { repository, outboxOf: async (id) => repository.store.outboxOf(id), delivered: () => dispatcher.deliveredTypes };
});

paymentGatewayContract('in-memory', async () => {
  const gateway = new InMemoryPaymentGateway({ failureRate: 0.5 });
  return { gateway, ledger: async () => gateway.ledger() };
});

subscriptionRepositoryContract('in-memory', async () => {
  const dispatcher = new RecordingDispatcher();
  return { repository: new InMemorySubscriptionRepository(new UuidV7IdGenerator(), dispatcher), delivered: () => dispatcher.deliveredTypes };
});

orderRepositoryContract('in-memory', async () => ({ repository: new InMemoryOrderRepository(new UuidV7IdGenerator()) }));
