import { describe, expect, it } from 'bun:test';
import { GetCurrentUserUseCase } from '#application/identity/get-current-user/get-current-user.use-case';
import { RegisterUserUseCase } from '#application/identity/register-user/register-user.use-case';
import { NotFoundError } from '#application/shared/application-error';
import { identityFixture } from './identity-fixtures';

describe('GetCurrentUserUseCase', () => {
  it('returns the caller’s own account without the hash', async () => {
    const f = identityFixture();
    const registered = await new RegisterUserUseCase(f.users, f.hasher, f.ids, f.clock).execute({ email: 'me@example.com', password: 'my password!', name: 'Me', correlationId: 'r' });
    const me = await new GetCurrentUserUseCase(f.users).execute({ caller: { userId: registered.id, role: 'USER' } });
    expect(me).toEqual(registered);
    expect(Object.keys(me).sort()).toEqual(['createdAt', 'email', 'id', 'name', 'role']);
  });

  it('answers NotFound for a token whose user does not exist', async () => {
    const f = identityFixture();
    await expect(new GetCurrentUserUseCase(f.users).execute({ caller: { userId: f.ids.next(), role: 'USER' } })).rejects.toBeInstanceOf(NotFoundError);
  });
});
