import { FULFILLMENT_CENTER_CREATED, FULFILLMENT_CENTER_UPDATED } from '#domain/inventory/fulfillment-center/fulfillment-center.events';
import { auditEntryFrom, type EventRoutes } from '#infrastructure/messaging/event-route';

/** Inventory events: where each goes (audit entries and jobs). */
export const inventoryEventRoutes: EventRoutes = {
  [FULFILLMENT_CENTER_CREATED]: {
    audit: (e) =>
      auditEntryFrom(e, { type: 'fulfillment_center.created', subject: { type: 'fulfillment_center', id: e.aggregateId }, refs: {}, data: e.payload }),
  },
  [FULFILLMENT_CENTER_UPDATED]: {
    audit: (e) =>
      auditEntryFrom(e, { type: 'fulfillment_center.updated', subject: { type: 'fulfillment_center', id: e.aggregateId }, refs: {}, data: e.payload }),
  },
};
