#!/usr/bin/env node
// The one test command (`npm test`): lint, typecheck, the OpenAPI lint, unit tests, every API suite on SQLite and on
// PostgreSQL, and the browser journeys. Ends with a plain "N passed, N failed" line.
// Under CI=true (or REQUIRE_PG / REQUIRE_BROWSER) a missing PostgreSQL or Chromium fails the run;
// locally they are skipped with a loud message.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import path from 'node:path';
import pg from 'pg';

const ci = process.env.CI === 'true';
const requirePg = ci || process.env.REQUIRE_PG === 'true';
const requireBrowser = ci || process.env.REQUIRE_BROWSER === 'true';
const pgUrl = process.env.TEST_DATABASE_URL || 'postgres://postgres@127.0.0.1:5432/test';
const chromium = process.env.CHROMIUM_PATH || '/usr/bin/chromium';

let passed = 0;
let failed = 0;
let skipped = 0;

function step(name, cmd, args) {
  console.log(`\n▶ ${name}: ${cmd} ${args.join(' ')}`);
  const r = spawnSync(cmd, args, { stdio: 'inherit', env: process.env });
  if (r.status === 0) passed++;
  else {
    failed++;
    console.log(`✗ ${name} failed`);
  }
  return r.status === 0;
}

function loud(message) {
  const bar = '!'.repeat(78);
  console.log(`\n${bar}\n!! ${message}\n${bar}\n`);
}

async function postgresReachable() {
  const client = new pg.Client({ connectionString: pgUrl, connectionTimeoutMillis: 3000 });
  try {
    await client.connect();
    await client.query('select 1');
    // Leftover schemas from interrupted runs.
    const { rows } = await client.query("select nspname from pg_namespace where nspname like 't\\_%' and length(nspname) = 14");
    for (const r of rows) await client.query(`drop schema if exists ${r.nspname} cascade`);
    return true;
  } catch (err) {
    return err;
  } finally {
    await client.end().catch(() => {});
  }
}

const projects = ['unit', 'api-sqlite'];

step('lint', 'npx', ['biome', 'check', 'src', 'test', 'scripts']);
step('typecheck', 'npx', ['tsc', '--noEmit', '-p', 'tsconfig.json']);
// The served /api/openapi.json, linted with Redocly's recommended rules (offline): 0 errors.
step('openapi lint', 'npx', ['tsx', 'scripts/openapi-lint.ts', '--format=summary']);

const pgOk = await postgresReachable();
if (pgOk === true) projects.push('api-postgres');
else if (requirePg) {
  loud(`PostgreSQL is required here but unreachable at ${pgUrl}: ${pgOk.message}`);
  failed++;
} else {
  loud(`PostgreSQL unreachable at ${pgUrl} (${pgOk.message}). SKIPPING the PostgreSQL run of every API suite.`);
  skipped++;
}

const journeys = [];
if (existsSync(chromium)) {
  if (step('build web', 'npx', ['vite', 'build', '--logLevel', 'warn'])) journeys.push('e2e');
} else if (requireBrowser) {
  loud(`Chromium is required here but missing at ${chromium}. Install Debian's chromium (see .ci/run).`);
  failed++;
} else {
  loud(`Chromium not found at ${chromium}. SKIPPING the browser journeys.`);
  skipped++;
}

const out = path.resolve('test-results');
mkdirSync(out, { recursive: true });

/** One vitest run over some projects; its JSON report is added to the totals. */
function vitest(name, list) {
  const report = path.join(out, `vitest-${name}.json`);
  rmSync(report, { force: true });
  const args = ['vitest', 'run', ...list.flatMap((p) => ['--project', p]), '--reporter=default', '--reporter=json', `--outputFile.json=${report}`];
  console.log(`\n▶ ${name}: npx ${args.join(' ')}`);
  const run = spawnSync('npx', args, { stdio: 'inherit', env: process.env });
  const before = failed;
  if (existsSync(report)) {
    const r = JSON.parse(readFileSync(report, 'utf8'));
    passed += r.numPassedTests;
    failed += r.numFailedTests;
    skipped += r.numPendingTests + (r.numTodoTests ?? 0);
    // A suite that crashed before its tests ran counts as a failure too.
    failed += r.testResults.filter((f) => f.status === 'failed' && f.assertionResults.length === 0).length;
  } else {
    failed++;
  }
  if (run.status !== 0 && failed === before) failed++;
}

// The browser journeys run after the API suites rather than beside them: they still pass on a busy
// machine (they wait for what a person waits for), but a gate that does not load the machine with
// two PostgreSQL suites while a browser renders says sooner and more clearly what broke.
vitest('tests', projects);
if (journeys.length) vitest('journeys', journeys);
// test:reliability at reduced counts (kill -9 trials, a frozen database, a full disk, the xlsx bomb; real server
// processes): a few minutes on a loaded 2-core machine. RELIABILITY=false skips it when the gate runs long.
if (process.env.RELIABILITY !== 'false') vitest('reliability', ['reliability']);

console.log(`\n${passed} passed, ${failed} failed, ${skipped} skipped`);
process.exit(failed === 0 ? 0 : 1);
