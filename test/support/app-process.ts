import { spawn, type ChildProcess } from 'node:child_process';
import { createServer } from 'node:net';
import { resolve } from 'node:path';

export const REPO_ROOT = resolve(import.meta.dir, '../..');

/** A `src/main.ts` process started by a test, with its output kept for diagnostics. */
export interface AppProcess {
  readonly child: ChildProcess;
  readonly port: number;
  readonly url: string;
  output(): string;
  /** Resolves with the exit code (or the signal name) once the process has ended. */
  readonly exited: Promise<number | string>;
}

export async function freeTcpPort(): Promise<number> {
  return new Promise((resolvePort, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => resolvePort(typeof address === 'object' && address ? address.port : 0));
    });
  });
}

/** Starts `bun src/main.ts` (the real entry point) with the given environment on a free port. */
export async function spawnApp(env: Record<string, string>, script = 'src/main.ts'): Promise<AppProcess> {
  const port = await freeTcpPort();
  const child = spawn(process.execPath, [script], {
    cwd: REPO_ROOT,
    env: { ...process.env, ...env, PORT: String(port) },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let log = '';
  child.stdout!.on('data', (chunk) => (log += chunk));
  child.stderr!.on('data', (chunk) => (log += chunk));
  const exited = new Promise<number | string>((done) => child.once('exit', (code, signal) => done(code ?? signal ?? 'unknown')));
  return { child, port, url: `http://127.0.0.1:${port}`, output: () => log, exited };
}

/** Polls GET /health/ready until 200; fails with the process output after `timeoutMs`. */
export async function waitForReady(app: AppProcess, timeoutMs = 60_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (app.child.exitCode !== null) throw new Error(`process exited (${app.child.exitCode}) before ready:\n${app.output()}`);
    const ok = await fetch(`${app.url}/health/ready`).then((r) => r.status === 200, () => false);
    if (ok) return;
    await Bun.sleep(100);
  }
  throw new Error(`not ready after ${timeoutMs} ms:\n${app.output()}`);
}

/** SIGTERM, then SIGKILL if it has not ended in `graceMs`. */
export async function stopApp(app: AppProcess, graceMs = 15_000): Promise<number | string> {
  if (app.child.exitCode !== null || app.child.signalCode !== null) return app.exited;
  app.child.kill('SIGTERM');
  const timer = setTimeout(() => app.child.kill('SIGKILL'), graceMs);
  const result = await app.exited;
  clearTimeout(timer);
  return result;
}
