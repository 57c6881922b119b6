import { inject, injectable } from 'tsyringe';
import { Email } from '#domain/identity/user/email.vo';
import type { User } from '#domain/identity/user/user.aggregate';
import { UserRepository } from '#domain/identity/user/user.repository';
import { SYSTEM_ACTOR, type Actor } from '#domain/shared/domain-event';
import { AuditLog } from '#application/audit/ports/audit-log.port';
import { RateLimitedError, UnauthorizedError } from '#application/shared/application-error';
import { Clock } from '#application/shared/ports/clock.port';
import { IdGenerator } from '#application/shared/ports/id-generator.port';
import { LoginThrottle, type LoginAttemptKey } from '#application/identity/ports/login-throttle.port';
import { PasswordHasher } from '#application/identity/ports/password-hasher.port';
import { TokenIssuer } from '#application/identity/ports/token-issuer.port';

/** Nobody is signed in yet: the actor of a login outcome is the user on success, the system otherwise. */
export interface LoginUserInput {
  readonly email: string;
  readonly password: string;
  /** The client address the HTTP edge determined (DESIGN.md D5). */
  readonly clientAddress: string;
  readonly correlationId: string;
}

export interface LoginUserOutput {
  readonly accessToken: string;
  readonly tokenType: 'Bearer';
  readonly expiresIn: number;
}

export type LoginUserErrors = UnauthorizedError | RateLimitedError;

export const LOGIN_SUCCEEDED = 'auth.login_succeeded';
export const LOGIN_FAILED = 'auth.login_failed';
export type LoginFailureReason = 'wrong_password' | 'unknown_email' | 'throttled';

/** One message for a wrong e-mail and a wrong password, so the answer never says which it was. */
export const INVALID_CREDENTIALS = 'Wrong email or password.';

/**
 * POST /auth/login. An unknown e-mail and a wrong password do the same work (one lookup, exactly one `verify`,
 * against a dummy hash when no user matches) and give the same error. Throttling is checked first: a throttled
 * attempt is refused whatever the password. Login outcomes have no aggregate, so their audit entries are
 * inserted here directly and awaited before answering (DESIGN.md D3).
 */
@injectable()
export class LoginUserUseCase {
  constructor(
    @inject(UserRepository) private readonly users: UserRepository,
    @inject(PasswordHasher) private readonly hasher: PasswordHasher,
    @inject(TokenIssuer) private readonly tokens: TokenIssuer,
    @inject(LoginThrottle) private readonly throttle: LoginThrottle,
    @inject(AuditLog) private readonly audit: AuditLog,
    @inject(IdGenerator) private readonly ids: IdGenerator,
    @inject(Clock) private readonly clock: Clock,
  ) {}

  async execute(input: LoginUserInput): Promise<LoginUserOutput> {
    const key: LoginAttemptKey = { email: Email.normalize(input.email), address: input.clientAddress };
    const user = await this.users.findByEmail(key.email);

    const decision = await this.throttle.check(key);
    if (!decision.allowed) {
      await this.recordFailure(input, key, user, 'throttled');
      throw new RateLimitedError('Too many failed logins; try again later.', decision.retryAfterSeconds);
    }

    const hash = user ? user.toSnapshot().passwordHash : await this.hasher.dummyHash();
    const passwordMatches = await this.hasher.verify(hash, input.password);
    if (!user || !passwordMatches) {
      await this.throttle.recordFailure(key);
      await this.recordFailure(input, key, user, user ? 'wrong_password' : 'unknown_email');
      throw new UnauthorizedError(INVALID_CREDENTIALS);
    }

    await this.throttle.recordSuccess(key);
    const { id, role } = user.toSnapshot();
    const issued = await this.tokens.issue({ userId: id, role });
    await this.append(LOGIN_SUCCEEDED, { type: 'user', id }, { type: 'user', id }, { userId: id }, { clientAddress: key.address }, input);
    return { accessToken: issued.accessToken, tokenType: 'Bearer', expiresIn: issued.expiresIn };
  }

  private async recordFailure(input: LoginUserInput, key: LoginAttemptKey, user: User | null, reason: LoginFailureReason): Promise<void> {
    const userId = user?.toSnapshot().id;
    const subject = userId ? { type: 'user', id: userId } : { type: 'email', id: key.email };
    await this.append(LOGIN_FAILED, SYSTEM_ACTOR, subject, userId ? { userId } : {}, { reason, clientAddress: key.address }, input);
  }

  private async append(
    type: string,
    actor: Actor,
    subject: { type: string; id: string },
    refs: { userId?: string },
    data: Record<string, unknown>,
    input: LoginUserInput,
  ): Promise<void> {
    await this.audit.append([
      { id: this.ids.next(), type, actor, subject, refs, data, correlationId: input.correlationId, createdAt: await this.clock.now() },
    ]);
  }
}
