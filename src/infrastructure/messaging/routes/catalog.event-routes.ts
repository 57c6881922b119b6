import type { EventRoutes } from '#infrastructure/messaging/event-route';

/** Catalog events: where each goes (audit entries and jobs). */
export const catalogEventRoutes: EventRoutes = {};
