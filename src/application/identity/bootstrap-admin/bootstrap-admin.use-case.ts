import { inject, injectable } from 'tsyringe';
import { Email } from '#domain/identity/user/email.vo';
import type { User } from '#domain/identity/user/user.aggregate';
import { UserRepository } from '#domain/identity/user/user.repository';
import { UniqueConstraintError } from '#domain/shared/domain-error';
import { Clock } from '#application/shared/ports/clock.port';
import { IdGenerator } from '#application/shared/ports/id-generator.port';
import { Logger } from '#application/shared/ports/logger.port';
import type { UseCaseContext } from '#application/shared/use-case-context';
import { PasswordHasher } from '#application/identity/ports/password-hasher.port';
import { newUser } from '#application/identity/shared/new-user';

export interface BootstrapAdminInput extends UseCaseContext {
  readonly email: string;
  readonly password: string;
  readonly name: string;
}

/**
 * `created`: this process made the admin; `exists`: an ADMIN with that e-mail was already there (made by an
 * earlier start or by a process starting at the same time); `refused`: the e-mail belongs to a USER, who is not
 * promoted (anyone could have registered it first, API.md "Auth").
 */
export type BootstrapAdminOutcome = { readonly outcome: 'created' | 'exists' | 'refused'; readonly userId: string };

/**
 * Start-up: the first admin from BOOTSTRAP_ADMIN_*, created once. Race-safe across processes (DESIGN.md D2): the
 * unique index on the e-mail lets one insert win; the others re-read and find the winner.
 */
@injectable()
export class BootstrapAdminUseCase {
  constructor(
    @inject(UserRepository) private readonly users: UserRepository,
    @inject(PasswordHasher) private readonly hasher: PasswordHasher,
    @inject(IdGenerator) private readonly ids: IdGenerator,
    @inject(Clock) private readonly clock: Clock,
    @inject(Logger) private readonly logger: Logger,
  ) {}

  async execute(input: BootstrapAdminInput): Promise<BootstrapAdminOutcome> {
    const email = Email.parse(input.email);
    const existing = await this.users.findByEmail(email.normalized);
    if (existing) return this.classify(existing);
    const admin = await newUser({ hasher: this.hasher, ids: this.ids, clock: this.clock }, { email: input.email, name: input.name, password: input.password, role: 'ADMIN' });
    try {
      await this.users.save(admin, input);
    } catch (error) {
      if (!(error instanceof UniqueConstraintError)) throw error;
      const winner = await this.users.findByEmail(email.normalized);
      if (!winner) throw error;
      this.logger.info({ userId: winner.toSnapshot().id }, 'another process created the bootstrap admin first');
      return this.classify(winner);
    }
    this.logger.info({ userId: admin.toSnapshot().id }, 'created the bootstrap admin');
    return { outcome: 'created', userId: admin.toSnapshot().id };
  }

  private classify(user: User): BootstrapAdminOutcome {
    const { id, role } = user.toSnapshot();
    if (role === 'ADMIN') return { outcome: 'exists', userId: id };
    this.logger.error(
      { userId: id },
      'BOOTSTRAP_ADMIN_EMAIL belongs to an existing USER account; it was not promoted (choose another e-mail for the first admin)',
    );
    return { outcome: 'refused', userId: id };
  }
}
