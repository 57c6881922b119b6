import type { EventRoutes } from '#infrastructure/messaging/event-route';
import { billingEventRoutes } from '#infrastructure/messaging/routes/billing.event-routes';
import { catalogEventRoutes } from '#infrastructure/messaging/routes/catalog.event-routes';
import { identityEventRoutes } from '#infrastructure/messaging/routes/identity.event-routes';
import { inventoryEventRoutes } from '#infrastructure/messaging/routes/inventory.event-routes';
import { ordersEventRoutes } from '#infrastructure/messaging/routes/orders.event-routes';
import { subscriptionsEventRoutes } from '#infrastructure/messaging/routes/subscriptions.event-routes';

/**
 * The routing table of DESIGN.md D3: event type → audit mapping and jobs (queue, name, deterministic id).
 * Each bounded context keeps its part in `routes/<ctx>.event-routes.ts`; an event type may appear only once.
 */
export const EVENT_ROUTES: EventRoutes = mergeRoutes([
  identityEventRoutes,
  catalogEventRoutes,
  inventoryEventRoutes,
  subscriptionsEventRoutes,
  billingEventRoutes,
  ordersEventRoutes,
]);

function mergeRoutes(parts: readonly EventRoutes[]): EventRoutes {
  const merged: Record<string, EventRoutes[string]> = {};
  for (const part of parts) {
    for (const [type, route] of Object.entries(part)) {
      if (merged[type]) throw new Error(`event type ${type} is routed twice`);
      merged[type] = route;
    }
  }
  return Object.freeze(merged);
}
