import { FulfillmentCenter, type FulfillmentCenterSnapshot } from '#domain/inventory/fulfillment-center/fulfillment-center.aggregate';
import type { FulfillmentCenterRepository } from '#domain/inventory/fulfillment-center/fulfillment-center.repository';
import type { EventMetadata } from '#domain/shared/domain-event';
import type { IdGenerator } from '#application/shared/ports/id-generator.port';
import type { OutboxDispatcher } from '#infrastructure/messaging/outbox-dispatcher';
import { InMemoryAggregateStore } from '#infrastructure/in-memory/shared/in-memory-aggregate-store';

export class InMemoryFulfillmentCenterRepository implements FulfillmentCenterRepository {
  readonly store: InMemoryAggregateStore<FulfillmentCenterSnapshot>;

  constructor(ids: IdGenerator, dispatcher?: OutboxDispatcher) {
    this.store = new InMemoryAggregateStore('FulfillmentCenter', ids, dispatcher, { code: (s) => s.code });
  }

  async save(center: FulfillmentCenter, meta: EventMetadata): Promise<void> {
    await this.store.save(center, center.toSnapshot(), meta);
  }

  async findById(id: string): Promise<FulfillmentCenter | null> {
    return this.store.find(id, FulfillmentCenter.rehydrate);
  }

  async findByCode(code: string): Promise<FulfillmentCenter | null> {
    return this.store.findWhere((s) => s.code === code.toUpperCase(), FulfillmentCenter.rehydrate);
  }

  async findAll(): Promise<FulfillmentCenter[]> {
    return this.store.snapshots().map((s) => FulfillmentCenter.rehydrate(s, this.store.get(s.id)!.version));
  }
}
