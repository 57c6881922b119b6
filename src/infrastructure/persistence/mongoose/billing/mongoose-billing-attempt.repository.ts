import type { Connection, Model } from 'mongoose';
import { inject, injectable } from 'tsyringe';
import type { AttemptTransition, BillingAttempt } from '#domain/billing/billing-attempt/billing-attempt.aggregate';
import type { BillingAttemptRepository, InsertAttemptResult } from '#domain/billing/billing-attempt/billing-attempt.repository';
import type { EventMetadata } from '#domain/shared/domain-event';
import { MongooseConnection } from '#infrastructure/di/tokens';
import { billingAttemptMapper, type BillingAttemptDocument } from '#infrastructure/persistence/mongoose/billing/billing-attempt.mapper';
import { billingAttemptModel } from '#infrastructure/persistence/mongoose/billing/billing-attempt.schema';
import { isDuplicateKeyError } from '#infrastructure/persistence/mongoose/shared/mongo-errors';
import { MongooseAggregateWriter } from '#infrastructure/persistence/mongoose/shared/mongoose-aggregate-writer';

const WITHOUT_OUTBOX = { projection: { outbox: 0 } };

/**
 * Billing attempts: an insert guarded by two unique indexes, then every saga step as one conditional `updateOne`
 * whose filter is the step's expectation (state, lease) and whose update `$push`es the step's events into the
 * same document's outbox (DESIGN.md D3/D4).
 */
@injectable()
export class MongooseBillingAttemptRepository implements BillingAttemptRepository {
  private readonly model: Model<any>;

  constructor(
    @inject(MongooseConnection) connection: Connection,
    @inject(MongooseAggregateWriter) private readonly writer: MongooseAggregateWriter,
  ) {
    this.model = billingAttemptModel(connection);
  }

  async insert(attempt: BillingAttempt, meta: EventMetadata): Promise<InsertAttemptResult> {
    const entries = this.writer.envelope(attempt.pullDomainEvents(), meta);
    const snapshot = attempt.toSnapshot();
    try {
      await this.model.collection.insertOne({ ...billingAttemptMapper.toDocument(snapshot), version: 1, outbox: entries } as never);
    } catch (error) {
      if (!isDuplicateKeyError(error)) throw error;
      // Which unique key? Ask the data rather than the error text (servers word it differently).
      return (await this.findByKey(snapshot.subscriptionId, snapshot.periodStart, snapshot.attemptSeq)) ? 'key_taken' : 'period_taken';
    }
    attempt.markSaved();
    await this.writer.dispatchAfterWrite(this.model, snapshot.id, entries);
    return 'inserted';
  }

  async apply(transition: AttemptTransition, meta: EventMetadata): Promise<boolean> {
    const entries = this.writer.envelope(transition.events, meta);
    const result = await this.model.collection.updateOne(
      billingAttemptMapper.filterOf(transition.attemptId, transition.expected) as never,
      billingAttemptMapper.updateOf(transition, entries) as never,
    );
    if (result.matchedCount === 0) return false;
    await this.writer.dispatchAfterWrite(this.model, transition.attemptId, entries);
    return true;
  }

  async findById(id: string): Promise<BillingAttempt | null> {
    return this.one({ _id: id });
  }

  async findByKey(subscriptionId: string, periodStart: Date, attemptSeq: number): Promise<BillingAttempt | null> {
    return this.one({ subscriptionId, periodStart, attemptSeq });
  }

  async findLiveForPeriod(subscriptionId: string, periodStart: Date): Promise<BillingAttempt | null> {
    return this.one({ livePeriodKey: billingAttemptMapper.livePeriodKey(subscriptionId, periodStart) });
  }

  private async one(filter: Record<string, unknown>): Promise<BillingAttempt | null> {
    const doc = await this.model.collection.findOne<BillingAttemptDocument>(filter, WITHOUT_OUTBOX);
    return doc ? billingAttemptMapper.toDomain(doc) : null;
  }
}
