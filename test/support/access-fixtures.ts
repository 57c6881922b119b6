import type { HttpResponse } from './http-client';
import type { TestApp } from './test-app';

/**
 * Resources for the cross-route suites (access matrix, input hardening), created through the public HTTP API the
 * way a client would: real users (register + login), an admin from BOOTSTRAP_ADMIN_*, catalog, a center with
 * stock, subscriptions and their orders. Every helper fails with the call that went wrong and its answer, so a
 * route that has not landed yet shows up as "fixture: POST /api/v1/subscriptions answered 404 …".
 */

export const FIXTURE_ADMIN = { email: 'root@access-fixtures.test', password: 'root password 0123456789' } as const;

/** startTestApp overrides for these suites: the clock routes mounted, and a real first admin. */
export const ACCESS_APP_OVERRIDES = {
  SIMULATION_CLOCK: 'true',
  BOOTSTRAP_ADMIN_EMAIL: FIXTURE_ADMIN.email,
  BOOTSTRAP_ADMIN_PASSWORD: FIXTURE_ADMIN.password,
} as const;

/** A signed-in account: its id, credentials and access token. */
export interface Session {
  readonly id: string;
  readonly email: string;
  readonly password: string;
  readonly token: string;
}

/** The shared world both suites start from. */
export interface AccessWorld {
  readonly admin: Session;
  readonly userA: Session;
  readonly userB: Session;
  readonly product: { id: string; sku: string };
  /** No trial: a subscription on it is billed at once. */
  readonly plan: { id: string };
  /** 30-day trial: a subscription on it is `trialing` and nothing is billed during a test run. */
  readonly trialPlan: { id: string };
  /** Holds stock of `product` (the DEFAULT center holds none). */
  readonly center: { id: string; code: string };
}

/** A well-formed UUIDv7 that names nothing. */
export const UNKNOWN_ID = '01900000-0000-7000-8000-000000000000';

let sequence = 0;
/** A value no other call of this run produces (skus, codes, e-mails, names). */
export function unique(prefix: string): string {
  sequence += 1;
  return `${prefix}${Date.now().toString(36)}${sequence}`.toUpperCase();
}

/** The body of `response` if its status is `status`; else an error naming the call and the answer. */
export function expectStatus<T = any>(response: HttpResponse<T>, status: number, what: string): T {
  if (response.status !== status) {
    throw new Error(`fixture: ${what} answered ${response.status} (expected ${status}): ${response.text.slice(0, 400)}`);
  }
  return response.body;
}

/**
 * The routes the app serves, as `METHOD /path/{param}`, from Hono's own list (`app.routes`). Left out: middleware
 * (`ALL`), HEAD/OPTIONS, Bull Board's own pages, assets and API under `/admin/queues/` (its entry page
 * `GET /admin/queues` stays), and the static files of the `/docs` page under `/docs/`.
 */
export function servedRoutes(app: TestApp): Set<string> {
  return new Set(
    app.runtime.app.routes
      .filter((route) => !['ALL', 'HEAD', 'OPTIONS'].includes(route.method))
      .filter((route) => !route.path.startsWith('/admin/queues/') && !route.path.startsWith('/docs/'))
      .map((route) => `${route.method} ${route.path.replace(/:([A-Za-z_][A-Za-z0-9_]*)/g, '{$1}')}`),
  );
}

/** Memoises an async factory: the first call starts it, every later call gets the same promise. */
export function once<T>(factory: () => Promise<T>): () => Promise<T> {
  let promise: Promise<T> | undefined;
  return () => (promise ??= factory());
}

export class AccessFixtures {
  constructor(private readonly app: TestApp) {}

  private get http() {
    return this.app.http;
  }

  /** Registers a USER through POST /api/v1/auth/register and signs them in. */
  async registerUser(label: string): Promise<Session> {
    const email = `${unique(label).toLowerCase()}@access-fixtures.test`;
    const password = `password of ${label} 0123`;
    const user = expectStatus(await this.http.post('/api/v1/auth/register', { email, password, name: label }), 201, 'POST /api/v1/auth/register');
    return { id: user.id, email, password, token: await this.login(email, password) };
  }

