/**
 * docker-compose.yml cannot run on machines without Docker, so its shape is checked here: the four services, the
 * process roles, and that every variable given to the app is one the configuration knows (a misspelt name would be
 * silently ignored by the app and fall back to its default).
 */
import { describe, expect, it } from 'bun:test';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { parse } from 'yaml';
import { configSchema } from '#infrastructure/config/config';

interface ComposeService {
  image?: string;
  build?: unknown;
  command?: string | string[];
  environment?: Record<string, string | number | boolean | null> | string[];
  depends_on?: Record<string, { condition?: string }> | string[];
  healthcheck?: { test?: unknown };
  ports?: string[];
}

const compose = parse(readFileSync(resolve(import.meta.dir, '../../../docker-compose.yml'), 'utf8')) as {
  services: Record<string, ComposeService>;
};
const services = compose.services;

/** The environment of a service as a map, from either compose form (map or `KEY=VALUE` list). */
function environmentOf(service: ComposeService): Record<string, string> {
  const env = service.environment ?? {};
  if (Array.isArray(env)) {
    return Object.fromEntries(env.map((entry) => [entry.split('=')[0]!, entry.slice(entry.indexOf('=') + 1)]));
  }
  return Object.fromEntries(Object.entries(env).map(([key, value]) => [key, value === null ? '' : String(value)]));
}

describe('docker-compose.yml', () => {
  it('defines mongo, redis, api and worker', () => {
    expect(Object.keys(services).sort()).toEqual(['api', 'mongo', 'redis', 'worker']);
  });

  it('runs MongoDB as a replica set that initiates itself, and Redis with noeviction and AOF', () => {
    expect(services.mongo!.image).toMatch(/^mongo:7/);
    expect(services.mongo!.command).toEqual(expect.arrayContaining(['--replSet', 'rs0', '--bind_ip_all']));
    expect(JSON.stringify(services.mongo!.healthcheck?.test)).toContain('rs.initiate');
    const redisCommand = ([] as string[]).concat(services.redis!.command ?? []).join(' ');
    expect(redisCommand).toContain('--maxmemory-policy noeviction');
    expect(redisCommand).toContain('--appendonly yes');
    expect(services.redis!.healthcheck).toBeDefined();
  });

  it('api runs ROLE=api on port 3000 and worker runs ROLE=worker', () => {
    expect(environmentOf(services.api!).ROLE).toBe('api');
    expect(services.api!.ports).toContain('3000:3000');
    expect(environmentOf(services.worker!).ROLE).toBe('worker');
  });

  for (const name of ['api', 'worker']) {
    it(`${name}: every environment variable is a configuration key, and the required ones are set`, () => {
      const env = environmentOf(services[name]!);
      const known = Object.keys(configSchema.shape);
      expect(Object.keys(env).filter((key) => !known.includes(key))).toEqual([]);
      expect(env.MONGODB_URI).toBe('mongodb://mongo:27017/subscriptions?replicaSet=rs0');
      expect(env.REDIS_URL).toBe('redis://redis:6379');
      expect(env.JWT_SECRET).toBe('${JWT_SECRET:?set JWT_SECRET}');
      for (const key of ['SIMULATION_CLOCK', 'BOOTSTRAP_ADMIN_EMAIL', 'BOOTSTRAP_ADMIN_PASSWORD']) expect(Object.keys(env)).toContain(key);
    });

    it(`${name}: is built from this repository and waits for healthy mongo and redis`, () => {
      const service = services[name]!;
      expect(service.build).toBe('.');
      expect(service.depends_on).toEqual({ mongo: { condition: 'service_healthy' }, redis: { condition: 'service_healthy' } });
    });
  }
});
