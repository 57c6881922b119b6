import { afterAll, beforeAll, describe, expect, it } from 'bun:test';
import { ACCESS_APP_OVERRIDES, AccessFixtures, expectStatus, once, servedRoutes, unique, type AccessWorld, type Session } from '../../support/access-fixtures';
import { startTestApp, type TestApp } from '../../support/test-app';

/**
 * The generated access matrix (issue 3, item 3): every route of API.md called as anonymous, USER A (who owns the
 * resources named in the path), USER B (another USER) and ADMIN. The expected outcomes below are written from
 * API.md, never read from the app's route table; one test is generated per (route, caller), and two more tests
 * compare this table with the routes the app actually serves, in both directions.
 */

type Caller = 'anonymous' | 'userA' | 'userB' | 'admin';
const CALLERS: readonly Caller[] = ['anonymous', 'userA', 'userB', 'admin'];

/** A status, or the statuses API.md allows when it names more than one. */
type Outcome = number | readonly number[];
type Row = readonly [route: string, anonymous: Outcome, userA: Outcome, userB: Outcome, admin: Outcome];

// prettier-ignore
const EXPECTED = [
  // Health, docs, ops                                anonymous  USER A       USER B       ADMIN
  ['GET /health',                                        200,      200,         200,         200],
  ['GET /health/ready',                                  200,      200,         200,         200],
  ['GET /openapi.json',                                  200,      200,         200,         200],
  ['GET /docs',                                          200,      200,         200,         200],
  ['GET /metrics',                                       200,      200,         200,         200],
  ['POST /api/v1/admin/dashboard-session',               401,      403,         403,         204],
  // "ADMIN (by that cookie); others get 401/403": a USER cannot obtain the cookie, so it calls with its token.
  ['GET /admin/queues',                                  401,      [401, 403],  [401, 403],  200],
  // Auth
  ['POST /api/v1/auth/register',                         201,      201,         201,         201],
  ['POST /api/v1/auth/login',                            200,      200,         200,         200],
  ['GET /api/v1/auth/me',                                401,      200,         200,         200],
  // Catalog
  ['POST /api/v1/products',                              401,      403,         403,         201],
  ['POST /api/v1/products/{id}/archive',                 401,      403,         403,         200],
  ['GET /api/v1/products',                               401,      200,         200,         200],
  ['GET /api/v1/products/{id}',                          401,      200,         200,         200],
  ['POST /api/v1/plans',                                 401,      403,         403,         201],
  ['POST /api/v1/plans/{id}/archive',                    401,      403,         403,         200],
  ['GET /api/v1/plans',                                  401,      200,         200,         200],
  ['GET /api/v1/plans/{id}',                             401,      200,         200,         200],
  // Fulfillment centers and inventory
  ['POST /api/v1/fulfillment-centers',                   401,      403,         403,         201],
  ['PATCH /api/v1/fulfillment-centers/{id}',             401,      403,         403,         200],
  ['GET /api/v1/fulfillment-centers',                    401,      403,         403,         200],
  ['POST /api/v1/inventory/adjustments',                 401,      403,         403,         201],
  ['GET /api/v1/inventory',                              401,      403,         403,         200],
  // Subscriptions: {id} is always USER A's subscription
  ['POST /api/v1/subscriptions',                         401,      201,         201,         201],
  ['GET /api/v1/subscriptions',                          401,      200,         200,         200],
  ['GET /api/v1/subscriptions/{id}',                     401,      200,         404,         200],
  ['POST /api/v1/subscriptions/{id}/cancel',             401,      200,         404,         200],
  ['PUT /api/v1/subscriptions/{id}/payment-method',      401,      200,         404,         200],
  ['GET /api/v1/subscriptions/{id}/schedule',            401,      200,         404,         200],
  // Orders: {id} is an order of USER A
  ['GET /api/v1/orders',                                 401,      200,         200,         200],
  ['GET /api/v1/orders/{id}',                            401,      200,         404,         200],
  // Billing operations and the simulation clock (SIMULATION_CLOCK=true)
  ['POST /api/v1/admin/billing/run',                     401,      403,         403,         202],
  ['GET /api/v1/admin/clock',                            401,      403,         403,         200],
  ['POST /api/v1/admin/clock/advance',                   401,      403,         403,         200],
  // Audit logs
  ['GET /api/v1/admin/audit-logs',                       401,      403,         403,         200],
] as const satisfies readonly Row[];

