import type { EventRoutes } from '#infrastructure/messaging/event-route';

/** Identity events: where each goes (audit entries and jobs). */
export const identityEventRoutes: EventRoutes = {};
