/**
 * Local services for tests, CI and the dev stack: SecantusDB (the MongoDB stand-in, installed by scripts/setup.sh
 * into .cache/secantus-venv) and redis-server, each a child process on a free port (never 27017/6379: on a shared
 * machine those are shared state). Node-compatible code: runs under Bun and Node alike.
 *
 * Every child is stopped by `stop()` (SIGTERM, then SIGKILL after a grace period) and, as a safety net, when this
 * process exits or is killed by SIGINT/SIGTERM/SIGHUP. Children run in their own process group, so a Ctrl-C in the
 * terminal reaches this process (which decides the shutdown order), not the services directly.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { closeSync, existsSync, mkdirSync, openSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { createConnection, createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { MongoClient } from 'mongodb';
import { Redis } from 'ioredis';

export const REPO_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
export const SECANTUS_BIN = join(REPO_ROOT, '.cache/secantus-venv/bin/secantusd-py');
const HOST = '127.0.0.1';

export interface MongoService {
  /** `mongodb://127.0.0.1:PORT` (no database: append one). */
  readonly uri: string;
  readonly port: number;
  readonly pid: number;
  readonly logFile: string;
  stop(): Promise<void>;
}

export interface RedisService {
  /** `redis://127.0.0.1:PORT` */
  readonly url: string;
  readonly port: number;
  readonly pid: number;
  readonly logFile: string;
  stop(): Promise<void>;
}

export interface SecantusOptions {
  /** `':memory:'` for a throw-away database, or a directory kept across restarts. */
  storagePath: ':memory:' | (string & {});
  /** Defaults to a free port. */
  port?: number;
  /** Where its stdout/stderr go; defaults to a temporary file removed by `stop()`. */
  logFile?: string;
  /** Start-up timeout; 30 s by default. */
  timeoutMs?: number;
  logLevel?: 'DEBUG' | 'INFO' | 'WARNING' | 'ERROR';
}

export interface RedisOptions {
  /** Persistent data directory (`--appendonly yes`); without it nothing is written to disk. */
  dir?: string;
  /** Defaults to a free port. */
  port?: number;
  logFile?: string;
  timeoutMs?: number;
}

/** A TCP port that was free on 127.0.0.1 a moment ago (the OS picks it). */
export function freePort(): Promise<number> {
  return new Promise((resolvePort, reject) => {
    const server = createServer();
    server.unref();
    server.once('error', reject);
    server.listen(0, HOST, () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => (port > 0 ? resolvePort(port) : reject(new Error('could not get a free port'))));
    });
  });
}

/** Whether nothing listens on (and nothing holds) `port` on 127.0.0.1 right now. */
export function isPortFree(port: number): Promise<boolean> {
  return new Promise((done) => {
    const server = createServer();
    server.unref();
    server.once('error', () => done(false));
    server.listen(port, HOST, () => server.close(() => done(true)));
  });
}

/** `preferred` if it is free, else any free port. */
export async function preferredOrFreePort(preferred: number): Promise<number> {
  return (await isPortFree(preferred)) ? preferred : freePort();
}

/** Starts SecantusDB and resolves once it accepts a connection and answers `hello`. */
export async function startSecantus(options: SecantusOptions): Promise<MongoService> {
  if (!existsSync(SECANTUS_BIN)) {
    throw new Error(`SecantusDB is not installed (${SECANTUS_BIN} missing): run \`bash scripts/setup.sh\` first`);
  }
  if (options.storagePath !== ':memory:') mkdirSync(options.storagePath, { recursive: true });
  return startWithRetry('SecantusDB', options.port, async (port) => {
    await ensurePortFree('SecantusDB', port);
    const log = openLog(options.logFile, `secantus-${port}`);
    const args = [
      ...['--config', emptyConfigFile()],
      ...['--host', HOST, '--port', String(port), '--storage-path', options.storagePath, '--log-level', options.logLevel ?? 'WARNING'],
    ];
    const child = launch(SECANTUS_BIN, args, log);
    const service = managed(child, log);
    try {
      await waitUntil(`SecantusDB on port ${port}`, options.timeoutMs ?? 30_000, child, log.path, () => mongoHello(port, child.pid));
    } catch (error) {
      await service.stop(true);
      throw error;
    }
    return { uri: `mongodb://${HOST}:${port}`, port, pid: child.pid!, logFile: log.path, stop: () => service.stop() };
  });
}

/** Starts `redis-server` (DESIGN.md D1 flags) and resolves once it answers PING. */
export async function startRedis(options: RedisOptions = {}): Promise<RedisService> {
  const persistence = options.dir
    ? ['--dir', resolve(options.dir), '--appendonly', 'yes', '--save', '']
    : ['--save', '', '--appendonly', 'no'];
  if (options.dir) mkdirSync(options.dir, { recursive: true });
  return startWithRetry('redis-server', options.port, async (port) => {
    await ensurePortFree('redis-server', port);
    const log = openLog(options.logFile, `redis-${port}`);
    const args = ['--port', String(port), '--bind', HOST, '--maxmemory-policy', 'noeviction', ...persistence, '--daemonize', 'no', '--logfile', ''];
    const child = launch('redis-server', args, log);
    const service = managed(child, log);
    try {
      await waitUntil(`redis-server on port ${port}`, options.timeoutMs ?? 15_000, child, log.path, () => redisPing(port, child.pid));
    } catch (error) {
      await service.stop(true);
      throw error;
    }
    return { url: `redis://${HOST}:${port}`, port, pid: child.pid!, logFile: log.path, stop: () => service.stop() };
  });
}

