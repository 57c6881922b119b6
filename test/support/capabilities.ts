import mongoose from 'mongoose';
import { mongoUriFor, uniqueName } from './test-services';

/**
 * Capabilities of the MongoDB server the tests run against, probed at run time (STACK-NOTES: the one acceptable
 * reason to leave a test out is a capability the stand-in lacks; the test still runs on real MongoDB).
 */

/**
 * SecantusDB 0.7.0b3 loses the inclusive lower bound of a range on a descending field after an equality prefix in
 * a compound index: `{ a: 1, t: { $gte: d } }` on index `{ a: 1, t: -1, _id: -1 }` misses the row at exactly `d`.
 */
export async function canServeCompoundRangeScans(): Promise<boolean> {
  const connection = await mongoose.createConnection(mongoUriFor(uniqueName('probe'))).asPromise();
  try {
    const probe = connection.collection('probe');
    await probe.createIndex({ a: 1, t: -1, _id: -1 });
    const d = new Date('2026-01-01T00:00:00.000Z');
    await probe.insertMany([{ _id: 'x' as never, a: 1, t: d }, { _id: 'y' as never, a: 1, t: new Date(d.getTime() + 1) }]);
    return (await probe.countDocuments({ a: 1, t: { $gte: d } })) === 2;
  } finally {
    await connection.dropDatabase().catch(() => {});
    await connection.close();
  }
}

/** Prints, once per test file, why a test was left out on this server. */
export function reportLeftOut(file: string, test: string, why: string): void {
  process.stderr.write(`${file}: left out "${test}": ${why}; set MONGODB_URI to a real MongoDB to run it.\n`);
}
