import {
  BillingAttempt,
  isLiveState,
  type AttemptExpectation,
  type AttemptTransition,
  type BillingAttemptSnapshot,
  type BillingAttemptState,
} from '#domain/billing/billing-attempt/billing-attempt.aggregate';
import type { EventEnvelope } from '#application/shared/events/event-envelope';

export interface BillingAttemptDocument extends Omit<BillingAttemptSnapshot, 'id'> {
  _id: string;
  version: number;
  livePeriodKey?: string;
}

const livePeriodKey = (subscriptionId: string, periodStart: Date) => `${subscriptionId}|${periodStart.getTime()}`;

export const billingAttemptMapper = {
  toDocument({ id, ...rest }: BillingAttemptSnapshot): Omit<BillingAttemptDocument, 'version'> {
    return { _id: id, ...rest, ...(isLiveState(rest.state) ? { livePeriodKey: livePeriodKey(rest.subscriptionId, rest.periodStart) } : {}) };
  },
  toDomain({ _id, version, livePeriodKey: _key, ...rest }: BillingAttemptDocument): BillingAttempt {
    return BillingAttempt.rehydrate({ id: _id, ...rest }, version);
  },
  livePeriodKey,
  /** The expectation as a filter: the write matches nothing unless the stored attempt still meets it. */
  filterOf(attemptId: string, expected: AttemptExpectation): Record<string, unknown> {
    const filter: Record<string, unknown> = { _id: attemptId, state: { $in: [...expected.states] } };
    if (expected.leaseHeldBy !== undefined) filter['lease.owner'] = expected.leaseHeldBy;
    const claim = expected.leaseClaimableBy;
    if (claim) filter.$or = [{ lease: null }, { 'lease.expiresAt': { $lte: claim.at } }, { 'lease.owner': claim.owner }];
    return filter;
  },
  /** `$set` the changes, `$push` the events, `$inc` the version; a move out of the live states frees the period. */
  updateOf(transition: AttemptTransition, entries: readonly EventEnvelope[]): Record<string, unknown> {
    const state = transition.changes.state as BillingAttemptState | undefined;
    return {
      $set: transition.changes,
      $inc: { version: 1 },
      ...(entries.length > 0 ? { $push: { outbox: { $each: entries } } } : {}),
      ...(state !== undefined && !isLiveState(state) ? { $unset: { livePeriodKey: '' } } : {}),
    };
  },
};
