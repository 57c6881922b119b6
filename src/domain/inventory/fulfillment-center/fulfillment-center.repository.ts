import type { EventMetadata } from '#domain/shared/domain-event';
import type { FulfillmentCenter } from '#domain/inventory/fulfillment-center/fulfillment-center.aggregate';

export interface FulfillmentCenterRepository {
  /** Versioned save with the recorded events; a taken code raises UniqueConstraintError('code'). */
  save(center: FulfillmentCenter, meta: EventMetadata): Promise<void>;
  findById(id: string): Promise<FulfillmentCenter | null>;
  findByCode(code: string): Promise<FulfillmentCenter | null>;
  /** Every center, for allocation (the set is small: tens, not thousands). */
  findAll(): Promise<FulfillmentCenter[]>;
}
export const FulfillmentCenterRepository = Symbol('FulfillmentCenterRepository');
