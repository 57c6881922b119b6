import { InMemoryInventoryItemRepository } from '#infrastructure/in-memory/inventory/in-memory-inventory-item.repository';
import { UuidV7IdGenerator } from '#infrastructure/ids/uuid-v7.id-generator';
import { inventoryItemRepositoryContract } from '../../../../support/contracts/inventory-item-repository.contract';
import { RecordingDispatcher } from '../../../../support/recording-dispatcher';

// The port's contract on the in-memory adapter the unit tests use; the Mongoose run is in test/integration/inventory.
inventoryItemRepositoryContract('in-memory', async () => {
  const dispatcher = new RecordingDispatcher();
  const repository = new InMemoryInventoryItemRepository(new UuidV7IdGenerator(), dispatcher);
  return { repository, outboxOf: async (id) => repository.outboxOf(id), delivered: () => dispatcher.deliveredTypes };
});
