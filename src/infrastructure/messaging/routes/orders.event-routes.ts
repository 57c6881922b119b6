import type { EventRoutes } from '#infrastructure/messaging/event-route';

/** Orders events: where each goes (audit entries and jobs). */
export const ordersEventRoutes: EventRoutes = {};