  /** Signs in the bootstrap admin (ACCESS_APP_OVERRIDES) and reads its id from GET /api/v1/auth/me. */
  async loginAdmin(): Promise<Session> {
    const token = await this.login(FIXTURE_ADMIN.email, FIXTURE_ADMIN.password);
    const me = expectStatus(await this.http.get('/api/v1/auth/me', { token }), 200, 'GET /api/v1/auth/me (admin)');
    return { id: me.id, ...FIXTURE_ADMIN, token };
  }

  async login(email: string, password: string): Promise<string> {
    return expectStatus(await this.http.post('/api/v1/auth/login', { email, password }), 200, 'POST /api/v1/auth/login').accessToken;
  }

  async product(admin: Session): Promise<{ id: string; sku: string }> {
    const sku = unique('SKU-');
    return expectStatus(await this.http.post('/api/v1/products', { sku, name: `Product ${sku}` }, { token: admin.token }), 201, 'POST /api/v1/products');
  }

  async plan(admin: Session, trialDays = 0): Promise<{ id: string }> {
    const body = { name: unique('Plan '), amount: 1999, currency: 'eur', interval: 'month', trialDays };
    return expectStatus(await this.http.post('/api/v1/plans', body, { token: admin.token }), 201, 'POST /api/v1/plans');
  }

  async center(admin: Session): Promise<{ id: string; code: string }> {
    const code = unique('FC-');
    return expectStatus(await this.http.post('/api/v1/fulfillment-centers', { code, name: `Center ${code}` }, { token: admin.token }), 201, 'POST /api/v1/fulfillment-centers');
  }

  async stock(admin: Session, productId: string, fulfillmentCenterId: string, delta: number): Promise<void> {
    const body = { productId, fulfillmentCenterId, delta, reason: 'access fixtures' };
    expectStatus(await this.http.post('/api/v1/inventory/adjustments', body, { token: admin.token }), 201, 'POST /api/v1/inventory/adjustments');
  }

  /** A subscription the owner creates for themselves (POST /api/v1/subscriptions). */
  async subscription(owner: Session, planId: string, productId: string): Promise<{ id: string; status: string; paymentMethod: string }> {
    const body = { planId, productId, quantity: 1, paymentMethod: 'pm_card_ok' };
    return expectStatus(await this.http.post('/api/v1/subscriptions', body, { token: owner.token }), 201, 'POST /api/v1/subscriptions');
  }

  /** The first order of a subscription, polling GET /api/v1/orders as ADMIN (billing starts at once). */
  async orderOf(admin: Session, subscriptionId: string, timeoutMs = 20_000): Promise<{ id: string }> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const list = expectStatus(
        await this.http.get(`/api/v1/orders?subscriptionId=${subscriptionId}`, { token: admin.token }),
        200,
        'GET /api/v1/orders?subscriptionId=',
      );
      if (list.data.length > 0) return list.data[0];
      if (Date.now() > deadline) throw new Error(`fixture: no order for subscription ${subscriptionId} after ${timeoutMs} ms`);
      await Bun.sleep(100);
    }
  }

  /** Users A and B, the admin, a product with 1000 units at a new center, a plan and a trial plan. */
  async world(): Promise<AccessWorld> {
    const [admin, userA, userB] = await Promise.all([this.loginAdmin(), this.registerUser('UserA'), this.registerUser('UserB')]);
    const [product, plan, trialPlan, center] = await Promise.all([this.product(admin), this.plan(admin), this.plan(admin, 30), this.center(admin)]);
    await this.stock(admin, product.id, center.id, 1000);
    return { admin, userA, userB, product, plan, trialPlan, center };
  }

  /** A `trialing` subscription of `owner` on the world's trial plan: nothing is billed while a test runs. */
  trialSubscription(world: AccessWorld, owner: Session) {
    return this.subscription(owner, world.trialPlan.id, world.product.id);
  }

  /** A billed subscription of USER A and its order. */
  async billedSubscriptionOfA(world: AccessWorld): Promise<{ subscription: { id: string }; order: { id: string } }> {
    const subscription = await this.subscription(world.userA, world.plan.id, world.product.id);
    return { subscription, order: await this.orderOf(world.admin, subscription.id) };
  }
}
