/**
 * Where the integration tests find their services. `test/support/integration-preload.ts` fills
 * `TEST_MONGODB_URI` (a server URI without a database) and `TEST_REDIS_URL`: either servers it started itself or,
 * when the user set `MONGODB_URI` / `REDIS_URL`, those. Each test then uses its own database name and key prefix.
 */
import { randomBytes } from 'node:crypto';

const URI_PATTERN = /^(mongodb(?:\+srv)?:\/\/)([^/?#]*)(?:\/([^?#]*))?(?:\?([^#]*))?$/;

interface ParsedUri {
  scheme: string;
  authority: string;
  database: string;
  query: string;
}

function parseMongoUri(uri: string): ParsedUri {
  const match = URI_PATTERN.exec(uri);
  if (!match) throw new Error(`not a mongodb:// URI: ${uri}`);
  return { scheme: match[1]!, authority: match[2]!, database: decodeURIComponent(match[3] ?? ''), query: match[4] ?? '' };
}

function formatMongoUri({ scheme, authority, database, query }: ParsedUri): string {
  return `${scheme}${authority}/${database ? encodeURIComponent(database) : ''}${query ? `?${query}` : ''}`;
}

/**
 * `uri` without its database name, query options kept. With credentials in the URI and no `authSource`, the
 * database name was also the authentication database: it is kept as `authSource` so swapping the name stays safe.
 */
export function mongoServerUri(uri: string): string {
  const parsed = parseMongoUri(uri);
  let query = parsed.query;
  if (parsed.authority.includes('@') && parsed.database && !new URLSearchParams(query).has('authSource')) {
    query = `${query ? `${query}&` : ''}authSource=${encodeURIComponent(parsed.database)}`;
  }
  return formatMongoUri({ ...parsed, database: '', query });
}

/** The test server's URI with `dbName` as its database (query options, e.g. `replicaSet`, preserved). */
export function mongoUriFor(dbName: string): string {
  if (!/^[A-Za-z0-9_-]{1,63}$/.test(dbName)) throw new Error(`unsafe database name: ${JSON.stringify(dbName)}`);
  return formatMongoUri({ ...parseMongoUri(mongoServerUri(required('TEST_MONGODB_URI'))), database: dbName });
}

/** The Redis URL of the test run (share it; isolate with a unique `REDIS_KEY_PREFIX`). */
export function redisUrl(): string {
  return required('TEST_REDIS_URL');
}

/**
 * A short unique name safe as a database name or Redis key prefix: `<prefix>_<time><random>`, letters, digits and
 * `_` only, at most 38 characters.
 */
export function uniqueName(prefix: string): string {
  const safePrefix = prefix.replace(/[^A-Za-z0-9_]/g, '_').slice(0, 18) || 't';
  const suffix = Date.now().toString(36) + randomBytes(5).toString('hex');
  return `${safePrefix}_${suffix}`.slice(0, 38);
}

function required(name: string): string {
  const value = process.env[name];
  if (!value) {
    throw new Error(`${name} is not set: run integration tests with --preload ./test/support/integration-preload.ts (npm run test:integration)`);
  }
  return value;
}
