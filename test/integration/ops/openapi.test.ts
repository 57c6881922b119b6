import { afterAll, beforeAll, describe, expect, it } from 'bun:test';
import { startTestApp, type TestApp } from '../../support/test-app';

/**
 * API.md's routes, written out literally (OpenAPI path form). The document must hold every one of them; this list
 * is the contract, so it is not derived from the app.
 */
const API_MD_ROUTES = [
  // Health, docs, ops
  'GET /health',
  'GET /health/ready',
  'GET /openapi.json',
  'GET /docs',
  'GET /metrics',
  'POST /api/v1/admin/dashboard-session',
  'GET /admin/queues',
  // Auth
  'POST /api/v1/auth/register',
  'POST /api/v1/auth/login',
  'GET /api/v1/auth/me',
  // Catalog
  'POST /api/v1/products',
  'POST /api/v1/products/{id}/archive',
  'GET /api/v1/products',
  'GET /api/v1/products/{id}',
  'POST /api/v1/plans',
  'POST /api/v1/plans/{id}/archive',
  'GET /api/v1/plans',
  'GET /api/v1/plans/{id}',
  // Fulfillment centers and inventory
  'POST /api/v1/fulfillment-centers',
  'PATCH /api/v1/fulfillment-centers/{id}',
  'GET /api/v1/fulfillment-centers',
  'POST /api/v1/inventory/adjustments',
  'GET /api/v1/inventory',
  // Subscriptions
  'POST /api/v1/subscriptions',
  'GET /api/v1/subscriptions',
  'GET /api/v1/subscriptions/{id}',
  'POST /api/v1/subscriptions/{id}/cancel',
  'PUT /api/v1/subscriptions/{id}/payment-method',
  'GET /api/v1/subscriptions/{id}/schedule',
  // Orders
  'GET /api/v1/orders',
  'GET /api/v1/orders/{id}',
  // Billing operations and the simulation clock
  'POST /api/v1/admin/billing/run',
  'GET /api/v1/admin/clock',
  'POST /api/v1/admin/clock/advance',
  // Audit logs
  'GET /api/v1/admin/audit-logs',
] as const;

/** Served and documented, though API.md does not list it: the files of the `/docs` page itself. */
const DOCS_PAGE_ASSETS = 'GET /docs/assets/{file}';

/** The dashboard's own pages, assets and API (Bull Board's), left out of the document by name (API.md). */
const isDashboardOwnPage = (path: string) => path.startsWith('/admin/queues/');

const HTTP_METHODS = new Set(['GET', 'POST', 'PUT', 'PATCH', 'DELETE']);

let app: TestApp;
let doc: any;

beforeAll(async () => {
  // The simulation clock on, so that every route of API.md is mounted.
  app = await startTestApp({ SIMULATION_CLOCK: 'true' });
  doc = (await app.http.get('/openapi.json')).body;
});
afterAll(async () => {
  await app?.close();
});

function documentedOperations(): string[] {
  return Object.entries(doc.paths as Record<string, Record<string, unknown>>).flatMap(([path, item]) =>
    Object.keys(item)
      .filter((method) => HTTP_METHODS.has(method.toUpperCase()))
      .map((method) => `${method.toUpperCase()} ${path}`),
  );
}

function servedOperations(): string[] {
  const served = app.runtime.app.routes
    .filter((route) => HTTP_METHODS.has(route.method) && !isDashboardOwnPage(route.path))
    .map((route) => `${route.method} ${route.path.replace(/:([A-Za-z0-9_]+)/g, '{$1}')}`);
  return [...new Set(served)];
}

describe('the OpenAPI document (GET /openapi.json)', () => {
  it('is OpenAPI 3.1 with the API title and a bearer security scheme', () => {
    expect(doc.openapi).toBe('3.1.0');
    expect(doc.info.title).toBe('Subscription Commerce API');
    expect(doc.components.securitySchemes.bearerAuth).toMatchObject({ type: 'http', scheme: 'bearer' });
  });

  it('documents every route the app serves, and nothing the app does not serve', () => {
    expect(documentedOperations().sort()).toEqual(servedOperations().sort());
  });

  it('documents every route of API.md, and nothing beyond them but the /docs page assets', () => {
    const documented = documentedOperations();
    const missing = API_MD_ROUTES.filter((route) => !documented.includes(route));
    expect(missing).toEqual([]);
    const extra = documented.filter((route) => !(API_MD_ROUTES as readonly string[]).includes(route));
    expect(extra).toEqual([DOCS_PAGE_ASSETS]);
  });

  it('gives every operation tags, a success response with a schema, and problem+json error responses', () => {
    for (const [path, item] of Object.entries(doc.paths as Record<string, Record<string, any>>)) {
      for (const [method, operation] of Object.entries(item)) {
        const what = `${method.toUpperCase()} ${path}`;
        expect({ what, tags: operation.tags?.length > 0 }).toEqual({ what, tags: true });
        const statuses = Object.keys(operation.responses);
        const success = statuses.filter((s) => /^2\d\d$/.test(s));
        expect({ what, success: success.length > 0 }).toEqual({ what, success: true });
        for (const status of success.filter((s) => s !== '204')) {
          const content = Object.values(operation.responses[status].content ?? {}) as Array<{ schema?: unknown }>;
          expect({ what, status, schema: content.length > 0 && content.every((c) => c.schema !== undefined) }).toEqual({ what, status, schema: true });
        }
        for (const status of statuses.filter((s) => /^[45]\d\d$/.test(s))) {
          expect({ what, status, types: Object.keys(operation.responses[status].content ?? {}) }).toEqual({ what, status, types: ['application/problem+json'] });
        }
      }
    }
  });

  it('marks every route that needs a token with the bearer scheme and its 401/403 responses', () => {
    let checked = 0;
    for (const [path, item] of Object.entries(doc.paths as Record<string, Record<string, any>>)) {
      for (const [method, operation] of Object.entries(item)) {
        const access = operation['x-access'];
        if (access === undefined || access === 'public') continue;
        const what = `${method.toUpperCase()} ${path}`;
        checked += 1;
        expect({ what, security: operation.security, has401: '401' in operation.responses, has403: '403' in operation.responses }).toEqual({
          what,
          security: [{ bearerAuth: [] }],
          has401: true,
          has403: true,
        });
      }
    }
    expect(checked).toBeGreaterThan(0);
  });

  it('documents the Idempotency-Key header and its 409/422 answers on every POST', () => {
    const posts = Object.entries(doc.paths as Record<string, Record<string, any>>).flatMap(([path, item]) => (item.post ? [[path, item.post]] : []));
    expect(posts.length).toBeGreaterThan(0);
    for (const [path, operation] of posts) {
      const header = (operation.parameters ?? []).find((p: any) => p.in === 'header' && p.name.toLowerCase() === 'idempotency-key');
      expect({ path, header: header?.schema?.maxLength, has409: '409' in operation.responses, has422: '422' in operation.responses }).toEqual({
        path,
        header: 255,
        has409: true,
        has422: true,
      });
    }
  });
});
