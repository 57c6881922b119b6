import { afterAll, beforeAll, describe, expect, it } from 'bun:test';
import {
  ACCESS_APP_OVERRIDES,
  AccessFixtures,
  expectStatus,
  once,
  servedRoutes,
  UNKNOWN_ID,
  unique,
  type AccessWorld,
  type Session,
} from '../../support/access-fixtures';
import type { HttpResponse, RequestOptions } from '../../support/http-client';
import { startTestApp, type TestApp } from '../../support/test-app';

/**
 * Input hardening over the whole API (issue 3, item 6; API.md Conventions; DESIGN.md D1, D5): every JSON body
 * route refuses unknown fields, other Content-Types, missing Content-Types, malformed JSON and oversized bodies
 * without running its handler (what a handler call would change is read before and after), `$`-operators and wrong
 * types are 400s, ids are checked at the edge, and unknown query parameters are 400s. The route lists are written
 * from API.md and compared with the routes the app serves, so a new route cannot be missed. A 500 fails any test
 * through the HTTP helper (problem+json required) and the expected statuses.
 */

const BODY_LIMIT_BYTES = 2048;

/** One call that a route should answer normally: where, as whom, a valid body, and what a handler call changes. */
interface Target {
  readonly path: string;
  readonly token?: string;
  readonly body: Record<string, unknown>;
  /** State a handler call would change, read through the API; equal before and after a refused call. */
  readonly state: () => Promise<unknown>;
}

interface BodyRoute {
  /** `METHOD /path/{id}` as in API.md. */
  readonly route: string;
  /** A POST that takes no fields: with no body and no Content-Type it counts as `{}` and answers this status. */
  readonly bodyless?: number;
  /** A fresh valid call (fresh resources where the call would change them). */
  readonly target: () => Promise<Target>;
}

let app: TestApp;
let fixtures: AccessFixtures;
let world: AccessWorld;
/** A USER signed in by the login calls (a correct password: only the refusal stops a successful login). */
let loginTarget: () => Promise<Session>;
/** USER A's billed subscription and its order, for the GET routes that name them. */
let billed: () => Promise<{ subscription: { id: string }; order: { id: string } }>;
/** A product no subscription uses, for the inventory adjustments. */
let unstockedProduct: () => Promise<{ id: string }>;

const admin = () => world.admin.token;

async function get<T = any>(path: string, token: string, what = `GET ${path}`): Promise<T> {
  return expectStatus(await app.http.get(path, { token }), 200, what);
}

/** The id of the newest item of a list (lists are newest first): a creation changes it. */
async function newestId(path: string, token: string): Promise<string | null> {
  const list = await get<{ data: Array<{ id: string }> }>(`${path}${path.includes('?') ? '&' : '?'}limit=1`, token);
  return list.data[0]?.id ?? null;
}

async function subscriptionState(id: string) {
  const { status, cancelAtPeriodEnd, canceledAt, paymentMethod } = await get(`/api/v1/subscriptions/${id}`, admin());
  return { status, cancelAtPeriodEnd, canceledAt, paymentMethod };
}

/** Whole hours between business time and real time: an accepted clock advance of a year changes it. */
async function clockOffsetHours(): Promise<number> {
  const { now } = await get<{ now: string }>('/api/v1/admin/clock', admin());
  return Math.round((Date.parse(now) - Date.now()) / 3_600_000) + 0; // + 0: never -0
}

/** `POST /api/v1/<collection>/{id}/archive` on a fresh resource; a handler call would make it inactive. */
function archiveRoute(collection: 'products' | 'plans', create: () => Promise<{ id: string }>): BodyRoute {
  return {
    route: `POST /api/v1/${collection}/{id}/archive`,
    bodyless: 200,
    target: async () => {
      const { id } = await create();
      return { path: `/api/v1/${collection}/${id}/archive`, token: admin(), body: {}, state: async () => (await get(`/api/v1/${collection}/${id}`, admin())).active };
    },
  };
}

