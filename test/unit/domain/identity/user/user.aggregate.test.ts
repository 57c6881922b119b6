import { describe, expect, it } from 'bun:test';
import { Email } from '#domain/identity/user/email.vo';
import { User } from '#domain/identity/user/user.aggregate';
import { InvalidUserError } from '#domain/identity/user/user.errors';
import { USER_REGISTERED, USER_ROLE_CHANGED } from '#domain/identity/user/user.events';

const now = new Date('2026-03-01T12:00:00.000Z');
const later = new Date('2026-03-02T12:00:00.000Z');
const newUser = (overrides: Partial<Parameters<typeof User.create>[0]> = {}) =>
  User.create({ id: 'u-1', email: Email.parse('Ada@Example.com'), name: ' Ada ', role: 'USER', passwordHash: '$argon2id$fake', now, ...overrides });

describe('User', () => {
  it('is created with a trimmed name and records user.registered without any secret', () => {
    const user = newUser();
    expect(user.toSnapshot()).toEqual({
      id: 'u-1',
      email: 'Ada@Example.com',
      name: 'Ada',
      role: 'USER',
      passwordHash: '$argon2id$fake',
      createdAt: now,
      updatedAt: now,
    });
    const events = user.pullDomainEvents();
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({ type: USER_REGISTERED, version: 1, aggregateId: 'u-1', payload: { email: 'Ada@Example.com', name: 'Ada', role: 'USER' } });
    expect(JSON.stringify(events)).not.toContain('argon2');
  });

  it.each([
    ['an empty name', { name: '   ' }, 'name'],
    ['a name over 100 characters', { name: 'x'.repeat(101) }, 'name'],
    ['an unknown role', { role: 'ROOT' as never }, 'role'],
    ['no password hash', { passwordHash: '' }, 'password'],
  ])('refuses %s', (_what, overrides, path) => {
    expect(() => newUser(overrides)).toThrow(InvalidUserError);
    try {
      newUser(overrides);
    } catch (error) {
      expect((error as InvalidUserError).path).toBe(path);
    }
  });

  it('changes role with an event, and records nothing when the role is unchanged', () => {
    const user = User.rehydrate(newUser({ role: 'ADMIN' }).toSnapshot(), 1);
    user.changeRole('ADMIN', later);
    expect(user.pullDomainEvents()).toEqual([]);
    user.changeRole('USER', later);
    expect(user.toSnapshot()).toMatchObject({ role: 'USER', updatedAt: later, createdAt: now });
    expect(user.pullDomainEvents()).toEqual([
      expect.objectContaining({ type: USER_ROLE_CHANGED, aggregateId: 'u-1', payload: { from: 'ADMIN', to: 'USER' } }),
    ]);
  });

  it('rehydrates without recording events', () => {
    const user = User.rehydrate(newUser().toSnapshot(), 3);
    expect(user.version).toBe(3);
    expect(user.pullDomainEvents()).toEqual([]);
  });
});
