/**
 * Proves a unique index gives exactly one winner on the stand-in: 20 concurrent inserts of one key → 1 success and
 * 19 duplicate-key errors (11000). Against a read-then-write adapter (check, then insert into a collection with no
 * unique index) the same race lets more than one through, which shows the test can see the race.
 */
import { afterAll, beforeAll, describe, expect, it } from 'bun:test';
import mongoose, { type Connection, type Model } from 'mongoose';
import { mongoUriFor, uniqueName } from '../../support/test-services';

interface Claim {
  _id: string;
  key: string;
  by: number;
}

/** Tries to claim `key`; resolves `'ok'`, or the error code when the write was refused. */
interface ClaimAdapter {
  claim(key: string, by: number): Promise<'ok' | number>;
}

const CONTENDERS = 20;

async function race(adapter: ClaimAdapter): Promise<Array<'ok' | number>> {
  const key = uniqueName('key');
  return Promise.all(Array.from({ length: CONTENDERS }, (_, i) => adapter.claim(key, i)));
}

function byUniqueIndex(model: Model<Claim>): ClaimAdapter {
  return {
    async claim(key, by) {
      try {
        await model.create({ _id: crypto.randomUUID(), key, by });
        return 'ok';
      } catch (error) {
        const code = (error as { code?: unknown }).code;
        if (typeof code === 'number') return code;
        throw error;
      }
    },
  };
}

function readThenWrite(model: Model<Claim>): ClaimAdapter {
  return {
    async claim(key, by) {
      if (await model.findOne({ key }).lean()) return -1;
      await model.create({ _id: crypto.randomUUID(), key, by });
      return 'ok';
    },
  };
}

describe('unique-index insert race on the test MongoDB', () => {
  let connection: Connection;
  let Unique: Model<Claim>;
  let Plain: Model<Claim>;

  beforeAll(async () => {
    connection = await mongoose
      // autoCreate off, collections and index made before any write (see atomic-stock.test.ts for why).
      .createConnection(mongoUriFor(uniqueName('unique')), { maxPoolSize: CONTENDERS, autoCreate: false, autoIndex: false })
      .asPromise();
    const fields = { _id: String, key: String, by: Number };
    Unique = connection.model<Claim>('Unique', new mongoose.Schema<Claim>(fields, { versionKey: false }).index({ key: 1 }, { unique: true }), 'claims_unique');
    Plain = connection.model<Claim>('Plain', new mongoose.Schema<Claim>(fields, { versionKey: false }), 'claims_plain');
    await Unique.createCollection();
    await Unique.createIndexes();
    await Plain.createCollection();
  });

  afterAll(async () => {
    await connection.dropDatabase();
    await connection.close();
  });

  it(`${CONTENDERS} concurrent inserts of one key → 1 success, ${CONTENDERS - 1} duplicate-key errors (11000)`, async () => {
    const outcomes = await race(byUniqueIndex(Unique));
    expect(outcomes.filter((o) => o === 'ok')).toHaveLength(1);
    expect(outcomes.filter((o) => o === 11000)).toHaveLength(CONTENDERS - 1);
    expect(await Unique.countDocuments()).toBe(1);
  });

  it('read-then-write counterpart (no unique index) lets more than one through (the race is observable)', async () => {
    const outcomes = await race(readThenWrite(Plain));
    expect(outcomes.filter((o) => o === 'ok').length).toBeGreaterThan(1);
  });
});
