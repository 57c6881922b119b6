import type { EventRoutes } from '#infrastructure/messaging/event-route';

/** Subscriptions events: where each goes (audit entries and jobs). */
export const subscriptionsEventRoutes: EventRoutes = {};
