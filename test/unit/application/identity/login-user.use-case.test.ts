import { describe, expect, it } from 'bun:test';
import { LoginUserUseCase } from '#application/identity/login-user/login-user.use-case';
import { RegisterUserUseCase } from '#application/identity/register-user/register-user.use-case';
import { RateLimitedError, UnauthorizedError } from '#application/shared/application-error';
import { CountingPasswordHasher, identityFixture, LIMITS } from './identity-fixtures';

const PASSWORD = 'correct horse battery';

async function setup() {
  const f = identityFixture();
  const user = await new RegisterUserUseCase(f.users, f.hasher, f.ids, f.clock).execute({
    email: 'Ada@Example.com',
    password: PASSWORD,
    name: 'Ada',
    correlationId: 'register',
  });
  const login = new LoginUserUseCase(f.users, f.hasher, f.tokens, f.throttle, f.audit, f.ids, f.clock);
  const attempt = (email: string, password: string, clientAddress = '203.0.113.7', correlationId = 'req-login') =>
    login.execute({ email, password, clientAddress, correlationId });
  return { ...f, user, login, attempt };
}

async function failure(promise: Promise<unknown>): Promise<Error> {
  try {
    await promise;
  } catch (error) {
    return error as Error;
  }
  throw new Error('expected the login to fail');
}

const loginEntries = (audit: { all(): Array<{ type: string }> }) => audit.all().filter((e) => e.type.startsWith('auth.'));

