import { Email } from '#domain/identity/user/email.vo';
import type { Role } from '#domain/identity/user/role';
import { User } from '#domain/identity/user/user.aggregate';
import type { UserRepository } from '#domain/identity/user/user.repository';
import { UniqueConstraintError } from '#domain/shared/domain-error';
import type { EventMetadata } from '#domain/shared/domain-event';
import { ConflictError, ValidationError } from '#application/shared/application-error';
import type { Clock } from '#application/shared/ports/clock.port';
import type { IdGenerator } from '#application/shared/ports/id-generator.port';
import type { PasswordHasher } from '#application/identity/ports/password-hasher.port';

/** API.md: passwords of 10..256 characters on registration (the HTTP schema says the same; this guards the CLI and start-up). */
export const PASSWORD_MIN_LENGTH = 10;
export const PASSWORD_MAX_LENGTH = 256;

export function assertPasswordPolicy(password: string): void {
  if (password.length < PASSWORD_MIN_LENGTH || password.length > PASSWORD_MAX_LENGTH) {
    throw new ValidationError(`password must be ${PASSWORD_MIN_LENGTH}..${PASSWORD_MAX_LENGTH} characters`, 'password');
  }
}

export interface NewUserInput {
  readonly email: string;
  readonly name: string;
  readonly password: string;
  readonly role: Role;
}

export interface NewUserDeps {
  readonly hasher: PasswordHasher;
  readonly ids: IdGenerator;
  readonly clock: Clock;
}

/** Validates, hashes the password (only after the cheaper checks passed) and creates the aggregate. */
export async function newUser(deps: NewUserDeps, input: NewUserInput): Promise<User> {
  const email = Email.parse(input.email);
  assertPasswordPolicy(input.password);
  const passwordHash = await deps.hasher.hash(input.password);
  return User.create({ id: deps.ids.next(), email, name: input.name, role: input.role, passwordHash, now: await deps.clock.now() });
}

/**
 * Creates and saves a new account whose e-mail must be free (case-insensitively): checked before hashing so a
 * taken e-mail costs no argon2 work, and decided by the unique index when two requests race. Taken → ConflictError.
 */
export async function createAccount(
  deps: NewUserDeps & { readonly users: UserRepository },
  input: NewUserInput,
  metaFor: (userId: string) => EventMetadata,
): Promise<User> {
  if (await deps.users.findByEmail(Email.parse(input.email).normalized)) throw emailTaken();
  const user = await newUser(deps, input);
  try {
    await deps.users.save(user, metaFor(user.toSnapshot().id));
  } catch (error) {
    throw error instanceof UniqueConstraintError ? emailTaken() : error;
  }
  return user;
}

const emailTaken = () => new ConflictError('An account with this email already exists.');
