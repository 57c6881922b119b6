/**
 * Preload for `bun test test/integration` (package.json `test:integration`). Starts one SecantusDB (in memory) and
 * one redis-server on free ports for the whole run, unless `MONGODB_URI` / `REDIS_URL` name servers to use instead,
 * and publishes them as `TEST_MONGODB_URI` (no database: tests use `mongoUriFor(uniqueName(...))`) and
 * `TEST_REDIS_URL` (tests use their own key prefix). Whatever it started is stopped after the last test.
 *
 * Known stand-in bug (SecantusDB 0.7.0b3): a `create` of a new collection running concurrently with an insert that
 * creates the same collection implicitly wedges the server: every later write, in any database, hangs and one core
 * spins at 100 %. Mongoose's default `autoCreate: true` does exactly that on a model's first write, so test code
 * opening its own Mongoose connection passes `{ autoCreate: false, autoIndex: false }` (as the product does) and
 * creates collections and indexes before writing. One wedged test poisons the whole shared server for the run.
 */
import 'reflect-metadata';
import { afterAll } from 'bun:test';
import { startRedis, startSecantus, type MongoService, type RedisService } from '../../scripts/services';
import { mongoServerUri } from './test-services';

const started: Array<MongoService | RedisService> = [];
const t0 = performance.now();
const seconds = () => `${((performance.now() - t0) / 1000).toFixed(1)} s`;

async function mongo(): Promise<string> {
  const given = process.env.MONGODB_URI;
  if (given) {
    process.env.TEST_MONGODB_SOURCE = 'MONGODB_URI';
    return mongoServerUri(given);
  }
  const service = await startSecantus({ storagePath: ':memory:' });
  started.push(service);
  process.env.TEST_MONGODB_SOURCE = 'harness';
  process.env.TEST_HARNESS_MONGODB_URI = service.uri;
  return service.uri;
}

async function redis(): Promise<string> {
  const given = process.env.REDIS_URL;
  if (given) return given;
  const service = await startRedis();
  started.push(service);
  return service.url;
}

const [mongoUri, redisUri] = await Promise.all([mongo(), redis()]);
process.env.TEST_MONGODB_URI = mongoUri;
process.env.TEST_REDIS_URL = redisUri;
process.stderr.write(
  `integration services: MongoDB ${redact(mongoUri)} (${process.env.MONGODB_URI ? 'MONGODB_URI' : 'SecantusDB, in memory'}), ` +
    `Redis ${redact(redisUri)} (${process.env.REDIS_URL ? 'REDIS_URL' : 'redis-server'}), ready in ${seconds()}\n`,
);

afterAll(async () => {
  await Promise.allSettled(started.map((service) => service.stop()));
});

function redact(uri: string): string {
  return uri.replace(/\/\/[^@/]*@/, '//***@');
}