type Route = (typeof EXPECTED)[number][0];

/** What to send: a concrete path (ids filled in) and a valid body, so that only access decides the outcome. */
interface Call {
  readonly path: string;
  readonly body?: unknown;
  readonly headers?: Record<string, string>;
}

let app: TestApp;
let fixtures: AccessFixtures;
let world: AccessWorld;
/** USER A's billed subscription and its order (needs the subscriptions, billing and orders routes). */
let billed: () => Promise<{ subscription: { id: string }; order: { id: string } }>;
/** A USER whose only role here is to be signed in by POST /api/v1/auth/login. */
let loginTarget: () => Promise<Session>;

/**
 * How to call each route. State-changing calls get a resource of their own (a product to archive, a subscription
 * to cancel…), so the order in which the tests run cannot change an outcome.
 */
const REQUESTS: { readonly [R in Route]: (caller: Caller) => Promise<Call> } = {
  'GET /health': async () => ({ path: '/health' }),
  'GET /health/ready': async () => ({ path: '/health/ready' }),
  'GET /openapi.json': async () => ({ path: '/openapi.json' }),
  'GET /docs': async () => ({ path: '/docs' }),
  'GET /metrics': async () => ({ path: '/metrics' }),
  'POST /api/v1/admin/dashboard-session': async () => ({ path: '/api/v1/admin/dashboard-session' }),
  'GET /admin/queues': async (caller) => (caller === 'admin' ? { path: '/admin/queues', headers: { Cookie: await dashboardCookie() } } : { path: '/admin/queues' }),

  'POST /api/v1/auth/register': async () => ({
    path: '/api/v1/auth/register',
    body: { email: `${unique('matrix').toLowerCase()}@example.com`, password: 'a good password', name: 'Matrix' },
  }),
  'POST /api/v1/auth/login': async () => {
    const { email, password } = await loginTarget();
    return { path: '/api/v1/auth/login', body: { email, password } };
  },
  'GET /api/v1/auth/me': async () => ({ path: '/api/v1/auth/me' }),

  'POST /api/v1/products': async () => ({ path: '/api/v1/products', body: { sku: unique('SKU-'), name: 'Matrix product' } }),
  'POST /api/v1/products/{id}/archive': async () => ({ path: `/api/v1/products/${(await fixtures.product(world.admin)).id}/archive` }),
  'GET /api/v1/products': async () => ({ path: '/api/v1/products' }),
  'GET /api/v1/products/{id}': async () => ({ path: `/api/v1/products/${world.product.id}` }),
  'POST /api/v1/plans': async () => ({ path: '/api/v1/plans', body: { name: 'Matrix plan', amount: 500, currency: 'usd', interval: 'week' } }),
  'POST /api/v1/plans/{id}/archive': async () => ({ path: `/api/v1/plans/${(await fixtures.plan(world.admin)).id}/archive` }),
  'GET /api/v1/plans': async () => ({ path: '/api/v1/plans' }),
  'GET /api/v1/plans/{id}': async () => ({ path: `/api/v1/plans/${world.plan.id}` }),

  'POST /api/v1/fulfillment-centers': async () => ({ path: '/api/v1/fulfillment-centers', body: { code: unique('FC-'), name: 'Matrix center' } }),
  'PATCH /api/v1/fulfillment-centers/{id}': async () => ({
    path: `/api/v1/fulfillment-centers/${(await fixtures.center(world.admin)).id}`,
    body: { name: 'Renamed', priority: 500 },
  }),
  'GET /api/v1/fulfillment-centers': async () => ({ path: '/api/v1/fulfillment-centers' }),
  'POST /api/v1/inventory/adjustments': async () => ({
    path: '/api/v1/inventory/adjustments',
    body: { productId: world.product.id, fulfillmentCenterId: world.center.id, delta: 1, reason: 'access matrix' },
  }),
  'GET /api/v1/inventory': async () => ({ path: `/api/v1/inventory?productId=${world.product.id}` }),

  'POST /api/v1/subscriptions': async () => ({ path: '/api/v1/subscriptions', body: { planId: world.trialPlan.id, productId: world.product.id } }),
  'GET /api/v1/subscriptions': async () => ({ path: '/api/v1/subscriptions' }),
  'GET /api/v1/subscriptions/{id}': async () => ({ path: `/api/v1/subscriptions/${(await billed()).subscription.id}` }),
  'POST /api/v1/subscriptions/{id}/cancel': async () => ({
    path: `/api/v1/subscriptions/${(await fixtures.trialSubscription(world, world.userA)).id}/cancel`,
    body: { atPeriodEnd: false },
  }),
  'PUT /api/v1/subscriptions/{id}/payment-method': async () => ({
    path: `/api/v1/subscriptions/${(await fixtures.trialSubscription(world, world.userA)).id}/payment-method`,
    body: { paymentMethod: 'pm_card_insufficient_funds' },
  }),
  'GET /api/v1/subscriptions/{id}/schedule': async () => ({ path: `/api/v1/subscriptions/${(await billed()).subscription.id}/schedule?count=3` }),

  'GET /api/v1/orders': async () => ({ path: '/api/v1/orders' }),
  'GET /api/v1/orders/{id}': async () => ({ path: `/api/v1/orders/${(await billed()).order.id}` }),

  'POST /api/v1/admin/billing/run': async () => ({ path: '/api/v1/admin/billing/run' }),
  'GET /api/v1/admin/clock': async () => ({ path: '/api/v1/admin/clock' }),
  'POST /api/v1/admin/clock/advance': async () => ({ path: '/api/v1/admin/clock/advance', body: { seconds: 60 } }),

  'GET /api/v1/admin/audit-logs': async () => ({ path: '/api/v1/admin/audit-logs' }),
};

