/**
 * The one entry point (DESIGN.md D2). Reads the configuration once, starts what ROLE asks for, serves HTTP on PORT
 * (every role serves health and metrics), and shuts down gracefully on SIGTERM/SIGINT: readiness turns 503, the
 * server drains, in-flight requests and jobs finish (up to SHUTDOWN_TIMEOUT_MS), then queues and connections close.
 */
import 'reflect-metadata';
import { ConfigError, loadConfig, type Config } from '#infrastructure/config/config';
import { startRuntime, type Runtime } from '#interfaces/runtime';

interface Server {
  /** Stops accepting connections and resolves once in-flight requests are done. */
  close(): Promise<void>;
}

async function main(): Promise<void> {
  let config: Config;
  try {
    config = loadConfig();
  } catch (error) {
    if (error instanceof ConfigError) {
      process.stderr.write(`${error.message}\n`);
      process.exit(1);
    }
    throw error;
  }
  const startedAt = performance.now();
  const runtime = await startRuntime(config);
  const server = await serve(runtime, config.PORT);
  runtime.logger.info(
    { port: config.PORT, role: config.ROLE, readyInMs: Math.round(performance.now() - startedAt) },
    `listening on http://127.0.0.1:${config.PORT}`,
  );

  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    runtime.logger.info({ signal }, 'shutting down');
    runtime.state.shuttingDown = true;
    const force = setTimeout(() => {
      runtime.logger.error({ timeoutMs: config.SHUTDOWN_TIMEOUT_MS }, 'shutdown timed out; exiting');
      process.exit(1);
    }, config.SHUTDOWN_TIMEOUT_MS + config.SHUTDOWN_DRAIN_MS + 5_000);
    force.unref();
    await new Promise((resolve) => setTimeout(resolve, config.SHUTDOWN_DRAIN_MS));
    // In-flight requests and running jobs finish side by side; connections close only once both are done (a request
    // still using MongoDB or Redis when they close would fail with a 500).
    await Promise.all([server.close(), runtime.workers?.close(config.SHUTDOWN_TIMEOUT_MS)]);
    await runtime.shutdown();
    runtime.logger.info({}, 'stopped');
    process.exit(0);
  };
  process.on('SIGTERM', () => void stop('SIGTERM'));
  process.on('SIGINT', () => void stop('SIGINT'));
}

/** Bun.serve under Bun, @hono/node-server under Node (`node dist/main.js`). */
async function serve(runtime: Runtime, port: number): Promise<Server> {
  const bun = (globalThis as { Bun?: { serve(options: object): { stop(force?: boolean): Promise<void> } } }).Bun;
  if (bun) {
    const server = bun.serve({ port, fetch: runtime.app.fetch, idleTimeout: 60 });
    return { close: () => server.stop(false) };
  }
  const { serve: nodeServe } = await import('@hono/node-server');
  const server = nodeServe({ fetch: runtime.app.fetch, port });
  return {
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        (server as { closeIdleConnections?: () => void }).closeIdleConnections?.();
      }),
  };
}

main().catch((error: unknown) => {
  process.stderr.write(`fatal: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exit(1);
});