// Every POST/PUT/PATCH route of API.md.
const BODY_ROUTES: readonly BodyRoute[] = [
  {
    route: 'POST /api/v1/auth/register',
    target: async () => ({
      path: '/api/v1/auth/register',
      body: { email: `${unique('hardening').toLowerCase()}@example.com`, password: 'a good password', name: 'Hardening' },
      state: () => newestId('/api/v1/admin/audit-logs?type=user.registered', admin()),
    }),
  },
  {
    route: 'POST /api/v1/auth/login',
    target: async () => {
      const { email, password } = await loginTarget();
      return {
        path: '/api/v1/auth/login',
        body: { email, password },
        state: () => newestId('/api/v1/admin/audit-logs?type=auth.login_succeeded', admin()),
      };
    },
  },
  {
    route: 'POST /api/v1/products',
    target: async () => ({
      path: '/api/v1/products',
      token: admin(),
      body: { sku: unique('SKU-'), name: 'Hardening product' },
      state: () => newestId('/api/v1/products', admin()),
    }),
  },
  archiveRoute('products', () => fixtures.product(world.admin)),
  {
    route: 'POST /api/v1/plans',
    target: async () => ({
      path: '/api/v1/plans',
      token: admin(),
      body: { name: 'Hardening plan', amount: 1999, currency: 'eur', interval: 'month' },
      state: () => newestId('/api/v1/plans', admin()),
    }),
  },
  archiveRoute('plans', () => fixtures.plan(world.admin)),
  {
    route: 'POST /api/v1/fulfillment-centers',
    target: async () => ({
      path: '/api/v1/fulfillment-centers',
      token: admin(),
      body: { code: unique('FC-'), name: 'Hardening center', priority: 10 },
      state: () => newestId('/api/v1/fulfillment-centers', admin()),
    }),
  },
  {
    route: 'PATCH /api/v1/fulfillment-centers/{id}',
    target: async () => {
      const { id } = await fixtures.center(world.admin);
      return {
        path: `/api/v1/fulfillment-centers/${id}`,
        token: admin(),
        body: { name: 'Renamed', priority: 999, active: false },
        // A new center is the newest: the first of the list.
        state: async () => (await get('/api/v1/fulfillment-centers?limit=100', admin())).data.find((c: { id: string }) => c.id === id),
      };
    },
  },
  {
    route: 'POST /api/v1/inventory/adjustments',
    // A product of its own: billing never moves its stock while a test reads it.
    target: async () => {
      const { id } = await unstockedProduct();
      return {
        path: '/api/v1/inventory/adjustments',
        token: admin(),
        body: { productId: id, fulfillmentCenterId: world.center.id, delta: 7, reason: 'hardening' },
        state: async () => (await get(`/api/v1/inventory?productId=${id}`, admin())).data,
      };
    },
  },
  {
    route: 'POST /api/v1/subscriptions',
    target: async () => ({
      path: '/api/v1/subscriptions',
      token: world.userA.token,
      body: { planId: world.trialPlan.id, productId: world.product.id, quantity: 2, paymentMethod: 'pm_card_ok' },
      state: () => newestId('/api/v1/subscriptions', world.userA.token),
    }),
  },
  {
    route: 'POST /api/v1/subscriptions/{id}/cancel',
    bodyless: 200,
    target: async () => {
      const { id } = await fixtures.trialSubscription(world, world.userA);
      return { path: `/api/v1/subscriptions/${id}/cancel`, token: world.userA.token, body: { atPeriodEnd: false }, state: () => subscriptionState(id) };
    },
  },
  {
    route: 'PUT /api/v1/subscriptions/{id}/payment-method',
    target: async () => {
      const { id } = await fixtures.trialSubscription(world, world.userA);
      return {
        path: `/api/v1/subscriptions/${id}/payment-method`,
        token: world.userA.token,
        body: { paymentMethod: 'pm_card_declined' },
        state: () => subscriptionState(id),
      };
    },
  },
  {
    route: 'POST /api/v1/admin/billing/run',
    bodyless: 202,
    // A scan leaves nothing a client can read back; the status (and no 202 `enqueued`) is what shows the refusal.
    target: async () => ({ path: '/api/v1/admin/billing/run', token: admin(), body: {}, state: async () => null }),
  },
  {
    route: 'POST /api/v1/admin/clock/advance',
    target: async () => ({ path: '/api/v1/admin/clock/advance', token: admin(), body: { seconds: 365 * 86_400 }, state: clockOffsetHours }),
  },
  {
    route: 'POST /api/v1/admin/dashboard-session',
    bodyless: 204,
    // A handler call sets the session cookie: every refused call is checked for the absence of Set-Cookie.
    target: async () => ({ path: '/api/v1/admin/dashboard-session', token: admin(), body: {}, state: async () => null }),
  },
];

