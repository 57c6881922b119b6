import { afterAll, describe, expect, it } from 'bun:test';
import { Redis } from 'ioredis';
import type { Connection } from 'mongoose';
import { Email } from '#domain/identity/user/email.vo';
import { User } from '#domain/identity/user/user.aggregate';
import type { UserRepository } from '#domain/identity/user/user.repository';
import { ConcurrencyError, UniqueConstraintError } from '#domain/shared/domain-error';
import { SYSTEM_ACTOR } from '#domain/shared/domain-event';
import type { LoginThrottle, LoginThrottleLimits } from '#application/identity/ports/login-throttle.port';
import { InMemoryAuditLog } from '#infrastructure/in-memory/audit/in-memory-audit-log';
import { InMemoryLoginThrottle } from '#infrastructure/in-memory/identity/in-memory-login-throttle';
import { InMemoryUserRepository } from '#infrastructure/in-memory/identity/in-memory-user.repository';
import { InMemoryJobQueue } from '#infrastructure/in-memory/shared/in-memory-job-queue';
import { MemoryLogger } from '#infrastructure/in-memory/shared/silent-logger';
import { UuidV7IdGenerator } from '#infrastructure/ids/uuid-v7.id-generator';
import { OutboxDispatcher } from '#infrastructure/messaging/outbox-dispatcher';
import { EVENT_ROUTES } from '#infrastructure/messaging/routing-table';
import { connectMongo, ensureIndexes } from '#infrastructure/persistence/mongoose/connection';
import { MongooseUserRepository } from '#infrastructure/persistence/mongoose/identity/mongoose-user.repository';
import { userModel } from '#infrastructure/persistence/mongoose/identity/user.schema';
import { MongooseAggregateWriter } from '#infrastructure/persistence/mongoose/shared/mongoose-aggregate-writer';
import { RedisLoginThrottle } from '#infrastructure/security/redis-login-throttle';
import { mongoUriFor, redisUrl, uniqueName } from '../../support/test-services';

/** The in-memory identity adapters and the real ones pass the same tests, so unit tests on the fakes mean something. */
const ids = new UuidV7IdGenerator();
const meta = { actor: SYSTEM_ACTOR, correlationId: 'contract' };
const closers: Array<() => Promise<unknown>> = [];
afterAll(async () => {
  for (const close of closers.reverse()) await close().catch(() => {});
});

interface UserRepositoryUnderTest {
  readonly users: UserRepository;
  readonly audit: InMemoryAuditLog;
}

function dispatcherWith(audit: InMemoryAuditLog): OutboxDispatcher {
  return new OutboxDispatcher(EVENT_ROUTES, new InMemoryJobQueue(), audit, new MemoryLogger());
}

const userRepositories: Record<string, () => Promise<UserRepositoryUnderTest>> = {
  'in-memory': async () => {
    const audit = new InMemoryAuditLog();
    return { users: new InMemoryUserRepository(ids, dispatcherWith(audit)), audit };
  },
  mongoose: async () => {
    const connection: Connection = await connectMongo(mongoUriFor(uniqueName('users')));
    closers.push(async () => {
      await connection.dropDatabase();
      await connection.close();
    });
    userModel(connection);
    await ensureIndexes(connection);
    const audit = new InMemoryAuditLog();
    return { users: new MongooseUserRepository(connection, new MongooseAggregateWriter(ids, dispatcherWith(audit))), audit };
  },
};

const newUser = (email: string) =>
  User.create({ id: ids.next(), email: Email.parse(email), name: 'Contract', role: 'USER', passwordHash: '$argon2id$stub', now: new Date('2026-03-01T12:00:00.000Z') });

