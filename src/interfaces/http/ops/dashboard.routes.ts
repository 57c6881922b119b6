import { createHmac } from 'node:crypto';
import { createBullBoard } from '@bull-board/api';
import { BullMQAdapter } from '@bull-board/api/bullMQAdapter';
import { HonoAdapter } from '@bull-board/hono';
import { serveStatic } from '@hono/node-server/serve-static';
import { z, type OpenAPIHono } from '@hono/zod-openapi';
import type { Queue } from 'bullmq';
import type { Context, MiddlewareHandler } from 'hono';
import { getSignedCookie, setSignedCookie } from 'hono/cookie';
import type { AppEnv } from '#interfaces/http/app-env';
import { defineRoute } from '#interfaces/http/route-table';
import { problem, problemResponse, ProblemSchema } from '#interfaces/http/shared/problem';

/** Where Bull Board lives; the session cookie is scoped to this path. */
export const DASHBOARD_PATH = '/admin/queues';
export const DASHBOARD_COOKIE = 'dashboard_session';
/** A dashboard session is short-lived: an admin opens a new one with their (also short-lived) access token. */
export const DASHBOARD_SESSION_TTL_SECONDS = 900;

const openSession = defineRoute('admin', {
  method: 'post',
  path: '/api/v1/admin/dashboard-session',
  tags: ['Operations'],
  summary: `Opens the queue dashboard: sets a short-lived signed cookie for ${DASHBOARD_PATH}`,
  description: `Then visit ${DASHBOARD_PATH} in the same browser. The cookie is HttpOnly, SameSite=Strict, scoped to ${DASHBOARD_PATH} and valid ${DASHBOARD_SESSION_TTL_SECONDS / 60} minutes.`,
  // No fields: an empty JSON object, or no body and no Content-Type at all (API.md Conventions).
  request: { body: { required: true, content: { 'application/json': { schema: z.strictObject({}).openapi('DashboardSessionRequest') } } } },
  responses: {
    204: {
      description: 'Session opened',
      headers: { 'Set-Cookie': { description: `${DASHBOARD_COOKIE}=…; Path=${DASHBOARD_PATH}; HttpOnly; SameSite=Strict`, schema: { type: 'string' } } },
    },
  },
});

/** The dashboard's entry page, described in the document; its own sub-pages, assets and API are Bull Board's. */
const dashboardEntry = {
  method: 'get' as const,
  path: DASHBOARD_PATH,
  tags: ['Operations'],
  summary: 'The queue dashboard (Bull Board), opened by the cookie from POST /api/v1/admin/dashboard-session',
  security: [{ dashboardSession: [] }],
  responses: {
    200: { description: 'The dashboard page', content: { 'text/html': { schema: z.string() } } },
    401: { description: 'No dashboard session, or an expired or tampered one', content: { 'application/problem+json': { schema: ProblemSchema } } },
  },
};

/**
 * Dashboard sessions: an HMAC-signed cookie (hono/cookie) holding the admin's id and an expiry. Only
 * `POST /api/v1/admin/dashboard-session` (ADMIN) issues one, so a cookie for a non-admin cannot exist.
 */
export class DashboardSessions {
  readonly #secret: string;

  constructor(jwtSecret: string, private readonly secure: boolean) {
    // A key of its own, derived from the JWT secret: a cookie signature is never valid as anything else.
    this.#secret = createHmac('sha256', jwtSecret).update('dashboard-session').digest('base64url');
  }

  async open(c: Context, userId: string): Promise<void> {
    const expiresAt = Date.now() + DASHBOARD_SESSION_TTL_SECONDS * 1000;
    const value = Buffer.from(JSON.stringify({ sub: userId, exp: expiresAt })).toString('base64url');
    await setSignedCookie(c, DASHBOARD_COOKIE, value, this.#secret, {
      path: DASHBOARD_PATH,
      httpOnly: true,
      sameSite: 'Strict',
      secure: this.secure || new URL(c.req.url).protocol === 'https:',
      maxAge: DASHBOARD_SESSION_TTL_SECONDS,
    });
  }

  /** The admin's id if the request carries a valid, unexpired session; null otherwise. */
  async verify(c: Context): Promise<string | null> {
    const value = await getSignedCookie(c, this.#secret, DASHBOARD_COOKIE);
    if (!value) return null;
    try {
      const { sub, exp } = JSON.parse(Buffer.from(value, 'base64url').toString('utf8')) as { sub?: unknown; exp?: unknown };
      return typeof sub === 'string' && typeof exp === 'number' && exp > Date.now() ? sub : null;
    } catch {
      return null;
    }
  }

  /** Guards every dashboard path (pages, assets, Bull Board's API): 401 problem+json without a valid session. */
  guard(): MiddlewareHandler<AppEnv> {
    return async (c, next) => {
      const userId = await this.verify(c);
      if (!userId) {
        return problemResponse(
          c,
          problem(401, `Open the dashboard with POST /api/v1/admin/dashboard-session (as an ADMIN) first; the session is missing or expired.`),
        );
      }
      c.set('caller', { userId, role: 'ADMIN' });
      await next();
    };
  }
}

/** Bull Board's page links a web font on a CDN: the dashboard is served without it (no request leaves the server). */
function withoutExternalLinks(): MiddlewareHandler {
  return async (c, next) => {
    await next();
    if (!c.res.headers.get('content-type')?.startsWith('text/html')) return;
    const html = (await c.res.text()).replace(/<link\b[^>]*href="https?:\/\/[^"]*"[^>]*>/gi, '');
    c.res = new Response(html, { status: c.res.status, headers: c.res.headers });
  };
}

export function registerDashboardRoutes(app: OpenAPIHono<AppEnv>, queues: Iterable<Queue>, sessions: DashboardSessions): void {
  app.openapi(openSession, async (c) => {
    await sessions.open(c, c.var.caller!.userId);
    return c.body(null, 204);
  });

  app.openAPIRegistry.registerComponent('securitySchemes', 'dashboardSession', { type: 'apiKey', in: 'cookie', name: DASHBOARD_COOKIE });
  app.openAPIRegistry.registerPath(dashboardEntry);

  const board = new HonoAdapter(serveStatic);
  board.setBasePath(DASHBOARD_PATH);
  createBullBoard({
    queues: [...queues].map((queue) => new BullMQAdapter(queue)),
    serverAdapter: board as never,
    options: { uiConfig: { boardTitle: 'Subscription queues' } },
  });
  app.use(`${DASHBOARD_PATH}/*`, sessions.guard(), withoutExternalLinks());
  app.route(DASHBOARD_PATH, board.registerPlugin());
}
