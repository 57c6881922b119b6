import {
  BillingAttempt,
  isLiveState,
  meetsExpectation,
  type AttemptTransition,
  type BillingAttemptSnapshot,
} from '#domain/billing/billing-attempt/billing-attempt.aggregate';
import type { BillingAttemptRepository, InsertAttemptResult } from '#domain/billing/billing-attempt/billing-attempt.repository';
import { UniqueConstraintError } from '#domain/shared/domain-error';
import type { EventMetadata } from '#domain/shared/domain-event';
import type { IdGenerator } from '#application/shared/ports/id-generator.port';
import { envelopeEvents } from '#infrastructure/messaging/envelope';
import type { OutboxDispatcher } from '#infrastructure/messaging/outbox-dispatcher';
import { InMemoryAggregateStore } from '#infrastructure/in-memory/shared/in-memory-aggregate-store';

/** Attempts in memory, with the Mongo adapter's unique keys and its check-and-set transitions (atomic: no await between). */
export class InMemoryBillingAttemptRepository implements BillingAttemptRepository {
  readonly store: InMemoryAggregateStore<BillingAttemptSnapshot>;

  constructor(private readonly ids: IdGenerator, dispatcher?: OutboxDispatcher) {
    this.store = new InMemoryAggregateStore('BillingAttempt', ids, dispatcher, {
      attemptKey: (s) => `${s.subscriptionId}|${s.periodStart.getTime()}|${s.attemptSeq}`,
      livePeriodKey: (s) => (isLiveState(s.state) ? `${s.subscriptionId}|${s.periodStart.getTime()}` : undefined),
    });
  }

  async insert(attempt: BillingAttempt, meta: EventMetadata): Promise<InsertAttemptResult> {
    try {
      await this.store.save(attempt, attempt.toSnapshot(), meta);
      return 'inserted';
    } catch (error) {
      if (!(error instanceof UniqueConstraintError)) throw error;
      return error.field === 'attemptKey' ? 'key_taken' : 'period_taken';
    }
  }

  async apply(transition: AttemptTransition, meta: EventMetadata): Promise<boolean> {
    const doc = this.store.get(transition.attemptId);
    if (!doc || !meetsExpectation(doc.snapshot, transition.expected)) return false;
    const entries = envelopeEvents(transition.events, meta, this.ids);
    await this.store.appendToOutbox(transition.attemptId, entries, (s) => ({ ...s, ...transition.changes }));
    return true;
  }

  async findById(id: string): Promise<BillingAttempt | null> {
    return this.store.find(id, BillingAttempt.rehydrate);
  }

  async findByKey(subscriptionId: string, periodStart: Date, attemptSeq: number): Promise<BillingAttempt | null> {
    return this.store.findWhere(
      (s) => s.subscriptionId === subscriptionId && s.periodStart.getTime() === periodStart.getTime() && s.attemptSeq === attemptSeq,
      BillingAttempt.rehydrate,
    );
  }

  async findLiveForPeriod(subscriptionId: string, periodStart: Date): Promise<BillingAttempt | null> {
    return this.store.findWhere(
      (s) => s.subscriptionId === subscriptionId && s.periodStart.getTime() === periodStart.getTime() && isLiveState(s.state),
      BillingAttempt.rehydrate,
    );
  }
}
