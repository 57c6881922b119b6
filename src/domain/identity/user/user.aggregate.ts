import { AggregateRoot } from '#domain/shared/aggregate-root';
import type { Email } from '#domain/identity/user/email.vo';
import { InvalidUserError } from '#domain/identity/user/user.errors';
import { ROLES, type Role } from '#domain/identity/user/role';
import {
  USER_REGISTERED,
  USER_ROLE_CHANGED,
  type UserRegisteredEvent,
  type UserRoleChangedEvent,
} from '#domain/identity/user/user.events';

export interface UserSnapshot {
  readonly id: string;
  /** As typed (trimmed); matched case-insensitively. */
  readonly email: string;
  readonly name: string;
  readonly role: Role;
  /** An argon2id hash (PHC string); the password itself is never stored. */
  readonly passwordHash: string;
  readonly createdAt: Date;
  readonly updatedAt: Date;
}

/** A person who can sign in. The password is hashed outside the domain (PasswordHasher port) and passed in. */
export class User extends AggregateRoot {
  private constructor(
    private readonly id: string,
    private readonly email: string,
    private readonly name: string,
    private role: Role,
    private readonly passwordHash: string,
    private readonly createdAt: Date,
    private updatedAt: Date,
    version: number,
  ) {
    super(version);
  }

  static create(input: { id: string; email: Email; name: string; role: Role; passwordHash: string; now: Date }): User {
    const name = input.name.trim();
    if (name.length < 1 || name.length > 100) throw new InvalidUserError('name must be 1..100 characters', 'name');
    assertRole(input.role);
    if (input.passwordHash.length === 0) throw new InvalidUserError('a password hash is required', 'password');
    const user = new User(input.id, input.email.value, name, input.role, input.passwordHash, input.now, input.now, 0);
    user.record({
      type: USER_REGISTERED,
      version: 1,
      aggregateType: 'User',
      aggregateId: input.id,
      occurredAt: input.now,
      payload: { email: user.email, name, role: input.role },
    } satisfies UserRegisteredEvent);
    return user;
  }

  static rehydrate(snapshot: UserSnapshot, version: number): User {
    const s = snapshot;
    return new User(s.id, s.email, s.name, s.role, s.passwordHash, s.createdAt, s.updatedAt, version);
  }

  /**
   * Promotes or demotes. Access tokens already issued keep the role they were signed with until they expire
   * (the role is read from the token, not from here, on every request).
   */
  changeRole(role: Role, now: Date): void {
    assertRole(role);
    if (role === this.role) return;
    const from = this.role;
    this.role = role;
    this.updatedAt = now;
    this.record({
      type: USER_ROLE_CHANGED,
      version: 1,
      aggregateType: 'User',
      aggregateId: this.id,
      occurredAt: now,
      payload: { from, to: role },
    } satisfies UserRoleChangedEvent);
  }

  toSnapshot(): UserSnapshot {
    return {
      id: this.id,
      email: this.email,
      name: this.name,
      role: this.role,
      passwordHash: this.passwordHash,
      createdAt: this.createdAt,
      updatedAt: this.updatedAt,
    };
  }
}

function assertRole(role: string): asserts role is Role {
  if (!(ROLES as readonly string[]).includes(role)) throw new InvalidUserError(`role must be one of ${ROLES.join(', ')}`, 'role');
}
