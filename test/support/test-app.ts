import mongoose from 'mongoose';
import { Redis } from 'ioredis';
import { loadConfig, type Config, type ConfigInput } from '#infrastructure/config/config';
import { MemoryLogger } from '#infrastructure/in-memory/shared/silent-logger';
import { startRuntime, type Runtime, type RuntimeOptions } from '#interfaces/runtime';
import { HttpClient } from './http-client';
import { mongoUriFor, redisUrl, uniqueName } from './test-services';

export const TEST_JWT_SECRET = 'integration-test-secret-0123456789-abcdef';

export interface TestApp {
  readonly runtime: Runtime;
  readonly config: Config;
  readonly http: HttpClient;
  readonly logger: MemoryLogger;
  /** Shuts the runtime down, drops its database and deletes its Redis keys. */
  close(): Promise<void>;
}

/** Environment for a test process: its own database and Redis key prefix, fast hashing, short queue locks. */
export function testEnvironment(overrides: Partial<Record<keyof ConfigInput, string>> = {}): Record<string, string> {
  return {
    NODE_ENV: 'test',
    JWT_SECRET: TEST_JWT_SECRET,
    MONGODB_URI: mongoUriFor(uniqueName('t')),
    REDIS_URL: redisUrl(),
    REDIS_KEY_PREFIX: uniqueName('p'),
    LOG_LEVEL: 'silent',
    ARGON2_MEMORY_KIB: '1024',
    ARGON2_TIME_COST: '1',
    OUTBOX_RELAY_INTERVAL_MS: '200',
    OUTBOX_RELAY_AGE_MS: '1000',
    QUEUE_LOCK_MS: '2000',
    QUEUE_STALLED_INTERVAL_MS: '2000',
    SHUTDOWN_DRAIN_MS: '0',
    SHUTDOWN_TIMEOUT_MS: '5000',
    ...overrides,
  };
}

/** Starts the whole runtime in this process on fresh state (SecantusDB + Redis from the integration preload). */
export async function startTestApp(overrides: Partial<Record<keyof ConfigInput, string>> = {}, options: RuntimeOptions = {}): Promise<TestApp> {
  const config = loadConfig(testEnvironment(overrides));
  const logger = new MemoryLogger();
  const runtime = await startRuntime(config, { logger, ...options });
  return {
    runtime,
    config,
    logger,
    http: new HttpClient(runtime.app),
    close: async () => {
      await runtime.shutdown();
      await dropTestState(config);
    },
  };
}

export async function dropTestState(config: Pick<Config, 'MONGODB_URI' | 'REDIS_URL' | 'REDIS_KEY_PREFIX'>): Promise<void> {
  const connection = await mongoose.createConnection(config.MONGODB_URI).asPromise();
  await connection.dropDatabase().catch(() => {});
  await connection.close();
  const redis = new Redis(config.REDIS_URL, { lazyConnect: true });
  await redis.connect();
  let cursor = '0';
  do {
    const [next, keys] = await redis.scan(cursor, 'MATCH', `${config.REDIS_KEY_PREFIX}:*`, 'COUNT', 1000);
    cursor = next;
    if (keys.length > 0) await redis.del(...keys);
  } while (cursor !== '0');
  await redis.quit();
}

/** An access token for a made-up caller (the role comes from the token: no user row needed for access checks). */
export async function tokenFor(app: TestApp, role: 'USER' | 'ADMIN', userId: string = crypto.randomUUID()): Promise<string> {
  const { TokenIssuer } = await import('#application/identity/ports/token-issuer.port');
  const issuer = app.runtime.container.resolve<import('#application/identity/ports/token-issuer.port').TokenIssuer>(TokenIssuer);
  return (await issuer.issue({ userId, role })).accessToken;
}