/** Opens a dashboard session as the admin (the only way to reach /admin/queues) and returns its cookie. */
async function dashboardCookie(): Promise<string> {
  const opened = await app.http.post('/api/v1/admin/dashboard-session', undefined, { token: world.admin.token });
  expectStatus(opened, 204, 'POST /api/v1/admin/dashboard-session');
  return opened.headers.get('Set-Cookie')!.split(';')[0]!;
}

const sessionOf = (caller: Caller): Session | undefined => (caller === 'anonymous' ? undefined : world[caller]);

const PROBLEM_TYPE: Record<number, string> = { 401: '/problems/unauthorized', 403: '/problems/forbidden', 404: '/problems/not-found' };

beforeAll(async () => {
  app = await startTestApp(ACCESS_APP_OVERRIDES);
  fixtures = new AccessFixtures(app);
  world = await fixtures.world();
  billed = once(() => fixtures.billedSubscriptionOfA(world));
  loginTarget = once(() => fixtures.registerUser('LoginTarget'));
  // Started once for the whole file; a route that has not landed fails only the rows that need it.
  await Promise.allSettled([billed(), loginTarget()]);
});
afterAll(async () => {
  await app?.close();
});

describe('the access table and the app serve the same routes', () => {
  it('every route the app serves has a row in the table (add new routes to it with their API.md outcomes)', () => {
    const expected = new Set<string>(EXPECTED.map(([route]) => route));
    const unlisted = [...servedRoutes(app)].filter((route) => !expected.has(route)).sort();
    expect(unlisted, `served by the app but missing from the access table: ${unlisted.join(', ')}`).toEqual([]);
  });

  it('every row of the table (API.md) is served by the app', () => {
    const served = servedRoutes(app);
    const missing = EXPECTED.map(([route]) => route).filter((route) => !served.has(route));
    expect(missing, `in API.md but not served by the app: ${missing.join(', ')}`).toEqual([]);
  });
});

for (const [route, ...outcomes] of EXPECTED as readonly Row[]) {
  describe(route, () => {
    CALLERS.forEach((caller, index) => {
      const allowed = ([] as number[]).concat(outcomes[index]!);
      it(`as ${caller} → ${allowed.join(' or ')}`, async () => {
        expect(servedRoutes(app).has(route), `route ${route} is in API.md but not served by the app`).toBe(true);
        const call = await REQUESTS[route as Route](caller);
        const method = route.split(' ')[0]!;
        const response = await app.http.call(method, call.path, { token: sessionOf(caller)?.token, body: call.body, headers: call.headers });
        const what = `${method} ${call.path} as ${caller} answered ${response.status}: ${response.text.slice(0, 300)}`;
        expect(response.status, what).toBeOneOf(allowed);
        if (PROBLEM_TYPE[response.status]) expect(response.body.type, what).toBe(PROBLEM_TYPE[response.status]!);
      });
    });
  });
}
