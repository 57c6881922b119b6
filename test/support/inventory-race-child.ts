/**
 * One of the two processes of the cross-process inventory race (test/integration/inventory/inventory-race.test.ts):
 * `npx bun test/support/inventory-race-child.ts <mongoUri> <productId> <count> <prefix>`. It opens its own
 * connection pool, says `ready` on stdout, waits for `go` on stdin (so both processes start together), makes
 * `count` concurrent reservations of one unit, and prints the RaceResult as one JSON line.
 */
import 'reflect-metadata';
import { connectRaceWorld, gate, GatedReads, reserveConcurrently } from './inventory-race';

const [uri, productId, countText, prefix] = process.argv.slice(2);
if (!uri || !productId || !countText || !prefix) throw new Error('usage: inventory-race-child.ts <mongoUri> <productId> <count> <prefix>');
const count = Number(countText);

const world = await connectRaceWorld(uri, 20);
process.stdout.write('ready\n');
for await (const line of console) {
  if (line.trim() === 'go') break;
}
const result = await reserveConcurrently(world.service(new GatedReads(world.items, gate(count))), productId, count, prefix);
process.stdout.write(`${JSON.stringify(result)}\n`);
await world.close();
process.exit(0);