// --- internals ----------------------------------------------------------------------------------------------

/**
 * Without `--config`, secantusd-py picks up ./secantusd.toml, ~/.secantus/secantusd.toml or /etc/secantus/…
 * (e.g. one turning `auth` on, which no flag can turn off): an explicit empty file keeps every run the same.
 */
function emptyConfigFile(): string {
  const path = join(REPO_ROOT, '.cache/secantusd.empty.toml');
  if (!existsSync(path)) writeFileSync(path, '# Intentionally empty: see scripts/services.ts\n');
  return path;
}

class StartError extends Error {
  constructor(message: string, readonly portTaken: boolean) {
    super(message);
  }
}

async function ensurePortFree(name: string, port: number): Promise<void> {
  if (!(await isPortFree(port))) throw new StartError(`${name}: port ${port} on ${HOST} is already in use`, true);
}

/** With no fixed port, a port picked by `freePort()` can be taken before the child binds it: try again. */
async function startWithRetry<T>(name: string, fixedPort: number | undefined, start: (port: number) => Promise<T>): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    const port = fixedPort ?? (await freePort());
    try {
      return await start(port);
    } catch (error) {
      const retry = fixedPort === undefined && attempt < 3 && error instanceof StartError && error.portTaken;
      if (!retry) throw error;
      process.stderr.write(`${name}: port ${port} was taken meanwhile; retrying on another\n`);
    }
  }
}

interface Log {
  /** Our copy of the file descriptor: closed once the child has been spawned with its own. */
  fd: number;
  path: string;
  temporary: boolean;
}

function openLog(file: string | undefined, name: string): Log {
  const path = file ? resolve(file) : join(tmpdir(), `${name}-${process.pid}-${Date.now().toString(36)}.log`);
  mkdirSync(dirname(path), { recursive: true });
  return { fd: openSync(path, 'a'), path, temporary: !file };
}

function launch(command: string, args: string[], log: Log): ChildProcess {
  try {
    const child = spawn(command, args, { stdio: ['ignore', log.fd, log.fd], detached: true, cwd: REPO_ROOT });
    // Keep 'error' (e.g. ENOENT) from becoming an uncaught exception; waitUntil reports it.
    child.on('error', () => {});
    return child;
  } finally {
    closeQuietly(log.fd);
  }
}

/** Children still running, stopped by the exit/signal handlers below if nobody stopped them. */
const running = new Set<ChildProcess>();
/** Temporary logs of running children, removed at exit. */
const temporaryLogs = new Set<string>();

function managed(child: ChildProcess, log: Log) {
  running.add(child);
  if (log.temporary) temporaryLogs.add(log.path);
  installExitHandlers();
  const exited = new Promise<void>((done) => {
    if (child.exitCode !== null || child.signalCode !== null) return done();
    child.once('exit', () => done());
    child.once('error', () => done());
  });
  void exited.then(() => running.delete(child));
  let stopping: Promise<void> | undefined;
  return {
    /** `keepLog`: after a failed start, keep the temporary log the error message points at. */
    stop(keepLog = false): Promise<void> {
      stopping ??= (async () => {
        await terminate(child, exited);
        temporaryLogs.delete(log.path);
        if (log.temporary && !keepLog) rmSync(log.path, { force: true });
      })();
      return stopping;
    },
  };
}

async function terminate(child: ChildProcess, exited: Promise<void>, graceMs = 5_000): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null || child.pid === undefined) return;
  signalTree(child, 'SIGTERM');
  let timer: NodeJS.Timeout | undefined;
  const timedOut = await Promise.race([
    exited.then(() => false),
    new Promise<boolean>((done) => (timer = setTimeout(() => done(true), graceMs))),
  ]);
  clearTimeout(timer);
  if (timedOut) {
    signalTree(child, 'SIGKILL');
    await exited;
  }
}

/** Signals the child's process group (it was spawned detached, as a group leader), falling back to the child. */
function signalTree(child: ChildProcess, signal: NodeJS.Signals): void {
  try {
    process.kill(-child.pid!, signal);
  } catch {
    try {
      child.kill(signal);
    } catch {
      /* already gone */
    }
  }
}

function closeQuietly(fd: number): void {
  try {
    closeSync(fd);
  } catch {
    /* already closed */
  }
}

let handlersInstalled = false;
const SIGNAL_NUMBERS: Partial<Record<NodeJS.Signals, number>> = { SIGHUP: 1, SIGINT: 2, SIGTERM: 15 };

