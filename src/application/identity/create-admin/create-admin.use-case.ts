import { inject, injectable } from 'tsyringe';
import type { InvalidEmailError, InvalidUserError } from '#domain/identity/user/user.errors';
import { UserRepository } from '#domain/identity/user/user.repository';
import type { ConflictError, ValidationError } from '#application/shared/application-error';
import { Clock } from '#application/shared/ports/clock.port';
import { IdGenerator } from '#application/shared/ports/id-generator.port';
import type { UseCaseContext } from '#application/shared/use-case-context';
import { PasswordHasher } from '#application/identity/ports/password-hasher.port';
import { createAccount } from '#application/identity/shared/new-user';
import { toUserView, type UserView } from '#application/identity/shared/user-view';

export interface CreateAdminInput extends UseCaseContext {
  readonly email: string;
  readonly password: string;
  readonly name: string;
}

export type CreateAdminErrors = ConflictError | ValidationError | InvalidEmailError | InvalidUserError;

/** `npm run admin:create`: a new ADMIN account. An e-mail already in use is refused (409-style), never promoted. */
@injectable()
export class CreateAdminUseCase {
  constructor(
    @inject(UserRepository) private readonly users: UserRepository,
    @inject(PasswordHasher) private readonly hasher: PasswordHasher,
    @inject(IdGenerator) private readonly ids: IdGenerator,
    @inject(Clock) private readonly clock: Clock,
  ) {}

  async execute(input: CreateAdminInput): Promise<UserView> {
    const admin = await createAccount(
      { users: this.users, hasher: this.hasher, ids: this.ids, clock: this.clock },
      { email: input.email, name: input.name, password: input.password, role: 'ADMIN' },
      () => ({ actor: input.actor, correlationId: input.correlationId }),
    );
    return toUserView(admin);
  }
}
