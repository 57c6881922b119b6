import { afterEach, describe, expect, it, setSystemTime } from 'bun:test';
import { OpenAPIHono, z } from '@hono/zod-openapi';
import { SYSTEM_ACTOR } from '#domain/shared/domain-event';
import { CreateAdminUseCase } from '#application/identity/create-admin/create-admin.use-case';
import { LoginUserUseCase } from '#application/identity/login-user/login-user.use-case';
import { RegisterUserUseCase } from '#application/identity/register-user/register-user.use-case';
import type { AppEnv } from '#interfaces/http/app-env';
import { createErrorHandler } from '#interfaces/http/error-handler';
import { installTokenVerifier } from '#interfaces/http/middleware/authorize';
import { defineRoute } from '#interfaces/http/route-table';
import { identityFixture, JWT } from './identity-fixtures';

/**
 * Role checks: the role is read from the verified token by the one authorize middleware, never from the
 * repository. Shown on a tiny app with one route per access level, wired like the real one.
 */
async function setup() {
  const f = identityFixture();
  installTokenVerifier(f.tokens);
  const app = new OpenAPIHono<AppEnv>();
  app.onError(createErrorHandler(f.logger));
  const ok = { 200: { description: 'ok', content: { 'application/json': { schema: z.object({ caller: z.string() }) } } } };
  app.openapi(defineRoute('admin', { method: 'get', path: '/admin-only', responses: ok }), (c) => c.json({ caller: c.get('caller')!.role }, 200));
  app.openapi(defineRoute('user', { method: 'get', path: '/signed-in', responses: ok }), (c) => c.json({ caller: c.get('caller')!.role }, 200));
  const call = (path: string, token?: string) => app.request(path, token ? { headers: { Authorization: `Bearer ${token}` } } : {});

  const login = new LoginUserUseCase(f.users, f.hasher, f.tokens, f.throttle, f.audit, f.ids, f.clock);
  const tokenOf = async (email: string, password: string) => (await login.execute({ email, password, clientAddress: 'unit', correlationId: 'c' })).accessToken;
  const admin = await new CreateAdminUseCase(f.users, f.hasher, f.ids, f.clock).execute({ email: 'boss@example.com', password: 'admin password', name: 'Boss', actor: SYSTEM_ACTOR, correlationId: 'c' });
  await new RegisterUserUseCase(f.users, f.hasher, f.ids, f.clock).execute({ email: 'user@example.com', password: 'user password', name: 'User', correlationId: 'c' });
  return { ...f, call, tokenOf, admin };
}

afterEach(() => setSystemTime());

describe('role checks', () => {
  it('anonymous → 401, USER → 403 on an ADMIN route, ADMIN → 200; any signed-in role passes a user route', async () => {
    const { call, tokenOf } = await setup();
    const userToken = await tokenOf('user@example.com', 'user password');
    const adminToken = await tokenOf('boss@example.com', 'admin password');
    expect((await call('/admin-only')).status).toBe(401);
    expect((await call('/admin-only', userToken)).status).toBe(403);
    expect(await (await call('/admin-only', adminToken)).json()).toEqual({ caller: 'ADMIN' });
    expect((await call('/signed-in')).status).toBe(401);
    expect(await (await call('/signed-in', userToken)).json()).toEqual({ caller: 'USER' });
    expect(await (await call('/signed-in', adminToken)).json()).toEqual({ caller: 'ADMIN' });
  });
});

describe('demotion', () => {
  it('a demoted admin’s token keeps ADMIN access until it expires; a new login carries the new role', async () => {
    const { call, tokenOf, users, admin } = await setup();
    const issuedAt = Date.now();
    setSystemTime(issuedAt);
    const adminToken = await tokenOf('boss@example.com', 'admin password');

    const stored = (await users.findById(admin.id))!;
    stored.changeRole('USER', new Date());
    await users.save(stored, { actor: SYSTEM_ACTOR, correlationId: 'demote' });
    expect((await users.findById(admin.id))!.toSnapshot().role).toBe('USER');

    // No database read per request: the old token still says ADMIN, and is honoured.
    expect((await call('/admin-only', adminToken)).status).toBe(200);
    // A fresh login reflects the demotion at once.
    expect((await call('/admin-only', await tokenOf('boss@example.com', 'admin password'))).status).toBe(403);

    setSystemTime(issuedAt + (JWT.ttlSeconds - 1) * 1000);
    expect((await call('/admin-only', adminToken)).status).toBe(200);
    setSystemTime(issuedAt + (JWT.ttlSeconds + 1) * 1000);
    expect((await call('/admin-only', adminToken)).status).toBe(401);
  });
});
