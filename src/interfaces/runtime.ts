import type { OpenAPIHono } from '@hono/zod-openapi';
import type { Connection } from 'mongoose';
import type { DependencyContainer } from 'tsyringe';
import type { Logger } from '#application/shared/ports/logger.port';
import type { Config } from '#infrastructure/config/config';
import { buildContainer, type AppContainer } from '#infrastructure/di/container';
import { BullMqConnectionFactory, MongooseConnection } from '#infrastructure/di/tokens';
import { BullMqWorkerHost } from '#infrastructure/messaging/bullmq-worker-host';
import type { JobHandlers } from '#infrastructure/messaging/job-handler';
import { OutboxDispatcher } from '#infrastructure/messaging/outbox-dispatcher';
import { OutboxRelay } from '#infrastructure/messaging/outbox-relay';
import { ensureIndexes } from '#infrastructure/persistence/mongoose/connection';
import { outboxSourcesOf } from '#infrastructure/persistence/mongoose/shared/mongoose-outbox-source';
import type { AppEnv } from '#interfaces/http/app-env';
import { createHttpApp } from '#interfaces/http/app';
import { ProcessState } from '#interfaces/http/process-state';
import { runStartupTasks } from '#interfaces/process/startup-tasks';
import { buildJobHandlers } from '#interfaces/queue/job-handlers';
import { jobSchedules } from '#interfaces/queue/job-schedules';

export interface Runtime {
  readonly app: OpenAPIHono<AppEnv>;
  readonly container: DependencyContainer;
  readonly config: Config;
  readonly logger: Logger;
  readonly state: ProcessState;
  readonly services: AppContainer;
  readonly relay: OutboxRelay | null;
  readonly workers: BullMqWorkerHost | null;
  /** Stops workers (waiting for running jobs up to the timeout), the relay, then closes queues and connections. */
  shutdown(): Promise<void>;
}

export interface RuntimeOptions {
  readonly logger?: Logger;
  /** Replace or extend job handlers (tests inject hooks); defaults to the real ones. */
  readonly jobHandlers?: (container: DependencyContainer) => JobHandlers;
}

/**
 * Everything a process does, by ROLE (DESIGN.md D2): build the container, create indexes, upsert start-up rows,
 * build the HTTP app (every role serves health), and for `worker`/`all` start the BullMQ workers, the outbox relay
 * and the job schedulers. `src/main.ts` serves the app; tests call this directly.
 */
export async function startRuntime(config: Config, options: RuntimeOptions = {}): Promise<Runtime> {
  const services = await buildContainer(config, options.logger ? { logger: options.logger } : {});
  const { container, logger, lifecycle } = services;
  const state = new ProcessState();
  container.register(ProcessState, { useValue: state });

  const connection = container.resolve<Connection>(MongooseConnection);
  await ensureIndexes(connection);
  await runStartupTasks(container, logger);
  const app = createHttpApp(container, config);

  let relay: OutboxRelay | null = null;
  let workers: BullMqWorkerHost | null = null;
  if (config.ROLE !== 'api') {
    workers = new BullMqWorkerHost(
      (options.jobHandlers ?? buildJobHandlers)(container),
      container.resolve(BullMqConnectionFactory),
      logger,
      {
        prefix: config.REDIS_KEY_PREFIX,
        concurrency: config.QUEUE_CONCURRENCY,
        lockDurationMs: config.QUEUE_LOCK_MS,
        stalledIntervalMs: config.QUEUE_STALLED_INTERVAL_MS,
      },
    );
    workers.start();
    relay = new OutboxRelay(outboxSourcesOf(connection.models), container.resolve(OutboxDispatcher), logger, {
      intervalMs: config.OUTBOX_RELAY_INTERVAL_MS,
      minAgeMs: config.OUTBOX_RELAY_AGE_MS,
    });
    relay.start();
    for (const schedule of jobSchedules(config)) {
      await services.jobQueue
        .queue(schedule.queue)
        .upsertJobScheduler(schedule.schedulerId, { every: schedule.everyMs }, { name: schedule.jobName, data: {} });
    }
  }

  let shutdown: Promise<void> | undefined;
  return {
    app,
    container,
    config,
    logger,
    state,
    services,
    relay,
    workers,
    shutdown: () =>
      (shutdown ??= (async () => {
        state.shuttingDown = true;
        await workers?.close(config.SHUTDOWN_TIMEOUT_MS);
        await relay?.stop();
        await lifecycle.closeAll((name, error) => logger.warn({ resource: name, err: error }, 'error while closing'));
      })()),
  };
}
