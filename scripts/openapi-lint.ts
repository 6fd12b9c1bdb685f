// Fetches /api/openapi.json from the app (in-process, no port), writes it to a temp file and lints
// it with Redocly's recommended rules (redocly.yaml). No network: telemetry and update checks off.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { makeTestApp } from '../test/support/app';

const t = await makeTestApp({ seed: false });
let status = 1;
try {
  const res = await t.app.inject({ method: 'GET', url: '/api/openapi.json' });
  if (res.statusCode !== 200) throw new Error(`/api/openapi.json answered ${res.statusCode}`);
  const file = path.join(mkdtempSync(path.join(os.tmpdir(), 'shijian-openapi-')), 'openapi.json');
  writeFileSync(file, res.body);
  console.log(`openapi document: ${file}`);
  const bin = path.resolve('node_modules/.bin/redocly');
  const r = spawnSync(bin, ['lint', file, '--config', path.resolve('redocly.yaml'), ...process.argv.slice(2)], {
    stdio: 'inherit',
    env: { ...process.env, REDOCLY_TELEMETRY: 'off', REDOCLY_SUPPRESS_UPDATE_NOTICE: 'true', NO_UPDATE_NOTIFIER: '1' },
  });
  status = r.status ?? 1;
} finally {
  await t.close();
}
process.exit(status);
