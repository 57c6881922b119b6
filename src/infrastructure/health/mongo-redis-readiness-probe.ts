import type { Redis } from 'ioredis';
import type { Connection } from 'mongoose';
import type { DependencyState, ReadinessProbe } from '#application/shared/ports/readiness-probe.port';

const TIMEOUT_MS = 1_000;

/** Pings MongoDB and Redis, each with a 1 s timeout (API.md `/health/ready`). */
export class MongoRedisReadinessProbe implements ReadinessProbe {
  constructor(private readonly connection: Connection, private readonly redis: Redis) {}

  async check(): Promise<{ mongodb: DependencyState; redis: DependencyState }> {
    const [mongodb, redis] = await Promise.all([
      within(TIMEOUT_MS, async () => {
        await this.connection.db!.admin().ping();
      }),
      within(TIMEOUT_MS, async () => {
        if (this.redis.status !== 'ready') throw new Error(`redis ${this.redis.status}`);
        await this.redis.ping();
      }),
    ]);
    return { mongodb, redis };
  }
}

async function within(ms: number, probe: () => Promise<void>): Promise<DependencyState> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timeout = new Promise<DependencyState>((resolve) => {
    timer = setTimeout(() => resolve('down'), ms);
  });
  try {
    return await Promise.race([probe().then(() => 'up' as const, () => 'down' as const), timeout]);
  } finally {
    clearTimeout(timer);
  }
}
