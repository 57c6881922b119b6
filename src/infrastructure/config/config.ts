/**
 * Process configuration, parsed once from the environment (API.md "Process configuration", DESIGN.md D1).
 * Every key of `configSchema` is the environment variable's name; `loadConfig` turns a bad or missing
 * variable into a one-line `ConfigError` naming it, which `main.ts` prints before exiting.
 */
import { z } from 'zod';

const bool = z
  .enum(['true', 'false', '1', '0'])
  .transform((v) => v === 'true' || v === '1');
const int = (min: number, max = Number.MAX_SAFE_INTEGER) => z.coerce.number().int().min(min).max(max);

export const configSchema = z.object({
  NODE_ENV: z.enum(['development', 'test', 'production']).default('development'),
  PORT: int(0, 65535).default(3000),
  MONGODB_URI: z.string().regex(/^mongodb(\+srv)?:\/\//, 'must be a mongodb:// URI').default('mongodb://127.0.0.1:27017/subscriptions'),
  REDIS_URL: z.string().regex(/^rediss?:\/\//, 'must be a redis:// URI').default('redis://127.0.0.1:6379'),
  REDIS_KEY_PREFIX: z.string().regex(/^[A-Za-z0-9_-]{1,64}$/).default('sub'),
  JWT_SECRET: z
    .string({ error: 'is required' })
    .refine((s) => Buffer.byteLength(s, 'utf8') >= 32, 'must be at least 32 bytes'),
  JWT_TTL_SECONDS: int(30, 86_400).default(900),
  JWT_ISSUER: z.string().min(1).default('subscription-backend'),
  JWT_AUDIENCE: z.string().min(1).default('subscription-backend-api'),
  ROLE: z.enum(['api', 'worker', 'all']).default('all'),
  BILLING_SCAN_INTERVAL_MS: int(100).default(60_000),
  BACKORDER_RETRY_MS: int(1).default(3_600_000),
  SIMULATION_CLOCK: bool.default(false),
  BOOTSTRAP_ADMIN_EMAIL: z.string().optional(),
  BOOTSTRAP_ADMIN_PASSWORD: z.string().optional(),
  BOOTSTRAP_ADMIN_NAME: z.string().min(1).max(100).default('Administrator'),
  LOGIN_MAX_FAILS_EMAIL: int(1).default(10),
  LOGIN_MAX_FAILS_ADDRESS: int(1).default(50),
  LOGIN_WINDOW_MS: int(1000).default(900_000),
  TRUST_PROXY: bool.default(false),
  DUNNING_RETRY_DAYS: z
    .string()
    .regex(/^\d+(,\d+)*$/, 'must be a comma-separated list of whole days, e.g. 1,3,5')
    .default('1,3,5')
    .transform((s) => s.split(',').map(Number)),
  PAYMENT_SIMULATED_FAILURE_RATE: z.coerce.number().min(0).max(1).default(0.1),
  PAYMENT_SIMULATED_LATENCY_MS: int(0, 60_000).default(0),
  RESERVATION_TTL_MS: int(1000).default(900_000),
  RESERVATION_SWEEP_INTERVAL_MS: int(100).default(60_000),
  BODY_LIMIT_BYTES: int(1024).default(102_400),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  QUEUE_LOCK_MS: int(500).default(30_000),
  QUEUE_STALLED_INTERVAL_MS: int(500).default(30_000),
  QUEUE_CONCURRENCY: int(1, 500).default(8),
  OUTBOX_RELAY_INTERVAL_MS: int(50).default(1_000),
  OUTBOX_RELAY_AGE_MS: int(0).default(5_000),
  SHUTDOWN_TIMEOUT_MS: int(100).default(15_000),
  /** After SIGTERM, keep serving (readiness 503) this long so load balancers stop sending traffic. */
  SHUTDOWN_DRAIN_MS: int(0).default(1_000),
  IDEMPOTENCY_TTL_SECONDS: int(86_400).default(86_400),
  CURSOR_SECRET: z.string().min(16).optional(),
  ARGON2_MEMORY_KIB: int(1024).default(19_456),
  ARGON2_TIME_COST: int(1).default(2),
});

export type ConfigInput = z.input<typeof configSchema>;
export type Config = z.output<typeof configSchema>;

/** A configuration problem, phrased as one line that names the variable. */
export class ConfigError extends Error {
  override readonly name = 'ConfigError';
}

export function loadConfig(env: Record<string, string | undefined> = process.env): Config {
  // Empty strings count as unset, the way shells and compose files usually mean them.
  const cleaned = Object.fromEntries(Object.entries(env).filter(([, v]) => v !== undefined && v !== ''));
  const result = configSchema.safeParse(cleaned);
  if (!result.success) {
    const issue = result.error.issues[0]!;
    const name = String(issue.path[0] ?? 'environment');
    const message = issue.code === 'invalid_type' && cleaned[name] === undefined ? 'is required' : issue.message;
    throw new ConfigError(`Invalid configuration: ${name} ${message}`);
  }
  const config = result.data;
  if (Boolean(config.BOOTSTRAP_ADMIN_EMAIL) !== Boolean(config.BOOTSTRAP_ADMIN_PASSWORD)) {
    throw new ConfigError('Invalid configuration: BOOTSTRAP_ADMIN_EMAIL and BOOTSTRAP_ADMIN_PASSWORD must be set together');
  }
  return config;
}
