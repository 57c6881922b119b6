import { afterAll, describe, expect, it } from 'bun:test';
import mongoose from 'mongoose';
import { spawnApp, stopApp, waitForReady, type AppProcess } from '../../support/app-process';
import { dropTestState, testEnvironment } from '../../support/test-app';

describe('start-up from several processes at once (DESIGN.md D2)', () => {
  const env = testEnvironment({ ROLE: 'all', LOG_LEVEL: 'warn' });
  const apps: AppProcess[] = [];

  afterAll(async () => {
    await Promise.all(apps.map((app) => stopApp(app)));
    await dropTestState({ MONGODB_URI: env.MONGODB_URI!, REDIS_URL: env.REDIS_URL!, REDIS_KEY_PREFIX: env.REDIS_KEY_PREFIX! });
  });

  it('three processes on one empty database all reach ready, and exactly one DEFAULT center exists', async () => {
    apps.push(...(await Promise.all([spawnApp(env), spawnApp(env), spawnApp(env)])));
    await Promise.all(apps.map((app) => waitForReady(app)));

    const connection = await mongoose.createConnection(env.MONGODB_URI!).asPromise();
    try {
      const centers = await connection.db!.collection('fulfillment_centers').find({ code: 'DEFAULT' }).toArray();
      expect(centers).toHaveLength(1);
      const audits = await connection.db!.collection('audit_entries').countDocuments({ type: 'fulfillment_center.created' });
      expect(audits).toBe(1);
    } finally {
      await connection.close();
    }
  });

  it('each process exits 0 on SIGTERM', async () => {
    const codes = await Promise.all(apps.map((app) => stopApp(app)));
    expect(codes).toEqual([0, 0, 0]);
  });
});
