import { Redis } from 'ioredis';

/** BullMQ's own connections: it requires `maxRetriesPerRequest: null` on connections used by workers. */
export function createBullMqConnection(url: string): Redis {
  return new Redis(url, { maxRetriesPerRequest: null, enableReadyCheck: false, retryStrategy: (times) => Math.min(times * 200, 2_000) });
}