/** GET routes of API.md under /api/v1, with a path naming real resources. */
const GET_ROUTES: ReadonlyArray<readonly [route: string, path: () => Promise<string>, token: () => string]> = [
  ['GET /api/v1/auth/me', async () => '/api/v1/auth/me', admin],
  ['GET /api/v1/products', async () => '/api/v1/products', admin],
  ['GET /api/v1/products/{id}', async () => `/api/v1/products/${world.product.id}`, admin],
  ['GET /api/v1/plans', async () => '/api/v1/plans', admin],
  ['GET /api/v1/plans/{id}', async () => `/api/v1/plans/${world.plan.id}`, admin],
  ['GET /api/v1/fulfillment-centers', async () => '/api/v1/fulfillment-centers', admin],
  ['GET /api/v1/inventory', async () => `/api/v1/inventory?productId=${world.product.id}`, admin],
  ['GET /api/v1/subscriptions', async () => '/api/v1/subscriptions', () => world.userA.token],
  ['GET /api/v1/subscriptions/{id}', async () => `/api/v1/subscriptions/${(await billed()).subscription.id}`, () => world.userA.token],
  ['GET /api/v1/subscriptions/{id}/schedule', async () => `/api/v1/subscriptions/${(await billed()).subscription.id}/schedule?count=2`, () => world.userA.token],
  ['GET /api/v1/orders', async () => '/api/v1/orders', () => world.userA.token],
  ['GET /api/v1/orders/{id}', async () => `/api/v1/orders/${(await billed()).order.id}`, () => world.userA.token],
  ['GET /api/v1/admin/clock', async () => '/api/v1/admin/clock', admin],
  ['GET /api/v1/admin/audit-logs', async () => '/api/v1/admin/audit-logs', admin],
];

beforeAll(async () => {
  app = await startTestApp({ ...ACCESS_APP_OVERRIDES, BODY_LIMIT_BYTES: String(BODY_LIMIT_BYTES) });
  fixtures = new AccessFixtures(app);
  world = await fixtures.world();
  loginTarget = once(() => fixtures.registerUser('LoginTarget'));
  billed = once(() => fixtures.billedSubscriptionOfA(world));
  unstockedProduct = once(() => fixtures.product(world.admin));
  // Started once for the whole file; a route that has not landed fails only the tests that need it.
  await Promise.allSettled([loginTarget(), billed()]);
});
afterAll(async () => {
  await app?.close();
});

const routeOf = (route: string): BodyRoute => BODY_ROUTES.find((r) => r.route === route)!;
const methodOf = (route: string) => route.split(' ')[0]!;

function expectServed(route: string): void {
  expect(servedRoutes(app).has(route), `route ${route} is in API.md but not served by the app`).toBe(true);
}

/**
 * Sends `request` (built from a fresh valid call) to a body route and expects it refused with `status` (or one of
 * them): the problem names `path` when given, no cookie is set, and what a handler call would change is unchanged.
 */
