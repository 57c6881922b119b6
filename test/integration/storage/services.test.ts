/** The stand-in services answer like the real ones, through the clients the product uses (mongoose, ioredis). */
import { afterAll, describe, expect, it } from 'bun:test';
import mongoose from 'mongoose';
import { Redis } from 'ioredis';
import { mongoUriFor, redisUrl, uniqueName } from '../../support/test-services';

describe('test services', () => {
  // autoCreate off, collections made explicitly (as the product does, DESIGN.md D2): with Mongoose's default, the
  // collection's `create` races the first insert, which wedges SecantusDB 0.7.0b3 (see atomic-stock.test.ts).
  const connection = mongoose.createConnection(mongoUriFor(uniqueName('hello')), { autoCreate: false, autoIndex: false });
  const redis = new Redis(redisUrl(), { lazyConnect: true, maxRetriesPerRequest: 1 });

  afterAll(async () => {
    await connection.dropDatabase().catch(() => {});
    await connection.close();
    redis.disconnect();
  });

  it('MongoDB answers hello as a writable primary (mongoose)', async () => {
    await connection.asPromise();
    const hello = await connection.db!.admin().command({ hello: 1 });
    expect(hello.ok).toBe(1);
    expect(hello.isWritablePrimary ?? hello.ismaster).toBe(true);
  });

  it('MongoDB stores and reads back a document (mongoose)', async () => {
    const Thing = connection.model('Thing', new mongoose.Schema({ _id: String, n: Number }, { versionKey: false }));
    await Thing.createCollection();
    await Thing.create({ _id: 'a', n: 1 });
    expect((await Thing.findById('a').lean())?.n).toBe(1);
  });

  it('Redis answers PING with PONG (ioredis)', async () => {
    await redis.connect();
    expect(await redis.ping()).toBe('PONG');
  });

  it('Redis runs with maxmemory-policy noeviction (DESIGN.md D1, BullMQ requirement)', async () => {
    if (redis.status !== 'ready') await redis.connect();
    const [, policy] = (await redis.config('GET', 'maxmemory-policy')) as [string, string];
    expect(policy).toBe('noeviction');
  });
});
