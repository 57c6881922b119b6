import { InMemoryAuditLog } from '#infrastructure/in-memory/audit/in-memory-audit-log';
import { InMemoryFulfillmentCenterRepository } from '#infrastructure/in-memory/inventory/in-memory-fulfillment-center.repository';
import { UuidV7IdGenerator } from '#infrastructure/ids/uuid-v7.id-generator';
import { auditLogContract } from '../../../support/contracts/audit-log.contract';
import { fulfillmentCenterRepositoryContract } from '../../../support/contracts/fulfillment-center-repository.contract';
import { RecordingDispatcher } from '../../../support/recording-dispatcher';

fulfillmentCenterRepositoryContract('in-memory', async () => {
  const dispatcher = new RecordingDispatcher();
  const repository = new InMemoryFulfillmentCenterRepository(new UuidV7IdGenerator(), dispatcher);
  return { repository, outboxOf: async (id) => repository.store.outboxOf(id), delivered: () => dispatcher.deliveredTypes };
});

auditLogContract('in-memory', async () => new InMemoryAuditLog());