async function expectRefused(
  route: string,
  request: (target: Target) => RequestOptions & { path?: string },
  status: number | readonly number[],
  path?: string,
): Promise<HttpResponse> {
  expectServed(route);
  const target = await routeOf(route).target();
  const before = await target.state();
  const { path: url = target.path, ...options } = request(target);
  const response = await app.http.call(methodOf(route), url, { token: target.token, ...options });
  const what = `${methodOf(route)} ${url} answered ${response.status}: ${response.text.slice(0, 300)}`;
  expect(response.status, what).toBeOneOf(([] as number[]).concat(status));
  if (path !== undefined) expect(response.body.errors, what).toEqual(expect.arrayContaining([expect.objectContaining({ path })]));
  expect(response.headers.get('Set-Cookie'), `${what}: a refused call set a cookie`).toBeNull();
  expect(await target.state(), `${what}: the refused call changed state`).toEqual(before);
  return response;
}

describe('the lists of this file and the app serve the same routes', () => {
  const isApiRoute = (route: string) => route.split(' ')[1]!.startsWith('/api/v1/');

  it('every POST/PUT/PATCH route the app serves is in the body-route list, and the other way round', () => {
    const served = [...servedRoutes(app)].filter((route) => ['POST', 'PUT', 'PATCH'].includes(methodOf(route)));
    const listed = BODY_ROUTES.map((r) => r.route);
    const unlisted = served.filter((route) => !listed.includes(route));
    const missing = listed.filter((route) => !served.includes(route));
    expect(unlisted, `served with a body but not in BODY_ROUTES: ${unlisted.join(', ')}`).toEqual([]);
    expect(missing, `in API.md but not served by the app: ${missing.join(', ')}`).toEqual([]);
  });

  it('every GET route under /api/v1 the app serves is in the GET list, and the other way round', () => {
    const served = [...servedRoutes(app)].filter((route) => methodOf(route) === 'GET' && isApiRoute(route));
    const listed = GET_ROUTES.map(([route]) => route);
    const unlisted = served.filter((route) => !listed.includes(route));
    const missing = listed.filter((route) => !served.includes(route));
    expect(unlisted, `served but not in GET_ROUTES: ${unlisted.join(', ')}`).toEqual([]);
    expect(missing, `in API.md but not served by the app: ${missing.join(', ')}`).toEqual([]);
  });
});

for (const { route, bodyless } of BODY_ROUTES) {
  describe(route, () => {
    it('an unknown field on a valid body → 400 naming it; the handler does not run', async () => {
      await expectRefused(route, (t) => ({ body: { ...t.body, unexpectedField: 1 } }), 400, 'unexpectedField');
    });

    it('the valid body as text/plain → 415; the handler does not run', async () => {
      await expectRefused(route, (t) => ({ rawBody: JSON.stringify(t.body), contentType: 'text/plain' }), 415);
    });

    it('the valid body with no Content-Type → 400 or 415; the handler does not run', async () => {
      await expectRefused(route, (t) => ({ rawBody: JSON.stringify(t.body), contentType: null }), [400, 415]);
    });

    it('malformed JSON → 400; the handler does not run', async () => {
      await expectRefused(route, (t) => ({ rawBody: JSON.stringify(t.body).slice(0, -1) + ',', contentType: 'application/json' }), 400);
    });

    it(`a body over BODY_LIMIT_BYTES (${BODY_LIMIT_BYTES}) → 413; the handler does not run`, async () => {
      await expectRefused(route, (t) => ({ body: { ...t.body, padding: 'x'.repeat(2 * BODY_LIMIT_BYTES) } }), 413);
    });

    it('a JSON array or null instead of an object → 400; the handler does not run', async () => {
      await expectRefused(route, (t) => ({ body: [t.body] }), 400);
      await expectRefused(route, () => ({ rawBody: 'null', contentType: 'application/json' }), 400);
    });

    if (route.includes('{id}')) {
      it('a malformed id in the path → 404', async () => {
        await expectRefused(route, (t) => ({ path: t.path.replace(/[0-9a-f]{8}(-[0-9a-f]{4}){3}-[0-9a-f]{12}/, 'not-an-id'), body: t.body }), 404);
      });
    }

    if (bodyless !== undefined) {
      it(`no body and no Content-Type counts as {} → ${bodyless}`, async () => {
        expectServed(route);
        const target = await routeOf(route).target();
        const response = await app.http.call(methodOf(route), target.path, { token: target.token });
        expect(response.status, `${route} answered ${response.status}: ${response.text.slice(0, 300)}`).toBe(bodyless);
      });
    }
  });
}