for (const [name, make] of Object.entries(userRepositories)) {
  describe(`UserRepository contract: ${name}`, () => {
    it('saves and finds by id and by e-mail in any case, keeping the e-mail as typed', async () => {
      const { users } = await make();
      const user = newUser('Mixed.Case@Example.com');
      await users.save(user, meta);
      const { id } = user.toSnapshot();
      expect((await users.findById(id))!.toSnapshot()).toEqual(user.toSnapshot());
      expect((await users.findByEmail('  mixed.case@EXAMPLE.com '))!.toSnapshot().id).toBe(id);
      expect((await users.findByEmail('MIXED.CASE@example.com'))!.toSnapshot().email).toBe('Mixed.Case@Example.com');
      expect(await users.findByEmail('other@example.com')).toBeNull();
      expect(await users.findById(ids.next())).toBeNull();
    });

    it('refuses a second account whose e-mail differs only in case', async () => {
      const { users } = await make();
      await users.save(newUser('taken@example.com'), meta);
      await expect(users.save(newUser('TAKEN@Example.com'), meta)).rejects.toBeInstanceOf(UniqueConstraintError);
    });

    it('saves versioned: a stale copy cannot overwrite a newer save', async () => {
      const { users } = await make();
      const user = newUser('versioned@example.com');
      await users.save(user, meta);
      const { id } = user.toSnapshot();
      const first = (await users.findById(id))!;
      const second = (await users.findById(id))!;
      first.changeRole('ADMIN', new Date('2026-03-02T00:00:00.000Z'));
      await users.save(first, meta);
      second.changeRole('ADMIN', new Date('2026-03-03T00:00:00.000Z'));
      await expect(users.save(second, meta)).rejects.toBeInstanceOf(ConcurrencyError);
      expect((await users.findById(id))!.toSnapshot()).toMatchObject({ role: 'ADMIN', updatedAt: new Date('2026-03-02T00:00:00.000Z') });
    });

    it('delivers the recorded events through the outbox (audit entries from the routing table)', async () => {
      const { users, audit } = await make();
      const user = newUser('events@example.com');
      await users.save(user, meta);
      const { id } = user.toSnapshot();
      const reloaded = (await users.findById(id))!;
      reloaded.changeRole('ADMIN', new Date('2026-03-02T00:00:00.000Z'));
      await users.save(reloaded, meta);
      expect(audit.all().map((e) => [e.type, e.subject.id, e.refs.userId])).toEqual([
        ['user.registered', id, id],
        ['user.role_changed', id, id],
      ]);
    });
  });
}

const LIMITS: LoginThrottleLimits = { maxFailsEmail: 2, maxFailsAddress: 3, windowMs: 1_000 };
interface ThrottleUnderTest {
  readonly throttle: LoginThrottle;
  /** Lets `ms` of real time pass (the in-memory one moves its clock). */
  advance(ms: number): Promise<void>;
}

const throttles: Record<string, () => Promise<ThrottleUnderTest>> = {
  'in-memory': async () => {
    let now = 1_000_000;
    return { throttle: new InMemoryLoginThrottle(LIMITS, () => now), advance: async (ms) => void (now += ms) };
  },
  redis: async () => {
    const redis = new Redis(redisUrl());
    const prefix = uniqueName('throttle');
    closers.push(async () => {
      const keys = await redis.keys(`${prefix}:*`);
      if (keys.length > 0) await redis.del(...keys);
      await redis.quit();
    });
    return { throttle: new RedisLoginThrottle(redis, prefix, LIMITS), advance: (ms) => new Promise((resolve) => setTimeout(resolve, ms)) };
  },
};

for (const [name, make] of Object.entries(throttles)) {
  describe(`LoginThrottle contract: ${name}`, () => {
    it('blocks an e-mail at its limit from any address until the window ends, with Retry-After', async () => {
      const { throttle, advance } = await make();
      const key = { email: 'a@example.com', address: '192.0.2.1' };
      expect(await throttle.check(key)).toEqual({ allowed: true });
      await throttle.recordFailure(key);
      expect(await throttle.check(key)).toEqual({ allowed: true });
      await throttle.recordFailure({ ...key, address: '192.0.2.2' });
      expect(await throttle.check({ ...key, address: '192.0.2.3' })).toEqual({ allowed: false, retryAfterSeconds: 1 });
      expect(await throttle.check({ email: 'b@example.com', address: '192.0.2.3' })).toEqual({ allowed: true });
      await advance(LIMITS.windowMs + 50);
      expect(await throttle.check(key)).toEqual({ allowed: true });
    });

    it('blocks an address at its limit for every e-mail', async () => {
      const { throttle } = await make();
      for (let i = 0; i < LIMITS.maxFailsAddress; i += 1) await throttle.recordFailure({ email: `u${i}@example.com`, address: '198.51.100.7' });
      expect((await throttle.check({ email: 'fresh@example.com', address: '198.51.100.7' })).allowed).toBe(false);
      expect((await throttle.check({ email: 'fresh@example.com', address: '198.51.100.8' })).allowed).toBe(true);
    });

    it('a success clears the e-mail counter, not the address counter', async () => {
      const { throttle } = await make();
      const key = { email: 'c@example.com', address: '203.0.113.9' };
      await throttle.recordFailure(key);
      await throttle.recordFailure(key);
      await throttle.recordSuccess(key);
      expect(await throttle.check({ ...key, address: '203.0.113.10' })).toEqual({ allowed: true });
      await throttle.recordFailure({ email: 'd@example.com', address: key.address });
      expect((await throttle.check({ email: 'e@example.com', address: key.address })).allowed).toBe(false);
    });

    it('keeps the window fixed from the first failure: later failures do not extend it', async () => {
      const { throttle, advance } = await make();
      const key = { email: 'f@example.com', address: '203.0.113.20' };
      await throttle.recordFailure(key);
      await advance(600);
      await throttle.recordFailure(key);
      expect((await throttle.check(key)).allowed).toBe(false);
      await advance(LIMITS.windowMs - 600 + 50);
      expect(await throttle.check(key)).toEqual({ allowed: true });
    });
  });
}