function installExitHandlers(): void {
  if (handlersInstalled) return;
  handlersInstalled = true;
  // Last resort: 'exit' handlers cannot wait, so the children get SIGTERM and end on their own.
  process.on('exit', () => {
    for (const child of running) signalTree(child, 'SIGTERM');
    for (const path of temporaryLogs) rmSync(path, { force: true });
  });
  for (const signal of Object.keys(SIGNAL_NUMBERS) as NodeJS.Signals[]) {
    const onSignal = () => {
      // Someone else (dev.ts, main.ts) handles this signal and will exit in order: the 'exit' hook covers us.
      if (process.listenerCount(signal) > 1) return;
      void Promise.allSettled([...running].map((child) => terminate(child, waitExit(child), 3_000))).then(() =>
        process.exit(128 + SIGNAL_NUMBERS[signal]!),
      );
    };
    process.on(signal, onSignal);
  }
}

function waitExit(child: ChildProcess): Promise<void> {
  return new Promise((done) => {
    if (child.exitCode !== null || child.signalCode !== null) return done();
    child.once('exit', () => done());
  });
}

async function waitUntil(
  what: string,
  timeoutMs: number,
  child: ChildProcess,
  logPath: string,
  probe: () => Promise<boolean>,
): Promise<void> {
  const started = Date.now();
  let spawnError: Error | undefined;
  child.once('error', (error) => (spawnError = error));
  let lastProbeError = '';
  while (Date.now() - started < timeoutMs) {
    if (spawnError) {
      const hint = (spawnError as NodeJS.ErrnoException).code === 'ENOENT' ? ' (not installed? run `bash scripts/setup.sh`)' : '';
      throw new StartError(`${what}: could not start: ${spawnError.message}${hint}`, false);
    }
    if (child.exitCode !== null || child.signalCode !== null) {
      const tail = logTail(logPath);
      const portTaken = /address already in use|EADDRINUSE|errno 98/i.test(tail);
      throw new StartError(
        `${what} exited (${child.exitCode ?? child.signalCode}) before it was ready. Last lines of ${logPath}:\n${tail}`,
        portTaken,
      );
    }
    try {
      if (await probe()) return;
    } catch (error) {
      if (error instanceof StartError) throw new StartError(`${what}: ${error.message}`, error.portTaken);
      lastProbeError = error instanceof Error ? error.message : String(error);
    }
    await sleep(100);
  }
  throw new StartError(
    `${what} not ready after ${Math.round(timeoutMs / 1000)} s` +
      (lastProbeError ? ` (last probe error: ${lastProbeError})` : '') +
      `. Last lines of ${logPath}:\n${logTail(logPath)}`,
    false,
  );
}

export function logTail(path: string, lines = 30): string {
  try {
    if (statSync(path).size === 0) return '(log is empty)';
    return readFileSync(path, 'utf8').trimEnd().split('\n').slice(-lines).join('\n');
  } catch {
    return '(no log)';
  }
}

function tcpOpen(port: number): Promise<boolean> {
  return new Promise((done) => {
    const socket = createConnection({ host: HOST, port });
    socket.setTimeout(1_000);
    socket.once('connect', () => {
      socket.destroy();
      done(true);
    });
    socket.once('timeout', () => {
      socket.destroy();
      done(false);
    });
    socket.once('error', () => done(false));
  });
}

/** Whether our child (`pid`) answers `hello` on `port`; another process answering means the port was taken. */
async function mongoHello(port: number, pid: number | undefined): Promise<boolean> {
  if (!(await tcpOpen(port))) return false;
  // directConnection: ask this server, whatever replica-set name it advertises.
  const client = new MongoClient(`mongodb://${HOST}:${port}/?directConnection=true`, {
    serverSelectionTimeoutMS: 2_000,
    connectTimeoutMS: 2_000,
  });
  try {
    await client.connect();
    const admin = client.db('admin');
    const hello = await admin.command({ hello: 1 });
    if (hello.ok !== 1) return false;
    const status = await admin.command({ serverStatus: 1 }).catch(() => undefined);
    if (typeof status?.pid === 'number' && status.pid !== pid) {
      throw new StartError(`port ${port} is answered by another server (pid ${status.pid})`, true);
    }
    return true;
  } finally {
    await client.close().catch(() => {});
  }
}

async function redisPing(port: number, pid: number | undefined): Promise<boolean> {
  if (!(await tcpOpen(port))) return false;
  const redis = new Redis({ host: HOST, port, lazyConnect: true, maxRetriesPerRequest: 0, retryStrategy: () => null, connectTimeout: 1_000 });
  redis.on('error', () => {});
  try {
    await redis.connect();
    if ((await redis.ping()) !== 'PONG') return false;
    const answeredBy = /process_id:(\d+)/.exec(await redis.info('server'))?.[1];
    if (answeredBy && Number(answeredBy) !== pid) {
      throw new StartError(`port ${port} is answered by another redis-server (pid ${answeredBy})`, true);
    }
    return true;
  } finally {
    redis.disconnect();
  }
}

function sleep(ms: number): Promise<void> {
  return new Promise((done) => setTimeout(done, ms));
}
