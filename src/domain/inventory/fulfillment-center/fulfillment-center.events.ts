import type { DomainEvent } from '#domain/shared/domain-event';

export const FULFILLMENT_CENTER_CREATED = 'inventory.fulfillment_center.created';
export const FULFILLMENT_CENTER_UPDATED = 'inventory.fulfillment_center.updated';

export type FulfillmentCenterCreatedEvent = DomainEvent<{ code: string; name: string; priority: number; active: boolean }>;
/** `changes` holds only the fields that changed, each as `{ from, to }`. */
export type FulfillmentCenterUpdatedEvent = DomainEvent<{ code: string; changes: Record<string, { from: unknown; to: unknown }> }>;