describe('LoginUserUseCase', () => {
  it('issues a Bearer token carrying the user id and role, matching the e-mail in any case', async () => {
    const { attempt, user, tokens } = await setup();
    const result = await attempt('  ada@EXAMPLE.com ', PASSWORD);
    expect(result).toEqual({ accessToken: expect.any(String), tokenType: 'Bearer', expiresIn: 900 });
    expect(await tokens.verify(result.accessToken)).toEqual({ userId: user.id, role: 'USER' });
  });

  it('audits a success with the user as actor and subject, awaited before returning', async () => {
    const { attempt, user, audit } = await setup();
    await attempt('ada@example.com', PASSWORD, '203.0.113.7', 'req-42');
    expect(loginEntries(audit)).toEqual([
      expect.objectContaining({
        type: 'auth.login_succeeded',
        actor: { type: 'user', id: user.id },
        subject: { type: 'user', id: user.id },
        refs: { userId: user.id },
        correlationId: 'req-42',
      }),
    ]);
  });

  it('refuses a wrong password with UnauthorizedError and audits wrong_password on the user', async () => {
    const { attempt, user, audit } = await setup();
    expect(await failure(attempt('ada@example.com', 'wrong password!'))).toBeInstanceOf(UnauthorizedError);
    expect(loginEntries(audit)).toEqual([
      expect.objectContaining({ type: 'auth.login_failed', actor: { type: 'system' }, subject: { type: 'user', id: user.id }, refs: { userId: user.id }, data: expect.objectContaining({ reason: 'wrong_password' }) }),
    ]);
  });

  it('refuses an unknown e-mail the same way and audits unknown_email on the normalised e-mail', async () => {
    const { attempt, audit } = await setup();
    expect(await failure(attempt('  Nobody@Example.com', 'whatever it is'))).toBeInstanceOf(UnauthorizedError);
    expect(loginEntries(audit)).toEqual([
      expect.objectContaining({ type: 'auth.login_failed', subject: { type: 'email', id: 'nobody@example.com' }, refs: {}, data: expect.objectContaining({ reason: 'unknown_email' }) }),
    ]);
  });

  it('does the same work for an unknown e-mail and a wrong password: exactly one verify each, the same error', async () => {
    const { attempt, hasher, user, users } = await setup();
    const storedHash = (await users.findById(user.id))!.toSnapshot().passwordHash;

    hasher.verifyCalls.length = 0;
    const wrongPassword = await failure(attempt('ada@example.com', 'wrong password!'));
    expect(hasher.verifyCalls).toEqual([{ hash: storedHash, password: 'wrong password!' }]);

    hasher.verifyCalls.length = 0;
    const unknownEmail = await failure(attempt('nobody@example.com', 'wrong password!'));
    expect(hasher.verifyCalls).toEqual([{ hash: CountingPasswordHasher.DUMMY, password: 'wrong password!' }]);

    expect(unknownEmail.constructor).toBe(wrongPassword.constructor);
    expect(unknownEmail.message).toBe(wrongPassword.message);
    expect((unknownEmail as UnauthorizedError).params).toEqual((wrongPassword as UnauthorizedError).params);
  });

  it('never puts the password in an audit entry', async () => {
    const { attempt, audit } = await setup();
    await attempt('ada@example.com', PASSWORD);
    await failure(attempt('ada@example.com', 'wrong password!'));
    await failure(attempt('nobody@example.com', 'another secret'));
    const written = JSON.stringify(audit.all());
    for (const secret of [PASSWORD, 'wrong password!', 'another secret']) expect(written).not.toContain(secret);
  });

  describe('throttling', () => {
    it('refuses every attempt once an e-mail reached its limit, the right password too, without verifying', async () => {
      const { attempt, hasher, audit, user } = await setup();
      for (let i = 0; i < LIMITS.maxFailsEmail; i += 1) {
        expect(await failure(attempt('ada@example.com', 'wrong password!', `198.51.100.${i}`))).toBeInstanceOf(UnauthorizedError);
      }
      hasher.verifyCalls.length = 0;
      const throttled = await failure(attempt('ada@example.com', PASSWORD, '198.51.100.200'));
      expect(throttled).toBeInstanceOf(RateLimitedError);
      expect((throttled as RateLimitedError).retryAfterSeconds).toBe(LIMITS.windowMs / 1000);
      expect(hasher.verifyCalls).toHaveLength(0);
      expect(loginEntries(audit).at(-1)).toMatchObject({ type: 'auth.login_failed', subject: { type: 'user', id: user.id }, data: { reason: 'throttled' } });
    });

    it('lets the right password through again once the window has ended', async () => {
      const { attempt, throttleClock } = await setup();
      for (let i = 0; i < LIMITS.maxFailsEmail; i += 1) await failure(attempt('ada@example.com', 'wrong password!'));
      expect(await failure(attempt('ada@example.com', PASSWORD))).toBeInstanceOf(RateLimitedError);
      throttleClock.advance(LIMITS.windowMs);
      expect((await attempt('ada@example.com', PASSWORD)).tokenType).toBe('Bearer');
    });

    it('throttles a client address across e-mails, and only that address', async () => {
      const { attempt } = await setup();
      for (let i = 0; i < LIMITS.maxFailsAddress; i += 1) await failure(attempt(`victim${i}@example.com`, 'guess guess', '192.0.2.1'));
      expect(await failure(attempt('ada@example.com', PASSWORD, '192.0.2.1'))).toBeInstanceOf(RateLimitedError);
      expect((await attempt('ada@example.com', PASSWORD, '192.0.2.2')).tokenType).toBe('Bearer');
    });

    it('clears the e-mail counter after a success', async () => {
      const { attempt } = await setup();
      const belowLimit = LIMITS.maxFailsEmail - 1;
      for (let i = 0; i < belowLimit; i += 1) await failure(attempt('ada@example.com', 'wrong password!', `198.51.100.${i}`));
      await attempt('ada@example.com', PASSWORD, '198.51.100.50');
      for (let i = 0; i < belowLimit; i += 1) {
        expect(await failure(attempt('ada@example.com', 'wrong password!', `198.51.100.${60 + i}`))).toBeInstanceOf(UnauthorizedError);
      }
      expect((await attempt('ada@example.com', PASSWORD, '198.51.100.99')).tokenType).toBe('Bearer');
    });

    it('does not count successes', async () => {
      const { attempt } = await setup();
      for (let i = 0; i < LIMITS.maxFailsAddress + 2; i += 1) expect((await attempt('ada@example.com', PASSWORD, '192.0.2.9')).tokenType).toBe('Bearer');
    });
  });
});
