/**
 * The queue dashboard and the API reference in a real headless browser: Debian's Chromium driven by playwright-core
 * (never a browser download; `scripts/ci/install-chromium.sh` installs it). The app runs in this process on a real
 * port (Bun.serve around the same Hono app `src/main.ts` serves). Screenshots go to test-artifacts/.
 *
 * Run: bun test --preload ./test/support/integration-preload.ts --timeout 60000 test/browser
 */
import { afterAll, beforeAll, describe, expect, it } from 'bun:test';
import { existsSync, mkdirSync } from 'node:fs';
import { resolve } from 'node:path';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { startTestApp, type TestApp } from '../support/test-app';

const CHROMIUM = '/usr/bin/chromium';
const CHROMIUM_FLAGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];
const ARTIFACTS = resolve(import.meta.dir, '../../test-artifacts');
const ADMIN = { email: 'browser-admin@example.com', password: 'browser-admin-password' };

let app: TestApp;
let server: ReturnType<typeof Bun.serve>;
let origin: string;
let browser: Browser;

beforeAll(async () => {
  if (!existsSync(CHROMIUM)) throw new Error(`${CHROMIUM} is missing: run \`bash scripts/ci/install-chromium.sh\` first`);
  mkdirSync(ARTIFACTS, { recursive: true });
  app = await startTestApp({ BOOTSTRAP_ADMIN_EMAIL: ADMIN.email, BOOTSTRAP_ADMIN_PASSWORD: ADMIN.password });
  server = Bun.serve({ port: 0, hostname: '127.0.0.1', fetch: app.runtime.app.fetch });
  origin = `http://127.0.0.1:${server.port}`;
  browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_FLAGS });
});

afterAll(async () => {
  await browser?.close();
  await server?.stop(true);
  await app?.close();
});

/** A fresh browser profile that records the URL of every request its pages make. */
async function newVisitor(): Promise<{ context: BrowserContext; page: Page; requests: string[] }> {
  const context = await browser.newContext();
  const requests: string[] = [];
  context.on('request', (request) => requests.push(request.url()));
  return { context, page: await context.newPage(), requests };
}

/** Requests to any host but the server (data: and blob: URLs never leave the browser). */
const foreign = (requests: string[]) => requests.filter((url) => /^(https?|wss?):/.test(url) && new URL(url).origin !== origin);

async function accessToken(email: string, password: string): Promise<string> {
  const response = await fetch(`${origin}/api/v1/auth/login`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ email, password }),
  });
  expect(response.status).toBe(200);
  return ((await response.json()) as { accessToken: string }).accessToken;
}

/** In the page (same origin), as a person with a token would: the browser keeps the cookie it gets. */
async function openDashboardSession(page: Page, token: string): Promise<number> {
  return page.evaluate(
    async (bearer) => (await fetch('/api/v1/admin/dashboard-session', { method: 'POST', headers: { Authorization: `Bearer ${bearer}` } })).status,
    token,
  );
}

describe('the queue dashboard in a browser', () => {
  it('an admin opens it with a dashboard session and sees the billing and fulfillment queues', async () => {
    const { context, page, requests } = await newVisitor();
    try {
      const token = await accessToken(ADMIN.email, ADMIN.password);
      await page.goto(`${origin}/health`);
      expect(await openDashboardSession(page, token)).toBe(204);
      const cookies = await context.cookies(`${origin}/admin/queues`);
      expect(cookies.find((c) => c.name === 'dashboard_session')).toMatchObject({ httpOnly: true, sameSite: 'Strict', path: '/admin/queues' });

      const response = await page.goto(`${origin}/admin/queues`);
      expect(response!.status()).toBe(200);
      for (const queue of ['billing', 'fulfillment']) {
        await page.locator(`a[href$="queue/${queue}"]`).first().waitFor({ state: 'visible', timeout: 20_000 });
      }
      await page.waitForLoadState('networkidle');
      const text = await page.locator('body').innerText();
      expect(text).toContain('billing');
      expect(text).toContain('fulfillment');
      await page.screenshot({ path: resolve(ARTIFACTS, 'dashboard-admin.png'), fullPage: true });

      expect(requests.some((url) => url.startsWith(`${origin}/admin/queues/api/`))).toBe(true);
      expect(foreign(requests)).toEqual([]);
    } finally {
      await context.close();
    }
  });

  it('a USER cannot open a dashboard session, and the dashboard refuses them', async () => {
    const { context, page, requests } = await newVisitor();
    try {
      const email = `browser-user-${crypto.randomUUID()}@example.com`;
      const registered = await fetch(`${origin}/api/v1/auth/register`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify({ email, password: 'browser-user-password', name: 'Browser User' }),
      });
      expect(registered.status).toBe(201);
      const token = await accessToken(email, 'browser-user-password');
      await page.goto(`${origin}/health`);
      expect(await openDashboardSession(page, token)).toBe(403);
      expect(await context.cookies(`${origin}/admin/queues`)).toEqual([]);

      const response = await page.goto(`${origin}/admin/queues`);
      expect(response!.status()).toBe(401);
      const body = await page.locator('body').innerText();
      expect(body).toContain('/problems/unauthorized');
      expect(body).not.toContain('fulfillment');
      expect(foreign(requests)).toEqual([]);
    } finally {
      await context.close();
    }
  });

  it('an anonymous visitor is refused, and so is a forged cookie', async () => {
    const { context, page } = await newVisitor();
    try {
      expect((await page.goto(`${origin}/admin/queues`))!.status()).toBe(401);
      await context.addCookies([{ name: 'dashboard_session', value: 'eyJzdWIiOiJ4IiwiZXhwIjo5OTk5OTk5OTk5OTk5fQ.AAAA', url: `${origin}/admin/queues` }]);
      expect((await page.goto(`${origin}/admin/queues`))!.status()).toBe(401);
      await page.screenshot({ path: resolve(ARTIFACTS, 'dashboard-anonymous.png') });
    } finally {
      await context.close();
    }
  });
});

describe('the API reference in a browser', () => {
  it('/docs renders the OpenAPI document with the API title, loading nothing from another host', async () => {
    const { context, page, requests } = await newVisitor();
    try {
      const response = await page.goto(`${origin}/docs`);
      expect(response!.status()).toBe(200);
      const title = page.locator('.info .title');
      await title.waitFor({ state: 'visible', timeout: 20_000 });
      expect(await title.innerText()).toContain('Subscription Commerce API');
      // The operations are rendered from /openapi.json too.
      await page.locator('.opblock-summary-path', { hasText: '/api/v1/admin/dashboard-session' }).first().waitFor({ timeout: 20_000 });
      await page.waitForLoadState('networkidle');
      await page.screenshot({ path: resolve(ARTIFACTS, 'docs.png') });
      expect(requests).toContain(`${origin}/openapi.json`);
      expect(foreign(requests)).toEqual([]);
    } finally {
      await context.close();
    }
  });
});
