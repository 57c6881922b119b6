import { PLAN_ARCHIVED, PLAN_CREATED } from '#domain/catalog/plan/plan.events';
import { PRODUCT_ARCHIVED, PRODUCT_CREATED } from '#domain/catalog/product/product.events';
import type { EventEnvelope } from '#application/shared/events/event-envelope';
import { auditEntryFrom, type EventRoutes } from '#infrastructure/messaging/event-route';

const product = (type: string) => ({
  audit: (e: EventEnvelope) =>
    auditEntryFrom(e, { type, subject: { type: 'product', id: e.aggregateId }, refs: { productId: e.aggregateId }, data: e.payload }),
});

const plan = (type: string) => ({
  audit: (e: EventEnvelope) => auditEntryFrom(e, { type, subject: { type: 'plan', id: e.aggregateId }, refs: {}, data: e.payload }),
});

/** Catalog events: where each goes (audit entries and jobs). */
export const catalogEventRoutes: EventRoutes = {
  [PRODUCT_CREATED]: product('product.created'),
  [PRODUCT_ARCHIVED]: product('product.archived'),
  [PLAN_CREATED]: plan('plan.created'),
  [PLAN_ARCHIVED]: plan('plan.archived'),
};
