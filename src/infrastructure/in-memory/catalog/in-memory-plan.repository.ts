import { Plan, type PlanSnapshot } from '#domain/catalog/plan/plan.aggregate';
import type { PlanRepository } from '#domain/catalog/plan/plan.repository';
import type { EventMetadata } from '#domain/shared/domain-event';
import type { IdGenerator } from '#application/shared/ports/id-generator.port';
import type { OutboxDispatcher } from '#infrastructure/messaging/outbox-dispatcher';
import { InMemoryAggregateStore } from '#infrastructure/in-memory/shared/in-memory-aggregate-store';

export class InMemoryPlanRepository implements PlanRepository {
  readonly store: InMemoryAggregateStore<PlanSnapshot>;

  constructor(ids: IdGenerator, dispatcher?: OutboxDispatcher) {
    this.store = new InMemoryAggregateStore('Plan', ids, dispatcher);
  }

  async save(plan: Plan, meta: EventMetadata): Promise<void> {
    await this.store.save(plan, plan.toSnapshot(), meta);
  }

  async findById(id: string): Promise<Plan | null> {
    return this.store.find(id, Plan.rehydrate);
  }
}
