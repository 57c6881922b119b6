import { describe, expect, it } from 'bun:test';
import { InvalidEmailError } from '#domain/identity/user/user.errors';
import { RegisterUserUseCase } from '#application/identity/register-user/register-user.use-case';
import { ConflictError, ValidationError } from '#application/shared/application-error';
import { identityFixture } from './identity-fixtures';

function setup() {
  const f = identityFixture();
  return { ...f, register: new RegisterUserUseCase(f.users, f.hasher, f.ids, f.clock) };
}
const input = { email: ' Ada@Example.com ', password: 'correct horse battery', name: 'Ada', correlationId: 'req-1' };

describe('RegisterUserUseCase', () => {
  it('creates a USER with the e-mail as typed, returns no hash, and stores only a hash', async () => {
    const { register, users } = setup();
    const view = await register.execute(input);
    expect(view).toEqual({ id: expect.any(String), email: 'Ada@Example.com', name: 'Ada', role: 'USER', createdAt: new Date('2026-03-01T12:00:00.000Z') });
    expect(JSON.stringify(view)).not.toContain('counting$');
    const stored = (await users.findById(view.id))!.toSnapshot();
    expect(stored.passwordHash).not.toContain(input.password);
    expect(stored.passwordHash.startsWith('counting$')).toBe(true);
  });

  it('records user.registered through the outbox with the new user as actor and the request as correlation id', async () => {
    const { register, audit } = setup();
    const view = await register.execute(input);
    expect(audit.all()).toEqual([
      expect.objectContaining({
        type: 'user.registered',
        actor: { type: 'user', id: view.id },
        subject: { type: 'user', id: view.id },
        refs: { userId: view.id },
        data: { email: 'Ada@Example.com', name: 'Ada', role: 'USER' },
        correlationId: 'req-1',
      }),
    ]);
  });

  it('refuses an e-mail already taken in any case with ConflictError, without hashing', async () => {
    const { register, hasher } = setup();
    await register.execute(input);
    const hashesBefore = hasher.hashCalls;
    await expect(register.execute({ ...input, email: 'ADA@example.COM' })).rejects.toBeInstanceOf(ConflictError);
    expect(hasher.hashCalls).toBe(hashesBefore);
  });

  it('turns a unique-index clash (two registrations racing) into ConflictError too', async () => {
    const { register, users } = setup();
    // Both pass the "is it free?" read before either saves: the repository's unique key decides.
    const originalFind = users.findByEmail.bind(users);
    users.findByEmail = async () => null;
    const results = await Promise.allSettled([register.execute(input), register.execute({ ...input, email: 'ada@example.com' })]);
    users.findByEmail = originalFind;
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
    expect(results.find((r) => r.status === 'rejected')).toMatchObject({ reason: expect.any(ConflictError) });
  });

  it('validates the e-mail and the password length before hashing', async () => {
    const { register, hasher } = setup();
    await expect(register.execute({ ...input, email: 'not-an-email' })).rejects.toBeInstanceOf(InvalidEmailError);
    await expect(register.execute({ ...input, password: 'short' })).rejects.toBeInstanceOf(ValidationError);
    await expect(register.execute({ ...input, password: 'x'.repeat(257) })).rejects.toBeInstanceOf(ValidationError);
    expect(hasher.hashCalls).toBe(0);
  });
});
