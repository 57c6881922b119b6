import { FULFILLMENT_CENTER_CREATED, FULFILLMENT_CENTER_UPDATED } from '#domain/inventory/fulfillment-center/fulfillment-center.events';
import {
  INVENTORY_ADJUSTED,
  INVENTORY_DEDUCTED,
  INVENTORY_RESERVATION_RELEASED,
  INVENTORY_RESERVED,
  type ReservationRefs,
} from '#domain/inventory/inventory-item/inventory-item.events';
import type { EventEnvelope } from '#application/shared/events/event-envelope';
import { auditEntryFrom, type EventRoutes } from '#infrastructure/messaging/event-route';

/**
 * An inventory item event as an audit entry: about the item, found by product (and by subscription or user when
 * the reservation said what it was for); the data is the payload without the refs.
 */
const itemAudit = (type: string) => ({
  audit: (e: EventEnvelope) => {
    const { refs, ...data } = e.payload as { productId: string; refs?: ReservationRefs };
    return auditEntryFrom(e, {
      type,
      subject: { type: 'inventory_item', id: e.aggregateId },
      refs: { productId: data.productId, ...(refs?.subscriptionId ? { subscriptionId: refs.subscriptionId } : {}), ...(refs?.userId ? { userId: refs.userId } : {}) },
      data,
    });
  },
});

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
  [INVENTORY_ADJUSTED]: itemAudit('inventory.adjusted'),
  [INVENTORY_RESERVED]: itemAudit('inventory.reserved'),
  [INVENTORY_DEDUCTED]: itemAudit('inventory.deducted'),
  [INVENTORY_RESERVATION_RELEASED]: itemAudit('inventory.released'),
};