describe('$-operators and wrong types in bodies → 400 naming the field', () => {
  // prettier-ignore
  const CASES: ReadonlyArray<readonly [route: string, change: Record<string, unknown>, path: string]> = [
    ['POST /api/v1/auth/login',                          { email: { $gt: '' } },              'email'],
    ['POST /api/v1/auth/login',                          { password: { $ne: null } },         'password'],
    ['POST /api/v1/auth/register',                       { email: { $gt: '' } },              'email'],
    ['POST /api/v1/products',                            { sku: { $regex: '.*' } },           'sku'],
    ['POST /api/v1/products',                            { $where: 'true' },                  '$where'],
    ['POST /api/v1/subscriptions',                       { productId: { $ne: null } },        'productId'],
    ['POST /api/v1/subscriptions',                       { planId: { $gt: '' } },             'planId'],
    ['POST /api/v1/inventory/adjustments',               { productId: { $ne: null } },        'productId'],
    ['POST /api/v1/auth/register',                       { name: 42 },                        'name'],
    ['POST /api/v1/auth/login',                          { password: 12345678901 },           'password'],
    ['POST /api/v1/products',                            { name: ['Coffee'] },                'name'],
    ['POST /api/v1/plans',                               { amount: '1999' },                  'amount'],
    ['POST /api/v1/plans',                               { interval: 'fortnight' },           'interval'],
    ['POST /api/v1/plans',                               { trialDays: 1.5 },                  'trialDays'],
    ['POST /api/v1/fulfillment-centers',                 { priority: '5' },                   'priority'],
    ['PATCH /api/v1/fulfillment-centers/{id}',           { active: 'yes' },                   'active'],
    ['POST /api/v1/inventory/adjustments',               { delta: '5' },                      'delta'],
    ['POST /api/v1/subscriptions',                       { quantity: '2' },                   'quantity'],
    ['POST /api/v1/subscriptions/{id}/cancel',           { atPeriodEnd: 'false' },            'atPeriodEnd'],
    ['PUT /api/v1/subscriptions/{id}/payment-method',    { paymentMethod: 42 },               'paymentMethod'],
    ['POST /api/v1/admin/clock/advance',                 { seconds: '60' },                   'seconds'],
  ];
  for (const [route, change, path] of CASES) {
    it(`${route} with ${JSON.stringify(change)}`, async () => {
      await expectRefused(route, (t) => ({ body: { ...t.body, ...change } }), 400, path);
    });
  }
});

