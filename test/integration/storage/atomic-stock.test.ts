/**
 * Proves the stand-in enforces a conditional update atomically (STACK-NOTES "Atomic stock change"): 50 buyers race
 * for 10 units. The same race run against a deliberately read-then-write adapter must oversell, which shows this test
 * can see a race at all (a green race test on a serialising server is otherwise weak evidence).
 */
import { afterAll, beforeAll, describe, expect, it } from 'bun:test';
import mongoose, { type Connection, type Model } from 'mongoose';
import { mongoUriFor, uniqueName } from '../../support/test-services';

interface Stock {
  _id: string;
  qty: number;
}

/** Takes one unit of `id`; true when it got one. */
interface StockAdapter {
  takeOne(id: string): Promise<boolean>;
}

const BUYERS = 50;
const INITIAL = 10;

/** Starts every buyer at once on a fresh stock of `INITIAL` units; returns how many got a unit and what is left. */
async function race(model: Model<Stock>, adapter: StockAdapter): Promise<{ successes: number; left: number }> {
  const id = uniqueName('sku');
  await model.create({ _id: id, qty: INITIAL });
  const results = await Promise.all(Array.from({ length: BUYERS }, () => adapter.takeOne(id)));
  const left = (await model.findById(id).lean())!.qty;
  return { successes: results.filter(Boolean).length, left };
}

/** The product's pattern: the invariant is in the filter, one document, one write. */
const atomicAdapter = (model: Model<Stock>): StockAdapter => ({
  async takeOne(id) {
    const after = await model.findOneAndUpdate({ _id: id, qty: { $gte: 1 } }, { $inc: { qty: -1 } }, { returnDocument: 'after' });
    return after !== null;
  },
});

/** The bug this project forbids: read, check in JavaScript, then write what was computed. */
const readThenWriteAdapter = (model: Model<Stock>): StockAdapter => ({
  async takeOne(id) {
    const current = await model.findById(id).lean();
    if (!current || current.qty < 1) return false;
    await model.updateOne({ _id: id }, { $set: { qty: current.qty - 1 } });
    return true;
  },
});

describe('atomic stock decrement on the test MongoDB', () => {
  let connection: Connection;
  let Stock: Model<Stock>;

  beforeAll(async () => {
    // maxPoolSize ≥ BUYERS so all operations really are in flight together. autoCreate off and the collection made
    // before any write, as the product does (DESIGN.md D2): SecantusDB 0.7.0b3 wedges (every later write hangs, one
    // core at 100 %) when a `create` of a new collection runs concurrently with an insert that creates it implicitly,
    // which is what Mongoose's default autoCreate does on the first `Model.create`.
    connection = await mongoose
      .createConnection(mongoUriFor(uniqueName('stock')), { maxPoolSize: BUYERS, autoCreate: false, autoIndex: false })
      .asPromise();
    Stock = connection.model<Stock>('Stock', new mongoose.Schema<Stock>({ _id: String, qty: Number }, { versionKey: false }));
    await Stock.createCollection();
  });

  afterAll(async () => {
    await connection.dropDatabase();
    await connection.close();
  });

  it(`conditional findOneAndUpdate: ${BUYERS} buyers, ${INITIAL} units → exactly ${INITIAL} sales, 0 left`, async () => {
    const { successes, left } = await race(Stock, atomicAdapter(Stock));
    expect(successes).toBe(INITIAL);
    expect(left).toBe(0);
  });

  it('read-then-write counterpart oversells (the race is observable)', async () => {
    const { successes } = await race(Stock, readThenWriteAdapter(Stock));
    expect(successes).toBeGreaterThan(INITIAL);
  });
});
