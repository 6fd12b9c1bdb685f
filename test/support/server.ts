import { mkdtempSync, rmSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { buildApp } from '../../src/server/app';
import { seedDemo } from '../../src/server/db/seed/maan';
import { type Clock, systemClock } from '../../src/server/platform/clock';
import { loadConfig } from '../../src/server/platform/config';
import { migrateToLatest, openDb } from '../../src/server/platform/db';

/**
 * The real server over HTTP for browser journeys: a fresh SQLite database with the Ma'an demo,
 * serving the built web app from dist/web (the test command builds it first).
 */
export async function startTestServer(opts: { clock?: Clock } = {}): Promise<{ url: string; close(): Promise<void> }> {
  const clock = opts.clock ?? systemClock;
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'shijian-e2e-'));
  // Journeys check what a person sees, not speed: on a loaded machine nothing is shed for waiting.
  const config = loadConfig({ NODE_ENV: 'test', DATA_DIR: dataDir, WEB_DIR: path.resolve('dist/web') }, { admission: { active: 10, maxWaitMs: 600_000 } });
  const handle = openDb({ databaseUrl: null, dataDir });
  await migrateToLatest(handle.db);
  await seedDemo({ db: handle.db, config }, clock.now());
  const app = await buildApp({ db: handle.db, dialect: handle.dialect, config, clock }, { logger: false });
  await app.listen({ port: 0, host: '127.0.0.1' });
  const { port } = app.server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    async close() {
      await app.close();
      await handle.close();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
