import { inject, injectable } from 'tsyringe';
import type { InvalidEmailError, InvalidUserError } from '#domain/identity/user/user.errors';
import { UserRepository } from '#domain/identity/user/user.repository';
import type { ConflictError, ValidationError } from '#application/shared/application-error';
import { Clock } from '#application/shared/ports/clock.port';
import { IdGenerator } from '#application/shared/ports/id-generator.port';
import { PasswordHasher } from '#application/identity/ports/password-hasher.port';
import { createAccount } from '#application/identity/shared/new-user';
import { toUserView, type UserView } from '#application/identity/shared/user-view';

/** A self-registration has no signed-in caller: the new user is the actor of their own registration. */
export interface RegisterUserInput {
  readonly email: string;
  readonly password: string;
  readonly name: string;
  readonly correlationId: string;
}

export type RegisterUserErrors = ConflictError | ValidationError | InvalidEmailError | InvalidUserError;

/** POST /auth/register: a USER account; the e-mail must be free case-insensitively (409 otherwise). */
@injectable()
export class RegisterUserUseCase {
  constructor(
    @inject(UserRepository) private readonly users: UserRepository,
    @inject(PasswordHasher) private readonly hasher: PasswordHasher,
    @inject(IdGenerator) private readonly ids: IdGenerator,
    @inject(Clock) private readonly clock: Clock,
  ) {}

  async execute(input: RegisterUserInput): Promise<UserView> {
    const user = await createAccount(
      { users: this.users, hasher: this.hasher, ids: this.ids, clock: this.clock },
      { email: input.email, name: input.name, password: input.password, role: 'USER' },
      (userId) => ({ actor: { type: 'user', id: userId }, correlationId: input.correlationId }),
    );
    return toUserView(user);
  }
}
