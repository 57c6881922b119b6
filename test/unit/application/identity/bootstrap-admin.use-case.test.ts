import { describe, expect, it } from 'bun:test';
import type { UserSnapshot } from '#domain/identity/user/user.aggregate';
import { SYSTEM_ACTOR } from '#domain/shared/domain-event';
import { BootstrapAdminUseCase } from '#application/identity/bootstrap-admin/bootstrap-admin.use-case';
import { RegisterUserUseCase } from '#application/identity/register-user/register-user.use-case';
import { ValidationError } from '#application/shared/application-error';
import { InMemoryUserRepository } from '#infrastructure/in-memory/identity/in-memory-user.repository';
import { InMemoryAggregateStore } from '#infrastructure/in-memory/shared/in-memory-aggregate-store';
import { CountingPasswordHasher, identityFixture } from './identity-fixtures';

const admin = { email: 'Root@Example.com', password: 'bootstrap password', name: 'Root', actor: SYSTEM_ACTOR, correlationId: 'startup' };

/** Holds every `hash` call until `parties` callers are inside: all of them have passed the "does it exist?" read. */
class BarrierHasher extends CountingPasswordHasher {
  #waiting: Array<() => void> = [];
  constructor(private readonly parties: number) {
    super();
  }
  override async hash(password: string): Promise<string> {
    await new Promise<void>((resolve) => {
      this.#waiting.push(resolve);
      if (this.#waiting.length === this.parties) this.#waiting.forEach((release) => release());
    });
    return super.hash(password);
  }
}

/** The counterpart: a read-then-write store with no unique key on the e-mail, where the race must show. */
class NoUniqueEmailUserRepository extends InMemoryUserRepository {
  override readonly store = new InMemoryAggregateStore<UserSnapshot>('User', identityFixture().ids);
}

describe('BootstrapAdminUseCase', () => {
  it('creates the admin once; later runs find it', async () => {
    const f = identityFixture();
    const bootstrap = new BootstrapAdminUseCase(f.users, f.hasher, f.ids, f.clock, f.logger);
    const first = await bootstrap.execute(admin);
    expect(first.outcome).toBe('created');
    expect(await bootstrap.execute({ ...admin, email: 'root@example.COM' })).toEqual({ outcome: 'exists', userId: first.userId });
    expect((await f.users.findById(first.userId))!.toSnapshot()).toMatchObject({ role: 'ADMIN', email: 'Root@Example.com' });
    expect(f.audit.all()).toEqual([expect.objectContaining({ type: 'user.registered', actor: { type: 'system' }, correlationId: 'startup' })]);
  });

  it('does not promote a USER who owns the e-mail: logs an error and carries on', async () => {
    const f = identityFixture();
    const user = await new RegisterUserUseCase(f.users, f.hasher, f.ids, f.clock).execute({ email: 'root@example.com', password: 'user password', name: 'Squatter', correlationId: 'r' });
    const outcome = await new BootstrapAdminUseCase(f.users, f.hasher, f.ids, f.clock, f.logger).execute(admin);
    expect(outcome).toEqual({ outcome: 'refused', userId: user.id });
    expect((await f.users.findById(user.id))!.toSnapshot().role).toBe('USER');
    expect(f.logger.lines.filter((l) => l.level === 'error')).toHaveLength(1);
    expect(JSON.stringify(f.logger.lines)).not.toContain(admin.password);
  });

  it('refuses a bootstrap password outside 10..256 characters', async () => {
    const f = identityFixture();
    await expect(new BootstrapAdminUseCase(f.users, f.hasher, f.ids, f.clock, f.logger).execute({ ...admin, password: 'short' })).rejects.toBeInstanceOf(ValidationError);
  });

  it('ends with exactly one admin when three starts race past the existence check', async () => {
    const f = identityFixture();
    const hasher = new BarrierHasher(3);
    const runs = await Promise.all([1, 2, 3].map(() => new BootstrapAdminUseCase(f.users, hasher, f.ids, f.clock, f.logger).execute(admin)));
    expect(hasher.hashCalls).toBe(3); // the barrier forced all three past the read before any save
    expect(runs.map((r) => r.outcome).sort()).toEqual(['created', 'exists', 'exists']);
    expect(new Set(runs.map((r) => r.userId)).size).toBe(1);
    expect(f.users.store.snapshots().filter((s) => s.role === 'ADMIN')).toHaveLength(1);
  });

  it('counterpart: without a unique e-mail key the same race makes three admins (the test above can see the race)', async () => {
    const f = identityFixture();
    const users = new NoUniqueEmailUserRepository(f.ids);
    const hasher = new BarrierHasher(3);
    await Promise.all([1, 2, 3].map(() => new BootstrapAdminUseCase(users, hasher, f.ids, f.clock, f.logger).execute(admin)));
    expect(users.store.snapshots().filter((s) => s.role === 'ADMIN')).toHaveLength(3);
  });
});
