import { container as rootContainer, type DependencyContainer } from 'tsyringe';
import { AuditLog } from '#application/audit/ports/audit-log.port';
import { Clock, SimulationClockControl } from '#application/shared/ports/clock.port';
import { IdGenerator } from '#application/shared/ports/id-generator.port';
import { JobQueue } from '#application/shared/ports/job-queue.port';
import { Logger } from '#application/shared/ports/logger.port';
import { ReadinessProbe } from '#application/shared/ports/readiness-probe.port';
import { IdempotencyStore } from '#application/shared/ports/idempotency-store.port';
import { Metrics } from '#application/shared/ports/metrics.port';
import { DisabledSimulationClock, RedisSimulationClock } from '#infrastructure/clock/redis-simulation-clock';
import { SystemClock } from '#infrastructure/clock/system-clock';
import type { Config } from '#infrastructure/config/config';
import { Lifecycle } from '#infrastructure/di/lifecycle';
import { registerBillingModule } from '#infrastructure/di/modules/billing.module';
import { registerCatalogModule } from '#infrastructure/di/modules/catalog.module';
import { registerIdentityModule } from '#infrastructure/di/modules/identity.module';
import { registerInventoryModule } from '#infrastructure/di/modules/inventory.module';
import type { ModuleContext } from '#infrastructure/di/modules/module-context';
import { registerOrdersModule } from '#infrastructure/di/modules/orders.module';
import { registerSubscriptionsModule } from '#infrastructure/di/modules/subscriptions.module';
import { AppConfig, BullMqConnectionFactory, MongooseConnection, RedisClient } from '#infrastructure/di/tokens';
import { MongoRedisReadinessProbe } from '#infrastructure/health/mongo-redis-readiness-probe';
import { UuidV7IdGenerator } from '#infrastructure/ids/uuid-v7.id-generator';
import { PinoLogger } from '#infrastructure/logging/pino-logger';
import { createBullMqConnection } from '#infrastructure/messaging/bullmq-connection';
import { BullMqJobQueue } from '#infrastructure/messaging/bullmq-job-queue';
import { EventRoutingTable, OutboxDispatcher } from '#infrastructure/messaging/outbox-dispatcher';
import { EVENT_ROUTES } from '#infrastructure/messaging/routing-table';
import { MongooseAuditLog } from '#infrastructure/persistence/mongoose/audit/mongoose-audit-log';
import { connectMongo } from '#infrastructure/persistence/mongoose/connection';
import { MongooseAggregateWriter } from '#infrastructure/persistence/mongoose/shared/mongoose-aggregate-writer';
import { createRedisClient } from '#infrastructure/redis/redis-client';
import { RedisIdempotencyStore } from '#infrastructure/redis/redis-idempotency-store';
import { PrometheusMetrics } from '#infrastructure/metrics/prometheus-metrics';

export interface AppContainer {
  readonly container: DependencyContainer;
  readonly config: Config;
  readonly logger: Logger;
  readonly jobQueue: BullMqJobQueue;
  /** Closes what buildContainer opened (queues, Redis, MongoDB), last opened first. */
  readonly lifecycle: Lifecycle;
}

/**
 * The composition root (STYLE.md rule 25): connects to MongoDB and Redis and binds every port to its adapter.
 * It starts nothing: serving HTTP and running workers is `src/interfaces/runtime.ts`'s job.
 */
export async function buildContainer(config: Config, options: { logger?: Logger } = {}): Promise<AppContainer> {
  const logger = options.logger ?? PinoLogger.create(config.LOG_LEVEL, { role: config.ROLE });
  const lifecycle = new Lifecycle();
  const connection = await connectMongo(config.MONGODB_URI);
  lifecycle.onClose('mongodb', () => connection.close());
  const redis = createRedisClient(config.REDIS_URL);
  redis.on('error', (error) => logger.warn({ err: error.message }, 'redis connection error'));
  lifecycle.onClose('redis', async () => void (await redis.quit().catch(() => redis.disconnect())));
  const bullConnections: Array<ReturnType<typeof createBullMqConnection>> = [];
  const newBullConnection = () => {
    const c = createBullMqConnection(config.REDIS_URL);
    c.on('error', () => {}); // reported through readiness and job failures; avoid unhandled 'error' events
    bullConnections.push(c);
    return c;
  };
  lifecycle.onClose('bullmq connections', async () => void bullConnections.forEach((c) => c.disconnect()));
  const jobQueue = new BullMqJobQueue(newBullConnection(), config.REDIS_KEY_PREFIX);
  lifecycle.onClose('queues', () => jobQueue.close());

  const container = rootContainer.createChildContainer();
  container.register(AppConfig, { useValue: config });
  container.register(Logger, { useValue: logger });
  container.register(MongooseConnection, { useValue: connection });
  container.register(RedisClient, { useValue: redis });
  container.register(BullMqConnectionFactory, { useValue: newBullConnection });
  container.register(IdGenerator, { useValue: new UuidV7IdGenerator() });
  if (config.SIMULATION_CLOCK) {
    const clock = new RedisSimulationClock(redis, config.REDIS_KEY_PREFIX);
    container.register(Clock, { useValue: clock });
    container.register(SimulationClockControl, { useValue: clock });
  } else {
    container.register(Clock, { useValue: new SystemClock() });
    container.register(SimulationClockControl, { useValue: new DisabledSimulationClock() });
  }
  container.register(JobQueue, { useValue: jobQueue });
  container.register(AuditLog, { useValue: new MongooseAuditLog(connection) });
  container.register(ReadinessProbe, { useValue: new MongoRedisReadinessProbe(connection, redis) });
  const metrics = new PrometheusMetrics(jobQueue.queues.values());
  container.register(Metrics, { useValue: metrics });
  container.register(PrometheusMetrics, { useValue: metrics });
  container.register(IdempotencyStore, { useValue: new RedisIdempotencyStore(redis, config.REDIS_KEY_PREFIX) });
  container.register(EventRoutingTable, { useValue: EVENT_ROUTES });
  container.registerSingleton(OutboxDispatcher);
  container.registerSingleton(MongooseAggregateWriter);

  const context: ModuleContext = { container, config, connection, redis, logger };
  for (const register of [
    registerIdentityModule,
    registerCatalogModule,
    registerInventoryModule,
    registerSubscriptionsModule,
    registerBillingModule,
    registerOrdersModule,
  ]) {
    register(context);
  }
  return { container, config, logger, jobQueue, lifecycle };
}
