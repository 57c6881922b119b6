import { afterAll, describe, expect, it } from 'bun:test';
import type { Connection } from 'mongoose';
import { MongooseConnection } from '#infrastructure/di/tokens';
import { dropTestState, startTestApp, type TestApp } from '../../support/test-app';
import { mongoUriFor, uniqueName } from '../../support/test-services';

/** API.md "Auth": the first admin from BOOTSTRAP_ADMIN_*, created once (DESIGN.md D2: race-safe across processes). */
const started: TestApp[] = [];
afterAll(async () => {
  await Promise.all(started.map((app) => app.runtime.shutdown()));
  const databases = new Map(started.map((app) => [app.config.MONGODB_URI, app.config]));
  for (const config of databases.values()) await dropTestState(config);
});

async function start(overrides: Parameters<typeof startTestApp>[0]): Promise<TestApp> {
  const app = await startTestApp(overrides);
  started.push(app);
  return app;
}
const users = (app: TestApp) => app.runtime.container.resolve<Connection>(MongooseConnection).collection('users');
const login = (app: TestApp, email: string, password: string) => app.http.post('/api/v1/auth/login', { email, password });

describe('bootstrap admin', () => {
  it('three runtimes starting at once against one database all reach ready, with exactly one admin', async () => {
    const shared = {
      MONGODB_URI: mongoUriFor(uniqueName('boot')),
      REDIS_KEY_PREFIX: uniqueName('boot'),
      BOOTSTRAP_ADMIN_EMAIL: 'Root@Example.com',
      BOOTSTRAP_ADMIN_PASSWORD: 'bootstrap password',
    };
    const apps = await Promise.all([1, 2, 3].map(() => start(shared)));

    for (const app of apps) expect((await app.http.get('/health/ready')).status).toBe(200);
    expect(await users(apps[0]!).countDocuments({ role: 'ADMIN' })).toBe(1);
    expect(await users(apps[0]!).countDocuments({})).toBe(1);
    const creators = apps.filter((app) => app.logger.lines.some((l) => l.message === 'created the bootstrap admin'));
    expect(creators).toHaveLength(1);

    // Every process lets the admin in, with the ADMIN role, whatever the e-mail's case.
    for (const app of apps) {
      const res = await login(app, 'root@example.com', 'bootstrap password');
      expect(res.status).toBe(200);
      expect((await app.http.get('/api/v1/auth/me', { token: res.body.accessToken })).body).toMatchObject({ email: 'Root@Example.com', role: 'ADMIN' });
    }
    const token = (await login(apps[0]!, 'Root@Example.com', 'bootstrap password')).body.accessToken;
    const registered = await apps[0]!.http.get('/api/v1/admin/audit-logs?type=user.registered', { token });
    expect(registered.body.data).toHaveLength(1);
    expect(registered.body.data[0]).toMatchObject({ actor: { type: 'system' }, correlationId: 'startup' });
  });

  it('does not promote a USER who registered the e-mail first; start-up logs an error and continues', async () => {
    const database = { MONGODB_URI: mongoUriFor(uniqueName('squat')), REDIS_KEY_PREFIX: uniqueName('squat') };
    const first = await start(database);
    const registered = await first.http.post('/api/v1/auth/register', { email: 'owner@example.com', password: 'squatter password', name: 'Early bird' });
    expect(registered.status).toBe(201);

    const second = await start({ ...database, BOOTSTRAP_ADMIN_EMAIL: 'Owner@Example.com', BOOTSTRAP_ADMIN_PASSWORD: 'bootstrap password' });
    expect((await second.http.get('/health/ready')).status).toBe(200);
    expect(second.logger.lines.filter((l) => l.level === 'error' && /BOOTSTRAP_ADMIN_EMAIL/.test(l.message))).toHaveLength(1);
    expect(await users(second).countDocuments({ role: 'ADMIN' })).toBe(0);

    const squatter = await login(second, 'owner@example.com', 'squatter password');
    expect((await second.http.get('/api/v1/auth/me', { token: squatter.body.accessToken })).body).toMatchObject({ id: registered.body.id, role: 'USER' });
    expect((await login(second, 'owner@example.com', 'bootstrap password')).status).toBe(401);
  });
});
