/**
 * CI helper: starts SecantusDB (in memory) and/or redis-server on free ports, writes their addresses to a file as
 * shell assignments once both answer, and keeps them running until it gets SIGTERM or SIGINT (then stops them and
 * exits 0). Used by .ci/run (the MONGODB_URI switch proof) and scripts/ci/node-smoke.sh.
 *
 *   bun scripts/ci/start-services.ts [--mongo] [--redis] --env-file FILE &
 *   # FILE then holds MONGODB_URI=mongodb://127.0.0.1:PORT and/or REDIS_URL=redis://127.0.0.1:PORT
 */
import { renameSync, writeFileSync } from 'node:fs';
import { startRedis, startSecantus, type MongoService, type RedisService } from '../services';

const args = process.argv.slice(2);
const envFile = args[args.indexOf('--env-file') + 1];
const wantMongo = args.includes('--mongo');
const wantRedis = args.includes('--redis');
if (!args.includes('--env-file') || !envFile || (!wantMongo && !wantRedis)) {
  process.stderr.write('usage: bun scripts/ci/start-services.ts [--mongo] [--redis] --env-file FILE\n');
  process.exit(2);
}

const services: Array<MongoService | RedisService> = [];
let stopping = false;
async function stop(code: number): Promise<never> {
  if (!stopping) {
    stopping = true;
    await Promise.allSettled(services.map((service) => service.stop()));
  }
  process.exit(code);
}
process.on('SIGTERM', () => void stop(0));
process.on('SIGINT', () => void stop(0));

try {
  const [mongo, redis] = await Promise.all([
    wantMongo ? startSecantus({ storagePath: ':memory:' }).then((s) => (services.push(s), s)) : undefined,
    wantRedis ? startRedis().then((s) => (services.push(s), s)) : undefined,
  ]);
  const lines = [mongo && `MONGODB_URI=${mongo.uri}`, redis && `REDIS_URL=${redis.url}`].filter(Boolean);
  // Written whole, then renamed: a reader never sees half a file.
  writeFileSync(`${envFile}.tmp`, `${lines.join('\n')}\n`);
  renameSync(`${envFile}.tmp`, envFile);
  process.stderr.write(`start-services: ${lines.join(' ')} (pid ${process.pid})\n`);
} catch (error) {
  process.stderr.write(`start-services: ${error instanceof Error ? error.message : String(error)}\n`);
  await stop(1);
}
// Stay alive until signalled (the children keep the event loop busy; this makes it explicit).
setInterval(() => {}, 1 << 30);
