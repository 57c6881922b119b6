/**
 * `npm run dev` (DESIGN.md D6): the whole stack on this machine with nothing configured.
 *
 * - `.data/dev.env` (ignored) holds a random JWT_SECRET made on first use, and a dev admin (`admin@dev.local` with
 *   a random password) used only when BOOTSTRAP_ADMIN_EMAIL / BOOTSTRAP_ADMIN_PASSWORD are unset.
 * - Unless MONGODB_URI is set: SecantusDB on disk under `.data/mongo`, port 27117 if free, else a free one.
 * - Unless REDIS_URL is set: redis-server with `--dir .data/redis --appendonly yes`, port 6479 if free, else a free one.
 * - Then `bun src/main.ts` with ROLE=all, PORT (3000 unless set), NODE_ENV=development; its output is forwarded.
 *   SIMULATION_CLOCK and every other setting pass through from the environment unchanged.
 * Ctrl-C / SIGTERM stops the app (SIGTERM, then waits), then the services started here. If the app exits on its
 * own, the services are stopped and its exit code is ours.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { REPO_ROOT, isPortFree, preferredOrFreePort, startRedis, startSecantus, type MongoService, type RedisService } from './services';

const DATA = join(REPO_ROOT, '.data');
const DEV_ENV = join(DATA, 'dev.env');
const DEV_ADMIN_EMAIL = 'admin@dev.local';
const MONGO_PORT = 27117;
const REDIS_PORT = 6479;
const DATABASE = 'subscriptions';
const APP_STOP_GRACE_MS = 30_000;

const t0 = performance.now();
const since = (start: number) => `${((performance.now() - start) / 1000).toFixed(1)} s`;
const say = (line: string) => process.stdout.write(`[dev] ${line}\n`);

const services: Array<MongoService | RedisService> = [];
let app: ChildProcess | undefined;
let appExit: Promise<number> | undefined;
let shuttingDown = false;

process.on('SIGINT', () => void shutdown('SIGINT'));
process.on('SIGTERM', () => void shutdown('SIGTERM'));
process.on('SIGHUP', () => void shutdown('SIGHUP'));

try {
  await main();
} catch (error) {
  process.stderr.write(`[dev] ${error instanceof Error ? error.message : String(error)}\n`);
  await stopServices();
  process.exit(1);
}

async function main(): Promise<void> {
  mkdirSync(DATA, { recursive: true });
  const env = devEnvironment();

  const port = Number(process.env.PORT || 3000);
  if (!Number.isInteger(port) || port < 1 || port > 65535) throw new Error(`PORT must be a port number, not ${JSON.stringify(process.env.PORT)}`);
  if (!(await isPortFree(port))) {
    throw new Error(`port ${port} is in use (another \`npm run dev\`?): stop it, or run with PORT=<another port>`);
  }

  const mongoUri = process.env.MONGODB_URI ?? (await startMongo());
  const redisUrl = process.env.REDIS_URL ?? (await startRedisServer());
  if (shuttingDown) return;

  say('starting the app (ROLE=all)…');
  const appStart = performance.now();
  const [command, args] = bunCommand(['src/main.ts']);
  app = spawn(command, args, {
    cwd: REPO_ROOT,
    stdio: ['ignore', 'inherit', 'inherit'],
    env: {
      ...process.env,
      ...env,
      ROLE: process.env.ROLE ?? 'all',
      PORT: String(port),
      NODE_ENV: process.env.NODE_ENV ?? 'development',
      MONGODB_URI: mongoUri,
      REDIS_URL: redisUrl,
    },
  });
  appExit = new Promise((done) => {
    app!.once('exit', (code, signal) => done(code ?? (signal ? 128 + signalNumber(signal) : 1)));
    app!.once('error', (error) => {
      process.stderr.write(`[dev] could not start the app: ${error.message}\n`);
      done(1);
    });
  });
  void appExit.then(async (code) => {
    if (shuttingDown) return;
    shuttingDown = true;
    say(`the app exited (${code}); stopping services…`);
    await stopServices();
    process.exit(code);
  });

  const url = `http://localhost:${port}`;
  if (!(await waitForReady(`http://127.0.0.1:${port}/health/ready`))) return;
  say(`app ready in ${since(appStart)}`);
  say('');
  say(`API       ${url}`);
  say(`API docs  ${url}/docs`);
  if (env.BOOTSTRAP_ADMIN_EMAIL && !process.env.BOOTSTRAP_ADMIN_EMAIL) {
    say(`dev admin ${env.BOOTSTRAP_ADMIN_EMAIL} / ${env.BOOTSTRAP_ADMIN_PASSWORD}   (from .data/dev.env)`);
  }
  say(`ready in ${since(t0)}. Ctrl-C stops everything started here.`);
}

/** Secrets from .data/dev.env (made once), without overriding what the environment already sets. */
function devEnvironment(): Record<string, string> {
  const saved = existsSync(DEV_ENV) ? parseEnvFile(readFileSync(DEV_ENV, 'utf8')) : {};
  const made: string[] = [];
  if (!saved.JWT_SECRET) {
    saved.JWT_SECRET = randomString(48);
    made.push('a random JWT_SECRET');
  }
  if (!saved.DEV_ADMIN_EMAIL || !saved.DEV_ADMIN_PASSWORD) {
    saved.DEV_ADMIN_EMAIL = DEV_ADMIN_EMAIL;
    saved.DEV_ADMIN_PASSWORD = randomString(24);
    made.push(`a dev admin (${DEV_ADMIN_EMAIL})`);
  }
  if (made.length > 0) {
    writeFileSync(
      DEV_ENV,
      [
        '# Made by `npm run dev` (scripts/dev.ts) for this machine only; .data/ is git-ignored.',
        '# DEV_ADMIN_* become BOOTSTRAP_ADMIN_* when those are not set in the environment. The admin is created once:',
        '# to change its password here, also delete .data/mongo (or the user), or the printed password will not match.',
        ...Object.entries(saved).map(([key, value]) => `${key}=${value}`),
        '',
      ].join('\n'),
      { mode: 0o600 },
    );
    say(`generated ${made.join(' and ')} into .data/dev.env`);
  }

  const env: Record<string, string> = {};
  if (!process.env.JWT_SECRET) env.JWT_SECRET = saved.JWT_SECRET;
  const adminSet = Boolean(process.env.BOOTSTRAP_ADMIN_EMAIL || process.env.BOOTSTRAP_ADMIN_PASSWORD);
  if (!adminSet) {
    env.BOOTSTRAP_ADMIN_EMAIL = saved.DEV_ADMIN_EMAIL;
    env.BOOTSTRAP_ADMIN_PASSWORD = saved.DEV_ADMIN_PASSWORD;
  }
  return env;
}

