import { afterAll, beforeAll, describe, expect, it } from 'bun:test';
import { randomUUID } from 'node:crypto';
import { Redis } from 'ioredis';
import type { IdempotencyClaim, IdempotencyStore, StoredResponse } from '#application/shared/ports/idempotency-store.port';
import { InMemoryIdempotencyStore } from '#infrastructure/in-memory/shared/in-memory-idempotency-store';
import { RedisIdempotencyStore } from '#infrastructure/redis/redis-idempotency-store';
import { redisUrl, uniqueName } from '../../support/test-services';

const prefix = uniqueName('idem');
let redis: Redis;

beforeAll(() => {
  redis = new Redis(redisUrl());
});
afterAll(async () => {
  const keys = await redis.keys(`${prefix}:*`);
  if (keys.length > 0) await redis.del(...keys);
  await redis.quit();
});

const response: StoredResponse = { status: 201, body: '{"id":"1"}', headers: { 'content-type': 'application/json' } };
const acquired = (claims: IdempotencyClaim[]) => claims.filter((c) => c.kind === 'acquired').length;

/** The same contract for both adapters, so the in-memory one stays honest. */
const adapters: Array<[string, () => IdempotencyStore]> = [
  ['RedisIdempotencyStore', () => new RedisIdempotencyStore(redis, prefix)],
  ['InMemoryIdempotencyStore', () => new InMemoryIdempotencyStore()],
];

for (const [name, make] of adapters) {
  describe(`${name} (IdempotencyStore contract)`, () => {
    it('the first claim acquires; while it runs, a second claim sees it in flight with its fingerprint', async () => {
      const store = make();
      const key = randomUUID();
      expect((await store.claim(key, 'fp-1', 60_000)).kind).toBe('acquired');
      expect(await store.claim(key, 'fp-2', 60_000)).toEqual({ kind: 'in-flight', fingerprint: 'fp-1' });
    });

    it('after complete, a claim gets the stored response and its fingerprint', async () => {
      const store = make();
      const key = randomUUID();
      const claim = await store.claim(key, 'fp', 60_000);
      if (claim.kind !== 'acquired') throw new Error('expected to acquire');
      await store.complete(key, claim.token, 'fp', response, 86_400);
      expect(await store.claim(key, 'fp', 60_000)).toEqual({ kind: 'completed', fingerprint: 'fp', response });
    });

    it('after release, the key can be claimed again at once', async () => {
      const store = make();
      const key = randomUUID();
      const claim = await store.claim(key, 'fp', 60_000);
      if (claim.kind !== 'acquired') throw new Error('expected to acquire');
      await store.release(key, claim.token);
      expect((await store.claim(key, 'fp', 60_000)).kind).toBe('acquired');
    });

    it('only the holder of the marker can complete or release it', async () => {
      const store = make();
      const key = randomUUID();
      await store.claim(key, 'fp', 60_000);
      await store.complete(key, 'not-the-token', 'fp', response, 86_400);
      await store.release(key, 'not-the-token');
      expect(await store.claim(key, 'fp', 60_000)).toEqual({ kind: 'in-flight', fingerprint: 'fp' });
    });

    it('an in-flight marker expires on its own short TTL (a crashed request does not block its key)', async () => {
      const store = make();
      const key = randomUUID();
      expect((await store.claim(key, 'fp', 150)).kind).toBe('acquired');
      await Bun.sleep(300);
      expect((await store.claim(key, 'fp', 150)).kind).toBe('acquired');
    });

    it('of many concurrent claims on one key, exactly one acquires', async () => {
      const store = make();
      const key = randomUUID();
      const claims = await Promise.all(Array.from({ length: 25 }, () => store.claim(key, 'fp', 60_000)));
      expect(acquired(claims)).toBe(1);
    });
  });
}

describe('the concurrency check can see a race', () => {
  /** A deliberately broken claim (read, then write): what the atomic SET NX prevents. */
  class ReadThenWriteStore extends RedisIdempotencyStore {
    override async claim(key: string, fingerprint: string, inFlightTtlMs: number): Promise<IdempotencyClaim> {
      const redisKey = `${prefix}:idempotency:${key}`;
      const current = await redis.get(redisKey);
      if (current !== null) return { kind: 'in-flight', fingerprint: JSON.parse(current).fingerprint };
      const token = randomUUID();
      await redis.set(redisKey, JSON.stringify({ state: 'in-flight', token, fingerprint }), 'PX', inFlightTtlMs);
      return { kind: 'acquired', token };
    }
  }

  it('a read-then-write claim lets several concurrent requests acquire the same key', async () => {
    const store = new ReadThenWriteStore(redis, prefix);
    const key = randomUUID();
    const claims = await Promise.all(Array.from({ length: 25 }, () => store.claim(key, 'fp', 60_000)));
    expect(acquired(claims)).toBeGreaterThan(1);
  });
});
