import { describe, expect, it } from 'bun:test';
import { ConfigError, loadConfig } from '#infrastructure/config/config';

const SECRET = 'x'.repeat(32);

describe('configuration', () => {
  it('applies the documented defaults', () => {
    const config = loadConfig({ JWT_SECRET: SECRET });
    expect(config).toMatchObject({
      PORT: 3000,
      ROLE: 'all',
      JWT_TTL_SECONDS: 900,
      JWT_ISSUER: 'subscription-backend',
      JWT_AUDIENCE: 'subscription-backend-api',
      DUNNING_RETRY_DAYS: [1, 3, 5],
      BACKORDER_RETRY_MS: 3_600_000,
      REDIS_KEY_PREFIX: 'sub',
      SIMULATION_CLOCK: false,
      ARGON2_MEMORY_KIB: 19_456,
      ARGON2_TIME_COST: 2,
      BODY_LIMIT_BYTES: 102_400,
    });
  });

  it.each([
    [{}, 'Invalid configuration: JWT_SECRET is required'],
    [{ JWT_SECRET: 'short' }, 'Invalid configuration: JWT_SECRET must be at least 32 bytes'],
    [{ JWT_SECRET: SECRET, PORT: 'eighty' }, 'PORT'],
    [{ JWT_SECRET: SECRET, ROLE: 'both' }, 'ROLE'],
    [{ JWT_SECRET: SECRET, MONGODB_URI: 'postgres://x' }, 'MONGODB_URI'],
    [{ JWT_SECRET: SECRET, DUNNING_RETRY_DAYS: '1,,3' }, 'DUNNING_RETRY_DAYS'],
    [{ JWT_SECRET: SECRET, BOOTSTRAP_ADMIN_EMAIL: 'a@b.c' }, 'BOOTSTRAP_ADMIN_PASSWORD'],
  ])('a bad or missing variable stops start-up with one line naming it (%j)', (env, expected) => {
    let message = '';
    try {
      loadConfig(env as Record<string, string>);
    } catch (error) {
      expect(error).toBeInstanceOf(ConfigError);
      message = (error as Error).message;
    }
    expect(message).toContain(expected);
    expect(message.split('\n')).toHaveLength(1);
  });
});