describe('ids at the edge (DESIGN.md D1)', () => {
  // prettier-ignore
  const MALFORMED_IN_BODY: ReadonlyArray<readonly [route: string, change: Record<string, unknown>, path: string]> = [
    ['POST /api/v1/subscriptions',          { planId: 'abc' },                         'planId'],
    ['POST /api/v1/subscriptions',          { productId: 'abc' },                      'productId'],
    ['POST /api/v1/inventory/adjustments',  { productId: 'abc' },                      'productId'],
    ['POST /api/v1/inventory/adjustments',  { fulfillmentCenterId: 'not-a-uuid' },     'fulfillmentCenterId'],
  ];
  for (const [route, change, path] of MALFORMED_IN_BODY) {
    it(`a malformed id in the body of ${route} (${JSON.stringify(change)}) → 400 naming it`, async () => {
      await expectRefused(route, (t) => ({ body: { ...t.body, ...change } }), 400, path);
    });
  }

  // prettier-ignore
  const UNKNOWN_IN_BODY: ReadonlyArray<readonly [route: string, field: string]> = [
    ['POST /api/v1/subscriptions',          'planId'],
    ['POST /api/v1/subscriptions',          'productId'],
    ['POST /api/v1/inventory/adjustments',  'productId'],
    ['POST /api/v1/inventory/adjustments',  'fulfillmentCenterId'],
  ];
  for (const [route, field] of UNKNOWN_IN_BODY) {
    it(`a well-formed unknown ${field} in ${route} → 404, nothing created or changed`, async () => {
      const response = await expectRefused(route, (t) => ({ body: { ...t.body, [field]: UNKNOWN_ID } }), 404);
      expect(response.body.type).toBe('/problems/not-found');
    });
  }

  // prettier-ignore
  const MALFORMED_IN_PATH: ReadonlyArray<readonly [route: string, path: string]> = [
    ['GET /api/v1/products/{id}',                'not-an-id'],
    ['GET /api/v1/plans/{id}',                   '12345'],
    ['GET /api/v1/subscriptions/{id}',           'abc'],
    ['GET /api/v1/subscriptions/{id}/schedule',  'abc'],
    ['GET /api/v1/orders/{id}',                  '01900000-0000-7000-8000-00000000000Z'],
  ];
  for (const [route, id] of MALFORMED_IN_PATH) {
    it(`a malformed id in the path of ${route} (${id}) → 404`, async () => {
      expectServed(route);
      const response = await app.http.get(route.split(' ')[1]!.replace('{id}', id), { token: admin() });
      expect(response.status).toBe(404);
      expect(response.body.type).toBe('/problems/not-found');
    });
  }

  // prettier-ignore
  const MALFORMED_IN_QUERY: ReadonlyArray<readonly [route: string, query: string, path: string]> = [
    ['GET /api/v1/inventory',             'productId=abc',         'query.productId'],
    ['GET /api/v1/subscriptions',         'userId=abc',            'query.userId'],
    ['GET /api/v1/orders',                'userId=abc',            'query.userId'],
    ['GET /api/v1/orders',                'subscriptionId=abc',    'query.subscriptionId'],
    ['GET /api/v1/admin/audit-logs',      'userId=abc',            'query.userId'],
    ['GET /api/v1/admin/audit-logs',      'subscriptionId=abc',    'query.subscriptionId'],
    ['GET /api/v1/admin/audit-logs',      'orderId=abc',           'query.orderId'],
    ['GET /api/v1/admin/audit-logs',      'productId=abc',         'query.productId'],
  ];
  for (const [route, query, path] of MALFORMED_IN_QUERY) {
    it(`a malformed id in the query of ${route} (?${query}) → 400 naming ${path}`, async () => {
      expectServed(route);
      const response = await app.http.get(`${route.split(' ')[1]}?${query}`, { token: admin() });
      expect(response.status).toBe(400);
      expect(response.body.errors).toEqual(expect.arrayContaining([expect.objectContaining({ path })]));
    });
  }
});

describe('unknown query parameters → 400 with a query.-prefixed path', () => {
  for (const [route, pathOf, token] of GET_ROUTES) {
    it(`${route}`, async () => {
      expectServed(route);
      const path = await pathOf();
      const separator = path.includes('?') ? '&' : '?';
      const unknown = await app.http.get(`${path}${separator}unexpected=1`, { token: token() });
      expect(unknown.status, unknown.text).toBe(400);
      expect(unknown.body.errors).toEqual(expect.arrayContaining([expect.objectContaining({ path: 'query.unexpected' })]));
      // A $-operator in a query key is an unknown parameter too: it never reaches a database filter.
      const operator = await app.http.get(`${path}${separator}userId[$ne]=x`, { token: token() });
      expect(operator.status, operator.text).toBe(400);
      expect(operator.body.errors).toEqual(expect.arrayContaining([expect.objectContaining({ path: expect.stringMatching(/^query\./) })]));
      // The same call without the extra parameter succeeds: only the parameter was refused.
      expect((await app.http.get(path, { token: token() })).status).toBe(200);
    });
  }
});