async function startMongo(): Promise<string> {
  const port = await preferredOrFreePort(MONGO_PORT);
  say(`starting SecantusDB (.data/mongo, port ${port})…`);
  const start = performance.now();
  try {
    const mongo = await startSecantus({ storagePath: join(DATA, 'mongo'), port, logFile: join(DATA, 'mongo.log') });
    services.push(mongo);
    say(`SecantusDB ready in ${since(start)}`);
    return `${mongo.uri}/${DATABASE}`;
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    const hint = /already being managed by another process|WiredTiger\.lock/.test(message)
      ? '\n[dev] .data/mongo is in use by another SecantusDB: is another `npm run dev` still running?'
      : '';
    throw new Error(`${message}${hint}`);
  }
}

async function startRedisServer(): Promise<string> {
  const port = await preferredOrFreePort(REDIS_PORT);
  say(`starting redis-server (.data/redis, port ${port})…`);
  const start = performance.now();
  const redis = await startRedis({ dir: join(DATA, 'redis'), port, logFile: join(DATA, 'redis.log') });
  services.push(redis);
  say(`redis-server ready in ${since(start)}`);
  return redis.url;
}

/** Polls readiness until 200; false if the app exited or we are shutting down. Keeps waiting after a warning. */
async function waitForReady(url: string): Promise<boolean> {
  let warned = false;
  const start = performance.now();
  while (!shuttingDown && app && app.exitCode === null && app.signalCode === null) {
    const status = await fetch(url, { signal: AbortSignal.timeout(2_000) }).then((r) => r.status, () => 0);
    if (status === 200) return true;
    if (!warned && performance.now() - start > 60_000) {
      warned = true;
      say(`not ready after 60 s (last status ${status || 'no answer'}); still waiting (see the app's log above)`);
    }
    await new Promise((resolve) => setTimeout(resolve, 150));
  }
  return false;
}

async function shutdown(signal: string): Promise<void> {
  if (shuttingDown) return;
  shuttingDown = true;
  say(`${signal}: stopping…`);
  let code = 0;
  if (app && appExit && app.exitCode === null && app.signalCode === null) {
    // On Ctrl-C the terminal has already sent SIGINT to the app too; SIGTERM is the same graceful stop.
    app.kill('SIGTERM');
    const timer = setTimeout(() => {
      say(`the app did not stop in ${APP_STOP_GRACE_MS / 1000} s: killing it`);
      app?.kill('SIGKILL');
    }, APP_STOP_GRACE_MS);
    code = await appExit;
    clearTimeout(timer);
    say(`app stopped (exit ${code})`);
  }
  await stopServices();
  process.exit(code === 0 || code === 130 || code === 143 ? 0 : code);
}

async function stopServices(): Promise<void> {
  const running = services.splice(0);
  if (running.length === 0) return;
  const start = performance.now();
  await Promise.allSettled(running.map((service) => service.stop()));
  say(`services stopped in ${since(start)}`);
}

/** `bun <args>`: this very runtime under Bun, else the project's Bun through npx. */
function bunCommand(args: string[]): [string, string[]] {
  if (process.versions.bun) return [process.execPath, args];
  return ['npx', ['--no-install', 'bun', ...args]];
}

function parseEnvFile(text: string): Record<string, string> {
  const values: Record<string, string> = {};
  for (const line of text.split(/\r?\n/)) {
    const match = /^\s*([A-Za-z_][A-Za-z0-9_]*)\s*=\s*(.*?)\s*$/.exec(line);
    if (match && !line.trimStart().startsWith('#')) values[match[1]!] = match[2]!.replace(/^(['"])(.*)\1$/, '$2');
  }
  return values;
}

/** URL-safe random characters (letters, digits, `-`, `_`). */
function randomString(length: number): string {
  return randomBytes(Math.ceil((length * 3) / 4)).toString('base64url').slice(0, length);
}

function signalNumber(signal: NodeJS.Signals): number {
  return ({ SIGHUP: 1, SIGINT: 2, SIGKILL: 9, SIGTERM: 15 } as Record<string, number>)[signal] ?? 0;
}
