import type { LoginThrottleLimits } from '#application/identity/ports/login-throttle.port';
import type { PasswordHasher } from '#application/identity/ports/password-hasher.port';
import { FixedClock } from '#infrastructure/in-memory/shared/fixed-clock';
import { InMemoryAuditLog } from '#infrastructure/in-memory/audit/in-memory-audit-log';
import { InMemoryLoginThrottle } from '#infrastructure/in-memory/identity/in-memory-login-throttle';
import { InMemoryUserRepository } from '#infrastructure/in-memory/identity/in-memory-user.repository';
import { InMemoryJobQueue } from '#infrastructure/in-memory/shared/in-memory-job-queue';
import { MemoryLogger } from '#infrastructure/in-memory/shared/silent-logger';
import { UuidV7IdGenerator } from '#infrastructure/ids/uuid-v7.id-generator';
import { OutboxDispatcher } from '#infrastructure/messaging/outbox-dispatcher';
import { EVENT_ROUTES } from '#infrastructure/messaging/routing-table';
import { HonoJwtTokenIssuer } from '#infrastructure/security/hono-jwt.token-issuer';

/**
 * A fast, transparent PasswordHasher that counts its calls: the login tests prove with it that an unknown e-mail
 * and a wrong password do the same work.
 */
export class CountingPasswordHasher implements PasswordHasher {
  readonly verifyCalls: Array<{ hash: string; password: string }> = [];
  hashCalls = 0;
  static readonly DUMMY = 'counting$dummy';

  async hash(password: string): Promise<string> {
    this.hashCalls += 1;
    return `counting$${[...password].reverse().join('')}`;
  }

  async verify(hash: string, password: string): Promise<boolean> {
    this.verifyCalls.push({ hash, password });
    return hash !== CountingPasswordHasher.DUMMY && hash === `counting$${[...password].reverse().join('')}`;
  }

  async dummyHash(): Promise<string> {
    return CountingPasswordHasher.DUMMY;
  }
}

export const JWT = { secret: 'unit-test-secret-0123456789-abcdefgh', ttlSeconds: 900, issuer: 'subscription-backend', audience: 'subscription-backend-api' };
export const LIMITS: LoginThrottleLimits = { maxFailsEmail: 3, maxFailsAddress: 5, windowMs: 60_000 };

/** In-memory adapters wired the way the container wires the real ones (the outbox writes audit entries). */
export function identityFixture() {
  const ids = new UuidV7IdGenerator();
  const clock = new FixedClock('2026-03-01T12:00:00.000Z');
  const audit = new InMemoryAuditLog();
  const logger = new MemoryLogger();
  const dispatcher = new OutboxDispatcher(EVENT_ROUTES, new InMemoryJobQueue(), audit, logger);
  const users = new InMemoryUserRepository(ids, dispatcher);
  const hasher = new CountingPasswordHasher();
  let realNow = Date.parse('2026-03-01T12:00:00.000Z');
  const throttleClock = { now: () => realNow, advance: (ms: number) => void (realNow += ms) };
  const throttle = new InMemoryLoginThrottle(LIMITS, throttleClock.now);
  const tokens = new HonoJwtTokenIssuer(JWT);
  return { ids, clock, audit, logger, users, hasher, throttle, throttleClock, tokens };
}
