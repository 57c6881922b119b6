import { afterAll, beforeAll, describe, expect, it } from 'bun:test';
import { startTestApp, tokenFor, type TestApp } from '../../support/test-app';

/**
 * Cursor pagination (API.md Conventions, DESIGN.md D5), through a real list route: the audit log, whose rows are
 * made by registering users (`user.registered`).
 */
const LIST = '/api/v1/admin/audit-logs';
const TYPE = 'user.registered';

let app: TestApp;
let admin: string;

beforeAll(async () => {
  app = await startTestApp({ ROLE: 'api' });
  admin = await tokenFor(app, 'ADMIN');
});
afterAll(async () => {
  await app?.close();
});

async function registerUsers(count: number): Promise<string[]> {
  const ids: string[] = [];
  for (let i = 0; i < count; i++) {
    const response = await app.http.post('/api/v1/auth/register', {
      email: `cursor-${crypto.randomUUID()}@example.com`,
      password: 'cursor-test-password',
      name: `Cursor ${i}`,
    });
    expect(response.status).toBe(201);
    ids.push(response.body.id);
  }
  return ids;
}

const page = (query: string) => app.http.get(`${LIST}?type=${TYPE}&${query}`, { token: admin });
const subjectsOf = (body: { data: Array<{ subject: { id: string } }> }) => body.data.map((entry) => entry.subject.id);

describe('cursor pagination', () => {
  it('walks every row once, newest first, while rows are inserted between pages', async () => {
    const existing = await registerUsers(7);
    const seen: string[] = [];

    const first = await page('limit=3');
    expect(first.status).toBe(200);
    seen.push(...subjectsOf(first.body));
    let cursor: string | null = first.body.nextCursor;

    // Newer rows arrive between pages: they belong before page one, so later pages neither repeat nor skip a row.
    await registerUsers(4);
    while (cursor) {
      const next = await page(`limit=3&cursor=${encodeURIComponent(cursor)}`);
      expect(next.status).toBe(200);
      seen.push(...subjectsOf(next.body));
      cursor = next.body.nextCursor;
    }

    expect(new Set(seen).size).toBe(seen.length);
    expect(seen).toEqual([...existing].reverse());
  });

  it('answers 400 to a tampered cursor', async () => {
    await registerUsers(3);
    const first = await page('limit=1');
    const cursor: string = first.body.nextCursor;
    expect(cursor).toEqual(expect.any(String));
    const [body, signature] = cursor.split('.') as [string, string];
    const position = JSON.parse(Buffer.from(body, 'base64url').toString('utf8'));
    position.t -= 1;
    const edited = `${Buffer.from(JSON.stringify(position)).toString('base64url')}.${signature}`;
    const flipped = `${body}.${signature.slice(0, -2)}${signature.endsWith('AA') ? 'BB' : 'AA'}`;
    for (const bad of [edited, flipped, 'not-a-cursor', `${cursor}.extra`]) {
      const response = await page(`limit=1&cursor=${encodeURIComponent(bad)}`);
      expect({ bad, status: response.status }).toEqual({ bad, status: 400 });
      expect(response.body.errors).toEqual([{ path: 'query.cursor', message: expect.any(String) }]);
    }
  });

  it('answers 400 to a cursor replayed with other filters (it is bound to the route and its filters)', async () => {
    const first = await page('limit=1');
    const elsewhere = await app.http.get(`${LIST}?type=auth.login_failed&limit=1&cursor=${encodeURIComponent(first.body.nextCursor)}`, { token: admin });
    expect(elsewhere.status).toBe(400);
  });

  it('answers 400 to a limit outside 1..100, and accepts both ends', async () => {
    for (const limit of ['0', '101', '-1', '2.5', 'ten']) {
      const response = await page(`limit=${limit}`);
      expect({ limit, status: response.status }).toEqual({ limit, status: 400 });
      expect(response.body.errors[0].path).toBe('query.limit');
    }
    for (const limit of ['1', '100']) expect((await page(`limit=${limit}`)).status).toBe(200);
  });
});
