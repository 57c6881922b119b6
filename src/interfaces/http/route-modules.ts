import type { OpenAPIHono } from '@hono/zod-openapi';
import type { DependencyContainer } from 'tsyringe';
import type { AppEnv } from '#interfaces/http/app-env';
import { registerAuditRoutes } from '#interfaces/http/audit/audit.routes';
import { registerCatalogRoutes } from '#interfaces/http/catalog/catalog.routes';
import { registerIdentityRoutes } from '#interfaces/http/identity/identity.routes';
import { registerInventoryRoutes } from '#interfaces/http/inventory/inventory.routes';
import { registerBillingRoutes } from '#interfaces/http/billing/billing.routes';
import { registerOrderRoutes } from '#interfaces/http/orders/orders.routes';
import { registerSubscriptionRoutes } from '#interfaces/http/subscriptions/subscriptions.routes';

export type RouteModule = (app: OpenAPIHono<AppEnv>, container: DependencyContainer) => void;

/**
 * The API's route modules, one per bounded context (`<ctx>/<ctx>.routes.ts`). Each declares its routes with
 * `defineRoute(access, …)`, so the access rule of every route lives next to the route.
 */
export const HTTP_ROUTE_MODULES: readonly RouteModule[] = [registerIdentityRoutes, registerAuditRoutes, registerCatalogRoutes, registerInventoryRoutes, registerSubscriptionRoutes, registerOrderRoutes, registerBillingRoutes];
