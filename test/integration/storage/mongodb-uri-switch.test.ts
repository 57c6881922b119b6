/**
 * `MONGODB_URI` switches the whole integration suite to another server (README: "the same suite runs against that
 * server instead"). CI proves it (.ci/run): it starts a second SecantusDB, runs this file with
 * `MONGODB_URI=<second server>` and `MONGODB_URI_SWITCH_MARKER=<random>`, then checks with
 * scripts/ci/check-uri-switch.ts that the marker document landed on that second server.
 * Without MONGODB_URI the harness's own server must be the one in use.
 */
import { afterAll, describe, expect, it } from 'bun:test';
import mongoose, { type Connection } from 'mongoose';
import { mongoUriFor } from '../../support/test-services';

const marker = process.env.MONGODB_URI_SWITCH_MARKER;
const givenUri = process.env.MONGODB_URI;

/** `host:port` pairs of a mongodb:// URI (default port 27017). */
function hostsOf(uri: string): string[] {
  const authority = /^mongodb(?:\+srv)?:\/\/(?:[^@/?]*@)?([^/?]*)/.exec(uri)?.[1] ?? '';
  return authority
    .split(',')
    .filter(Boolean)
    .map((host) => (/:\d+$/.test(host) ? host : `${host}:27017`).toLowerCase());
}

describe('MONGODB_URI switch', () => {
  const connections: Connection[] = [];
  const open = async (uri: string) => {
    const connection = await mongoose.createConnection(uri, { serverSelectionTimeoutMS: 10_000 }).asPromise();
    connections.push(connection);
    return connection;
  };

  afterAll(async () => {
    await Promise.all(connections.map((connection) => connection.close()));
  });

  if (marker) {
    it('writes the marker through the server named by MONGODB_URI', async () => {
      expect(givenUri, 'MONGODB_URI_SWITCH_MARKER is set but MONGODB_URI is not').toBeTruthy();
      expect(process.env.TEST_MONGODB_SOURCE).toBe('MONGODB_URI');
      const connection = await open(mongoUriFor('uri_switch_check'));
      expect(hostsOf(givenUri!)).toContain(`${connection.host}:${connection.port}`.toLowerCase());
      // The server itself says who it is (on SecantusDB `me` is exactly host:port of the URI).
      const hello = await connection.db!.admin().command({ hello: 1 });
      if (hello.me) expect(hostsOf(givenUri!)).toContain(String(hello.me).toLowerCase());
      await connection.db!.collection<{ _id: string }>('uri_switch').insertOne({ _id: marker });
    });
  } else if (givenUri) {
    it('tests use the server named by MONGODB_URI', async () => {
      expect(process.env.TEST_MONGODB_SOURCE).toBe('MONGODB_URI');
      const connection = await open(mongoUriFor('uri_switch_check'));
      expect(hostsOf(givenUri)).toContain(`${connection.host}:${connection.port}`.toLowerCase());
    });
  } else {
    it("without MONGODB_URI, tests use the harness's own SecantusDB", async () => {
      expect(process.env.TEST_MONGODB_SOURCE).toBe('harness');
      const harness = process.env.TEST_HARNESS_MONGODB_URI!;
      expect(harness).toMatch(/^mongodb:\/\/127\.0\.0\.1:\d+$/);
      expect(process.env.TEST_MONGODB_URI).toBe(harness);
      const connection = await open(mongoUriFor('uri_switch_check'));
      expect(`${connection.host}:${connection.port}`).toBe(hostsOf(harness)[0]!);
      expect(connection.name).toBe('uri_switch_check');
    });
  }
});
