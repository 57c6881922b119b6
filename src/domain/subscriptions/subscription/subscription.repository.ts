import type { EventMetadata } from '#domain/shared/domain-event';
import type { Subscription } from '#domain/subscriptions/subscription/subscription.aggregate';

/** A position in the billing scan's order: `(nextBillingAt, id)` ascending (DESIGN.md D4). */
export interface DuePosition {
  readonly nextBillingAt: Date;
  readonly id: string;
}

export interface SubscriptionRepository {
  /** Versioned save with the recorded events in the same write (ConcurrencyError when someone saved first). */
  save(subscription: Subscription, meta: EventMetadata): Promise<void>;
  findById(id: string): Promise<Subscription | null>;
  /**
   * Subscriptions due at `now` (`nextBillingAt <= now`; canceled ones have none), in `(nextBillingAt, id)` order,
   * strictly after `after`: one keyset page of the billing scan.
   */
  findDue(now: Date, page: { readonly limit: number; readonly after?: DuePosition }): Promise<Subscription[]>;
}
export const SubscriptionRepository = Symbol('SubscriptionRepository');
