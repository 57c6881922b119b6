import { describe, expect, it } from 'bun:test';
import { SYSTEM_ACTOR } from '#domain/shared/domain-event';
import { CreateAdminUseCase } from '#application/identity/create-admin/create-admin.use-case';
import { RegisterUserUseCase } from '#application/identity/register-user/register-user.use-case';
import { ConflictError } from '#application/shared/application-error';
import { identityFixture } from './identity-fixtures';

const input = { email: 'Ops@Example.com', password: 'operator password', name: 'Ops', actor: SYSTEM_ACTOR, correlationId: 'cli-1' };

describe('CreateAdminUseCase', () => {
  it('creates an ADMIN, audited as a system action', async () => {
    const f = identityFixture();
    const view = await new CreateAdminUseCase(f.users, f.hasher, f.ids, f.clock).execute(input);
    expect(view).toMatchObject({ email: 'Ops@Example.com', role: 'ADMIN', name: 'Ops' });
    expect(f.audit.all()).toEqual([expect.objectContaining({ type: 'user.registered', actor: { type: 'system' }, subject: { type: 'user', id: view.id }, correlationId: 'cli-1' })]);
  });

  it('refuses an e-mail already in use (any case) and never promotes its owner', async () => {
    const f = identityFixture();
    const user = await new RegisterUserUseCase(f.users, f.hasher, f.ids, f.clock).execute({ email: 'ops@example.com', password: 'user password', name: 'U', correlationId: 'r' });
    await expect(new CreateAdminUseCase(f.users, f.hasher, f.ids, f.clock).execute(input)).rejects.toBeInstanceOf(ConflictError);
    expect((await f.users.findById(user.id))!.toSnapshot().role).toBe('USER');
  });
});
