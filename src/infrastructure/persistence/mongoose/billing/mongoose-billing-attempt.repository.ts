import type { Connection } from 'mongoose';
import { inject, injectable } from 'tsyringe';
import type { AttemptTransition, BillingAttempt, BillingAttemptSnapshot } from '#domain/billing/billing-attempt/billing-attempt.aggregate';
import type { BillingAttemptRepository, InsertAttemptResult } from '#domain/billing/billing-attempt/billing-attempt.repository';
import type { EventMetadata } from '#domain/shared/domain-event';
import { MongooseConnection } from '#infrastructure/di/tokens';
import { billingAttemptMapper, type BillingAttemptDocument } from '#infrastructure/persistence/mongoose/billing/billing-attempt.mapper';
import { billingAttemptModel } from '#infrastructure/persistence/mongoose/billing/billing-attempt.schema';
import { AggregateDocuments } from '#infrastructure/persistence/mongoose/shared/aggregate-documents';
import { isDuplicateKeyError } from '#infrastructure/persistence/mongoose/shared/mongo-errors';
import { MongooseAggregateWriter } from '#infrastructure/persistence/mongoose/shared/mongoose-aggregate-writer';

/**
 * Billing attempts: an insert guarded by two unique indexes, then every saga step as one conditional `updateOne`
 * whose filter is the step's expectation (state, lease) and whose update `$push`es the step's events into the
 * same document's outbox (DESIGN.md D3/D4).
 */
@injectable()
export class MongooseBillingAttemptRepository implements BillingAttemptRepository {
  private readonly attempts: AggregateDocuments<BillingAttemptDocument, BillingAttempt, BillingAttemptSnapshot>;

  constructor(@inject(MongooseConnection) connection: Connection, @inject(MongooseAggregateWriter) writer: MongooseAggregateWriter) {
    this.attempts = new AggregateDocuments(billingAttemptModel(connection), writer, billingAttemptMapper);
  }

  async insert(attempt: BillingAttempt, meta: EventMetadata): Promise<InsertAttemptResult> {
    const { model, writer } = this.attempts;
    const entries = writer.envelope(attempt.pullDomainEvents(), meta);
    const snapshot = attempt.toSnapshot();
    try {
      await model.collection.insertOne({ ...billingAttemptMapper.toDocument(snapshot), version: 1, outbox: entries } as never);
    } catch (error) {
      if (!isDuplicateKeyError(error)) throw error;
      // Which unique key? Ask the data rather than the error text (servers word it differently).
      return (await this.findByKey(snapshot.subscriptionId, snapshot.periodStart, snapshot.attemptSeq)) ? 'key_taken' : 'period_taken';
    }
    attempt.markSaved();
    await writer.dispatchAfterWrite(model, snapshot.id, entries);
    return 'inserted';
  }

  async apply(transition: AttemptTransition, meta: EventMetadata): Promise<boolean> {
    const { model, writer } = this.attempts;
    const entries = writer.envelope(transition.events, meta);
    const result = await model.collection.updateOne(
      billingAttemptMapper.filterOf(transition.attemptId, transition.expected) as never,
      billingAttemptMapper.updateOf(transition, entries) as never,
    );
    if (result.matchedCount === 0) return false;
    await writer.dispatchAfterWrite(model, transition.attemptId, entries);
    return true;
  }

  async findById(id: string): Promise<BillingAttempt | null> {
    return this.attempts.findOne({ _id: id });
  }

  async findByKey(subscriptionId: string, periodStart: Date, attemptSeq: number): Promise<BillingAttempt | null> {
    return this.attempts.findOne({ subscriptionId, periodStart, attemptSeq });
  }

  async findLiveForPeriod(subscriptionId: string, periodStart: Date): Promise<BillingAttempt | null> {
    return this.attempts.findOne({ livePeriodKey: billingAttemptMapper.livePeriodKey(subscriptionId, periodStart) });
  }
}
