import { Redis } from 'ioredis';

/**
 * One ioredis connection for commands (rate limits, idempotency keys, the clock). BullMQ needs
 * `maxRetriesPerRequest: null` on the connections it blocks on; it gets its own (see bullmq-connection.ts).
 */
export function createRedisClient(url: string, options: { lazyConnect?: boolean } = {}): Redis {
  return new Redis(url, {
    maxRetriesPerRequest: 2,
    enableOfflineQueue: true,
    connectTimeout: 5_000,
    lazyConnect: options.lazyConnect ?? false,
    // Keep reconnecting with a capped back-off; readiness reports "down" meanwhile.
    retryStrategy: (times) => Math.min(times * 200, 2_000),
  });
}
