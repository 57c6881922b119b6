/**
 * CI helper, after the MONGODB_URI switch run (.ci/run): the marker document must be on the server that
 * MONGODB_URI named, in the database `mongoUriFor('uri_switch_check')` picks and collection `uri_switch`.
 *
 *   bun scripts/ci/check-uri-switch.ts <mongodb-uri-of-that-server> <marker>
 */
import { MongoClient } from 'mongodb';

const [uri, marker] = process.argv.slice(2);
if (!uri || !marker) {
  process.stderr.write('usage: bun scripts/ci/check-uri-switch.ts <mongodb-uri> <marker>\n');
  process.exit(2);
}

const client = new MongoClient(uri, { serverSelectionTimeoutMS: 10_000 });
try {
  await client.connect();
  const found = await client.db('uri_switch_check').collection<{ _id: string }>('uri_switch').findOne({ _id: marker });
  if (!found) {
    process.stderr.write(`check-uri-switch: FAILED: marker ${marker} not found in uri_switch_check.uri_switch on ${uri}: the tests did not use MONGODB_URI\n`);
    process.exitCode = 1;
  } else {
    process.stdout.write(`check-uri-switch: ok: marker ${marker} is on ${uri} (uri_switch_check.uri_switch)\n`);
    await client.db('uri_switch_check').dropDatabase();
  }
} catch (error) {
  process.stderr.write(`check-uri-switch: FAILED: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exitCode = 1;
} finally {
  await client.close();
}
