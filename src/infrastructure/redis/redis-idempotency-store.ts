import { randomUUID } from 'node:crypto';
import type { Redis } from 'ioredis';
import type { IdempotencyClaim, IdempotencyStore, StoredResponse } from '#application/shared/ports/idempotency-store.port';

/** The value kept under one key: the in-flight marker (with the owner's token) or the stored response. */
type Entry =
  | { readonly state: 'in-flight'; readonly token: string; readonly fingerprint: string }
  | { readonly state: 'completed'; readonly fingerprint: string; readonly response: StoredResponse };

/**
 * Claims with `SET NX PX` (atomic: one winner), so the marker carries its own short TTL. Completing and releasing
 * are compare-and-set scripts: only the request that holds the marker may replace or delete it.
 */
const REPLACE_IF_OWNER = `
local current = redis.call('GET', KEYS[1])
if not current then return 0 end
local ok, entry = pcall(cjson.decode, current)
if not ok or entry.state ~= 'in-flight' or entry.token ~= ARGV[1] then return 0 end
if ARGV[2] == '' then
  redis.call('DEL', KEYS[1])
else
  redis.call('SET', KEYS[1], ARGV[2], 'EX', tonumber(ARGV[3]))
end
return 1`;

export class RedisIdempotencyStore implements IdempotencyStore {
  constructor(private readonly redis: Redis, private readonly keyPrefix: string) {}

  async claim(key: string, fingerprint: string, inFlightTtlMs: number): Promise<IdempotencyClaim> {
    const redisKey = this.redisKey(key);
    // The marker a failed SET NX found may expire or be released before the GET: then claim again.
    for (let round = 0; round < 3; round += 1) {
      const token = randomUUID();
      const marker: Entry = { state: 'in-flight', token, fingerprint };
      const set = await this.redis.set(redisKey, JSON.stringify(marker), 'PX', inFlightTtlMs, 'NX');
      if (set === 'OK') return { kind: 'acquired', token };
      const current = await this.redis.get(redisKey);
      if (current === null) continue;
      const entry = JSON.parse(current) as Entry;
      return entry.state === 'completed'
        ? { kind: 'completed', fingerprint: entry.fingerprint, response: entry.response }
        : { kind: 'in-flight', fingerprint: entry.fingerprint };
    }
    throw new Error('idempotency key kept changing while it was claimed');
  }

  async complete(key: string, token: string, fingerprint: string, response: StoredResponse, ttlSeconds: number): Promise<void> {
    const entry: Entry = { state: 'completed', fingerprint, response };
    await this.redis.eval(REPLACE_IF_OWNER, 1, this.redisKey(key), token, JSON.stringify(entry), String(ttlSeconds));
  }

  async release(key: string, token: string): Promise<void> {
    await this.redis.eval(REPLACE_IF_OWNER, 1, this.redisKey(key), token, '', '0');
  }

  private redisKey(key: string): string {
    return `${this.keyPrefix}:idempotency:${key}`;
  }
}
