import type { EventRoutes } from '#infrastructure/messaging/event-route';

/** Billing events: where each goes (audit entries and jobs). */
export const billingEventRoutes: EventRoutes = {};
