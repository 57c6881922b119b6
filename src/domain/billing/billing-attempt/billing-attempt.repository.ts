import type { EventMetadata } from '#domain/shared/domain-event';
import type { AttemptTransition, BillingAttempt } from '#domain/billing/billing-attempt/billing-attempt.aggregate';

export type InsertAttemptResult = 'inserted' | 'key_taken' | 'period_taken';

export interface BillingAttemptRepository {
  /**
   * Inserts a new attempt with its events. `key_taken`: this (subscription, period, attemptSeq) already exists;
   * `period_taken`: another attempt already holds the period (in flight, charged or fulfilled).
   */
  insert(attempt: BillingAttempt, meta: EventMetadata): Promise<InsertAttemptResult>;
  /** One conditional write (DESIGN.md D4); false when the stored attempt no longer meets the transition's expectation. */
  apply(transition: AttemptTransition, meta: EventMetadata): Promise<boolean>;
  findById(id: string): Promise<BillingAttempt | null>;
  findByKey(subscriptionId: string, periodStart: Date, attemptSeq: number): Promise<BillingAttempt | null>;
  /** The attempt holding this period (in flight, charged or fulfilled), if any. */
  findLiveForPeriod(subscriptionId: string, periodStart: Date): Promise<BillingAttempt | null>;
}
export const BillingAttemptRepository = Symbol('BillingAttemptRepository');
