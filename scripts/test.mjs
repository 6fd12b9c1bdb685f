#!/usr/bin/env node
// The one test command (`npm test`): lint, typecheck, the OpenAPI lint, unit tests, every API suite on SQLite and on
// PostgreSQL, the browser journeys and the reliability suite. Ends with a plain "N passed, N failed" line.
// Under CI=true (or REQUIRE_PG / REQUIRE_BROWSER) a missing PostgreSQL or Chromium fails the run;
// locally they are skipped with a loud message.
//
// The gate has to finish in 30 minutes on a 2-core machine. Each phase keeps both cores busy by itself: the four checks
// (lint, typecheck, OpenAPI lint, web build) side by side, then the unit and API suites two files at a time, then the
// journeys two files at a time, then reliability alone. Each step's output is also kept in test-results/<step>.log.
import { spawn } from 'node:child_process';
import { createWriteStream, existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import path from 'node:path';
import pg from 'pg';

const ci = process.env.CI === 'true';
const requirePg = ci || process.env.REQUIRE_PG === 'true';
const requireBrowser = ci || process.env.REQUIRE_BROWSER === 'true';
const pgUrl = process.env.TEST_DATABASE_URL || 'postgres://postgres@127.0.0.1:5432/test';
const chromium = process.env.CHROMIUM_PATH || '/usr/bin/chromium';
const out = path.resolve('test-results');
mkdirSync(out, { recursive: true });

let passed = 0;
let failed = 0;
let skipped = 0;

/**
 * Runs a command with its output in test-results/<name>.log and resolves with its exit status. A `live` run is also
 * printed as it goes (the long API run, so a watcher sees progress); the others are printed whole when they end.
 */
function run(name, cmd, args, { live = false } = {}) {
  const logFile = path.join(out, `${name.replace(/\W+/g, '-')}.log`);
  const started = Date.now();
  return new Promise((resolve) => {
    const log = createWriteStream(logFile);
    log.write(`▶ ${name}: ${cmd} ${args.join(' ')}\n`);
    if (live) process.stdout.write(`\n▶ ${name}: ${cmd} ${args.join(' ')}\n`);
    const child = spawn(cmd, args, { stdio: ['ignore', 'pipe', 'pipe'], env: process.env });
    for (const stream of [child.stdout, child.stderr]) {
      stream.pipe(log, { end: false });
      if (live) stream.on('data', (chunk) => process.stdout.write(chunk));
    }
    child.on('close', (status) => {
      const end = `\n◀ ${name}: exit ${status} after ${Math.round((Date.now() - started) / 1000)} s\n`;
      log.end(end, () => {
        process.stdout.write(live ? end : `\n${readFileSync(logFile, 'utf8')}`);
        resolve(status ?? 1);
      });
    });
  });
}

async function step(name, cmd, args) {
  const status = await run(name, cmd, args);
  if (status === 0) passed++;
  else {
    failed++;
    console.log(`✗ ${name} failed`);
  }
  return status === 0;
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

const haveBrowser = existsSync(chromium);

/** The API suites: unit, then SQLite, and PostgreSQL when it answers (required under CI). */
async function apiSuites() {
  const projects = ['unit', 'api-sqlite', 'api-sqlite-isolated'];
  const pgOk = await postgresReachable();
  if (pgOk === true) projects.push('api-postgres', 'api-postgres-isolated');
  else if (requirePg) {
    loud(`PostgreSQL is required here but unreachable at ${pgUrl}: ${pgOk.message}`);
    failed++;
  } else {
    loud(`PostgreSQL unreachable at ${pgUrl} (${pgOk.message}). SKIPPING the PostgreSQL run of every API suite.`);
    skipped++;
  }
  await vitest('tests', projects, { live: true });
}

/** The browser journeys over the web build (Chromium required under CI). */
async function journeys(built) {
  if (!haveBrowser) {
    if (requireBrowser) {
      loud(`Chromium is required here but missing at ${chromium}. Install Debian's chromium (see .ci/run).`);
      failed++;
    } else {
      loud(`Chromium not found at ${chromium}. SKIPPING the browser journeys.`);
      skipped++;
    }
    return;
  }
  if (built) await vitest('journeys', ['e2e'], { live: true });
}

/** One vitest run over some projects; its JSON report is added to the totals. */
async function vitest(name, list, opts) {
  const report = path.join(out, `vitest-${name}.json`);
  rmSync(report, { force: true });
  const args = ['vitest', 'run', ...list.flatMap((p) => ['--project', p]), '--reporter=default', '--reporter=json', `--outputFile.json=${report}`];
  const status = await run(name, 'npx', args, opts);
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
  if (status !== 0 && failed === before) failed++;
}

// Four phases, one after another, each using both cores on its own: the checks and the web build side by side, the
// unit and API suites (two files at a time), the browser journeys (two files at a time), then reliability. Run all at
// once, the phases fought for the two cores — the databases and the browsers are not niced — and the gate took 36
// minutes; one after another they take about 20 on the same machine.
const checks = await Promise.all([
  step('lint', 'npx', ['biome', 'check', 'src', 'test', 'bench', 'scripts']),
  step('typecheck', 'npx', ['tsc', '--noEmit', '-p', 'tsconfig.json']),
  // The served /api/openapi.json, linted with Redocly's recommended rules (offline): 0 errors.
  step('openapi lint', 'npx', ['tsx', 'scripts/openapi-lint.ts', '--format=summary']),
  haveBrowser ? step('build web', 'npx', ['vite', 'build', '--logLevel', 'warn']) : Promise.resolve(true),
]);
await apiSuites();
await journeys(checks[3]);
// test:reliability at reduced counts (kill -9 trials, a frozen database, a full disk, the xlsx bomb; real server
// processes), alone on the machine: its figures mean more that way. RELIABILITY=false skips it.
if (process.env.RELIABILITY !== 'false') await vitest('reliability', ['reliability']);

console.log(`\n${passed} passed, ${failed} failed, ${skipped} skipped`);
process.exit(failed === 0 ? 0 : 1);
