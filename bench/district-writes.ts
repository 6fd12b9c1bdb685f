/**
 * The hot writes at district scale (issue 13): volunteers signing up for activities and checking in
 * at them, on a district made by `bench/district.ts`, through the real server over HTTP on loopback
 * (bench/district-server.ts: the app in a child process, the durable-INSERT reference beside it).
 *
 * Before the run, on one street (Ma'an, the demo's), as the platform itself would have them:
 * - N certified volunteers of the street that have no login yet get one (`createLogin`, the
 *   volunteer registration's writer; one password hash for all, as the demo seed does), and each
 *   is then logged in once through the API (cookie and CSRF token);
 * - SIGNUP_ACTIVITIES published activities of the street, two days ahead, open for sign-up, with
 *   room for all N: every sign-up request is a distinct (volunteer, activity) pair, a real write;
 * - one published activity with 20 of its 100 places left (80 other volunteers signed up), for the
 *   100 volunteers who race for them;
 * - 10 activities in progress now (started 10 minutes ago: check-in runs on the real clock) with
 *   every one of the N volunteers signed up and confirmed, and the street's rule
 *   `checkins.maxPairsPerDay` at its maximum, 10 — so each volunteer may check in at all ten today.
 * Each run takes volunteers without a login, so runs on the same day never meet a used pair.
 *
 * Then, each case after the server has drained the previous one:
 * 1. the durable INSERT reference at 100 connections;
 * 2. sign-up (POST /api/activities/:id/signups): 30 one at a time, then 100 connections for
 *    BENCH_SECONDS, each request a fresh pair (autocannon's `setupRequest` turns the cookie, the
 *    CSRF token and the activity per request);
 * 3. the race: 100 volunteers at once for the last 20 places (201 vs 409), then the database is
 *    read: exactly 20 more taken, and no more than the headcount;
 * 4. check-in (POST /api/activities/:id/checkins with the activity's 6-digit code), the same way.
 * After each, the rows written are counted against the 2xx answers, and the server process reports
 * its own CPU time and the app's statements over IPC (the harness measures them, no product route);
 * on PostgreSQL running on this machine, its backends' CPU time is read from /proc too.
 *
 * Run: DATA_DIR=.bench/district npx tsx bench/district-writes.ts
 *      DATABASE_URL=postgres://postgres@127.0.0.1:5432/shijian_district DATA_DIR=.bench/district-pg npx tsx bench/district-writes.ts
 * BENCH_SECONDS (default 10) per case at 100 connections; BENCH_VOLUNTEERS (default 500) logged in;
 * BENCH_SIGNUP_ACTIVITIES (default 40). The writes stay in the database (the district is a bench copy).
 * BENCH_STATEMENTS=1 lists each case's statements; BENCH_PROFILE=1 runs the V8 profiler in the server
 * during each case and sums its samples by package and file (slower: not for the table).
 */
import { randomInt, randomUUID } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import autocannon from 'autocannon';
import { sql } from 'kysely';
import type { ActivitiesTable, PositionsTable, SignupsTable } from '../src/server/db/schema';
import { DEMO_PASSWORD } from '../src/server/db/seed/maan';
import { createLogin } from '../src/server/features/accounts/accounts.logins';
import { insertActivity, insertPositions } from '../src/server/features/activities/activities.queries';
import { upsertRule } from '../src/server/features/settings/settings.queries';
import { hashPassword } from '../src/server/platform/crypto';
import { openDb } from '../src/server/platform/db';
import { markRulesChanged } from '../src/server/platform/scope';
import { dataDir, drained, login, type ProfileShare, pgUrl, startDistrictServer, type Usage } from './district-server';

const seconds = Number(process.env.BENCH_SECONDS ?? 10);
const volunteers = Number(process.env.BENCH_VOLUNTEERS ?? 500);
const signupActivities = Number(process.env.BENCH_SIGNUP_ACTIVITIES ?? 40);
const CONNECTIONS = 100;
/** The most check-ins a volunteer may make in a day (`checkins.maxPairsPerDay` at its maximum): one at each. */
const CHECKIN_ACTIVITIES = 10;
const RACE = { headcount: 100, taken: 80 };
const ALONE = 30;
/** BENCH_PROFILE=1: the V8 profiler runs in the server during each case (slower: for where the time goes, not for the table). */
const profiling = Boolean(process.env.BENCH_PROFILE);

if (!pgUrl && !existsSync(path.join(dataDir, 'shijian.sqlite'))) throw new Error(`no district at ${dataDir} (make one with bench/district.ts)`);

// ---------------------------------------------------------------- the street, its volunteers and activities

const handle = openDb({ databaseUrl: pgUrl ?? null, dataDir });
const db = handle.db;
const started = new Date();
const at = started.toISOString();
const iso = (ms: number) => new Date(ms).toISOString();
const HOUR = 3_600_000;
const run = started.getTime().toString(36);

const admin = await db
  .selectFrom('accounts')
  .innerJoin('role_grants', 'role_grants.account_id', 'accounts.id')
  .where('accounts.username', '=', 'admin')
  .where('role_grants.role', '=', 'institute_admin')
  .select(['accounts.id as accountId', 'role_grants.unit_id as instituteId'])
  .executeTakeFirstOrThrow();
const fresh = await db
  .selectFrom('volunteers')
  .innerJoin('units', 'units.id', 'volunteers.station_id')
  .innerJoin('people', 'people.id', 'volunteers.person_id')
  .where('units.parent_id', '=', admin.instituteId)
  .where('volunteers.status', '=', 'certified')
  .where((eb) => eb.not(eb.exists(eb.selectFrom('accounts').select('accounts.id').whereRef('accounts.person_id', '=', 'volunteers.person_id'))))
  .select(['volunteers.id', 'volunteers.person_id', 'volunteers.station_id', 'people.name'])
  .orderBy('volunteers.id')
  .limit(volunteers + RACE.taken)
  .execute();
if (fresh.length < volunteers + RACE.taken) throw new Error(`only ${fresh.length} certified volunteers of the street without a login are left`);
const signers = fresh.slice(0, volunteers);
const earlier = fresh.slice(volunteers);

function activity(title: string, startsMs: number, status: ActivitiesTable['status']): ActivitiesTable {
  return {
    id: randomUUID(),
    unit_id: admin.instituteId,
    series_id: null,
    programme_id: null,
    type: 'service',
    title,
    content: '压测活动',
    venue_id: null,
    room_id: null,
    address: null,
    lng: null,
    lat: null,
    geofence_m: null,
    starts_at: iso(startsMs),
    ends_at: iso(startsMs + 2 * HOUR),
    credit_minutes: 120,
    min_age: null,
    max_age: null,
    required_skills: '[]',
    insurance_required: 0,
    signup_opens_at: iso(Math.min(startsMs, started.getTime()) - 24 * HOUR),
    signup_closes_at: iso(startsMs - HOUR),
    cancel_cutoff_at: iso(startsMs - 2 * HOUR),
    needs_approval: 0,
    waitlist: 0,
    contact_name: null,
    contact_phone: null,
    status,
    status_reason: null,
    checkin_code: String(randomInt(0, 1_000_000)).padStart(6, '0'),
    created_by: admin.accountId,
    reminded_at: null,
    hours_written_at: null,
    created_at: at,
    updated_at: at,
  };
}
const position = (activityId: string, headcount: number, taken: number): PositionsTable => ({
  id: randomUUID(),
  activity_id: activityId,
  name: '志愿者',
  headcount,
  taken,
  sort: 0,
});
const confirmed = (a: ActivitiesTable, p: PositionsTable, volunteerId: string): SignupsTable => ({
  id: randomUUID(),
  activity_id: a.id,
  position_id: p.id,
  volunteer_id: volunteerId,
  status: 'confirmed',
  waitlist_seq: null,
  channel: 'self',
  by_account: null,
  reason: null,
  reminded_at: null,
  created_at: at,
  updated_at: at,
});

const twoDaysOn = started.getTime() + 48 * HOUR;
const forSignup = Array.from({ length: signupActivities }, (_, i) => activity(`压测报名活动 ${i + 1}`, twoDaysOn + (i % 6) * HOUR, 'published'));
const raced = activity('压测抢报活动（剩 20 个名额）', twoDaysOn, 'published');
const forCheckin = Array.from({ length: CHECKIN_ACTIVITIES }, (_, i) => activity(`压测签到活动 ${i + 1}`, started.getTime() - 10 * 60_000, 'in_progress'));
const positions = new Map<string, PositionsTable>([
  ...forSignup.map((a) => [a.id, position(a.id, volunteers + 10, 0)] as const),
  [raced.id, position(raced.id, RACE.headcount, RACE.taken)],
  ...forCheckin.map((a) => [a.id, position(a.id, volunteers, volunteers)] as const),
]);
const signupRows = [
  ...earlier.map((v) => confirmed(raced, positions.get(raced.id) as PositionsTable, v.id)),
  ...forCheckin.flatMap((a) => signers.map((v) => confirmed(a, positions.get(a.id) as PositionsTable, v.id))),
];

let t0 = performance.now();
const hash = await hashPassword(DEMO_PASSWORD);
const usernames = signers.map((_, i) => `bench-${run}-${i + 1}`);
await db.transaction().execute(async (trx) => {
  for (const [i, v] of signers.entries())
    await createLogin(trx, { personId: v.person_id, username: usernames[i], displayName: v.name, passwordHash: hash, stationId: v.station_id, now: at });
  for (const a of [...forSignup, raced, ...forCheckin]) await insertActivity(trx, a);
  await insertPositions(trx, [...positions.values()]);
  for (let i = 0; i < signupRows.length; i += 500)
    await trx
      .insertInto('signups')
      .values(signupRows.slice(i, i + 500))
      .execute();
  await upsertRule(trx, { unit_id: admin.instituteId, key: 'checkins.maxPairsPerDay', value: '10', updated_at: at, updated_by: admin.accountId });
  await markRulesChanged(trx);
});
const setupSeconds = ((performance.now() - t0) / 1000).toFixed(1);

// ---------------------------------------------------------------- the server and the sessions

const server = await startDistrictServer();
const { base, refBase, sizes } = server;
t0 = performance.now();
const sessions: { cookie: string; csrf: string }[] = new Array(volunteers);
{
  let nextLogin = 0;
  // Four at a time: the password check (scrypt) runs on libuv's four threads.
  await Promise.all(
    Array.from({ length: 4 }, async () => {
      for (let i = nextLogin++; i < volunteers; i = nextLogin++) sessions[i] = await login(base, usernames[i]);
    }),
  );
}
const loginSeconds = ((performance.now() - t0) / 1000).toFixed(1);
const staff = await login(base, 'admin');

const load = () =>
  os
    .loadavg()
    .map((l) => l.toFixed(1))
    .join(' ');
console.log(
  `${pgUrl ? 'PostgreSQL' : 'SQLite'} district: ${sizes.stations} stations, ${sizes.volunteers} volunteers, ${sizes.activities} activities, ${sizes.records} hour records, ${sizes.orders} orders. ${os.cpus().length} cores, load ${load()} at the start.`,
);
console.log(
  `Set up in ${setupSeconds} s: ${volunteers} logins, ${forSignup.length + 1 + forCheckin.length} activities, ${signupRows.length} confirmed sign-ups; ${volunteers} volunteers logged in through the API in ${loginSeconds} s.`,
);

// ---------------------------------------------------------------- the cases

type Pair = { v: number; a: number };
/** Every (volunteer, activity) pair once, shuffled, so concurrent requests spread over the activities. */
function pairs(activities: number): Pair[] {
  const all: Pair[] = [];
  for (let v = 0; v < volunteers; v++) for (let a = 0; a < activities; a++) all.push({ v, a });
  for (let i = all.length - 1; i > 0; i--) {
    const j = randomInt(0, i + 1);
    [all[i], all[j]] = [all[j], all[i]];
  }
  return all;
}
interface Write {
  path: (p: Pair) => string;
  body: (p: Pair) => string;
}
const signUp: Write = { path: (p) => `/api/activities/${forSignup[p.a].id}/signups`, body: () => '{}' };
const race: Write = { path: () => `/api/activities/${raced.id}/signups`, body: () => '{}' };
const checkIn: Write = {
  path: (p) => `/api/activities/${forCheckin[p.a].id}/checkins`,
  body: (p) => JSON.stringify({ code: forCheckin[p.a].checkin_code }),
};
const headersOf = (p: Pair) => ({ cookie: sessions[p.v].cookie, 'x-csrf-token': sessions[p.v].csrf, 'content-type': 'application/json' });

/** One request at a time (what a person waits for on an idle server); the first three warm up. */
async function alone(w: Write, pool: Pair[], from: number): Promise<{ p50: number; p95: number; bad: number }> {
  const ms: number[] = [];
  let bad = 0;
  for (let i = 0; i < ALONE + 3; i++) {
    const p = pool[from + i];
    const t = performance.now();
    const res = await fetch(`${base}${w.path(p)}`, { method: 'POST', headers: headersOf(p), body: w.body(p) });
    await res.arrayBuffer();
    if (res.status >= 300) bad++;
    if (i >= 3) ms.push(performance.now() - t);
  }
  ms.sort((a, b) => a - b);
  const pct = (q: number) => Math.round(ms[Math.min(ms.length - 1, Math.floor(q * ms.length))]);
  return { p50: pct(0.5), p95: pct(0.95), bad };
}

interface Measured {
  result: autocannon.Result;
  used: Usage;
  sent: number;
  /** With BENCH_PROFILE: where the server's main thread spent the case. */
  shares: ProfileShare[];
  /** PostgreSQL on this machine: its backends' CPU over the case (NaN otherwise). */
  pgCpuMs: number;
}

/**
 * PostgreSQL on this machine only: the CPU time (ms) of each backend connected to the district's
 * database, from /proc (USER_HZ = 100 on Linux). The server's pool keeps its connections through a
 * case, so the difference over the case is the database's work for it (fsync waits are not CPU).
 */
async function backendCpu(): Promise<Map<number, number>> {
  const out = new Map<number, number>();
  if (!pgUrl) return out;
  const { rows } = await sql<{ pid: number }>`select pid from pg_stat_activity where datname = current_database() and pid <> pg_backend_pid()`.execute(db);
  for (const { pid } of rows) {
    try {
      const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
      const f = stat.slice(stat.lastIndexOf(')') + 2).split(' '); // f[0] is field 3 (state): utime is field 14, stime 15
      out.set(Number(pid), (Number(f[11]) + Number(f[12])) * 10);
    } catch {
      // Not on this machine, or gone since.
    }
  }
  return out;
}
/** CONNECTIONS connections (for `seconds`, or `amount` requests in all), each request the pool's next pair; with the server's CPU and statements over the case. */
async function loaded(opts: { url: string; w?: Write; pool?: Pair[]; from?: number; amount?: number }): Promise<Measured> {
  let next = opts.from ?? 0;
  const { w, pool } = opts;
  const before = await server.usage();
  const pgBefore = await backendCpu();
  if (profiling) await server.profile(true);
  const result = await autocannon({
    url: opts.url,
    method: 'POST',
    connections: CONNECTIONS,
    timeout: 30,
    ...(opts.amount ? { amount: opts.amount } : { duration: seconds }),
    ...(w && pool
      ? {
          requests: [
            {
              setupRequest: (req: autocannon.Request) => {
                const p = pool[next++ % pool.length];
                return { ...req, method: 'POST' as const, path: w.path(p), headers: headersOf(p), body: w.body(p) };
              },
            },
          ],
        }
      : {}),
  });
  await drained(base, staff.cookie);
  const shares = profiling ? await server.profile(false) : [];
  const after = await server.usage();
  const pgAfter = await backendCpu();
  let pgCpuMs = pgAfter.size ? 0 : Number.NaN;
  for (const [pid, ms] of pgAfter) pgCpuMs += ms - (pgBefore.get(pid) ?? 0);
  const bySql: Record<string, number> = {};
  for (const [q, n] of Object.entries(after.bySql)) if (n > (before.bySql[q] ?? 0)) bySql[q] = n - (before.bySql[q] ?? 0);
  return {
    result,
    used: { cpuMs: after.cpuMs - before.cpuMs, statements: after.statements - before.statements, bySql, stallMs: after.stallMs },
    sent: next - (opts.from ?? 0),
    shares,
    pgCpuMs,
  };
}

let durable = 0;
const notes: string[] = [];
/** One row of the table. CPU and statements are per request `served`: answered, or written while its connection was being closed at the end. */
function report(name: string, m: Measured, served: number, one?: { p50: number; p95: number; bad: number }, rate = true): void {
  const r = m.result;
  const ok = r['2xx'];
  const perSecond = ok / r.duration;
  if (!durable) durable = perSecond;
  const codes = Object.entries(r.statusCodeStats ?? {})
    .filter(([code]) => !code.startsWith('2'))
    .map(([code, s]) => `${code}: ${s.count}`);
  if (r.errors) codes.push(`errors: ${r.errors}`);
  console.log(
    `| ${name} | ${one ? `${one.p50} / ${one.p95}` : '—'} | ${r.latency.p50} / ${r.latency.p99} | ${rate ? Math.round(perSecond) : '—'} | ${rate ? `${((100 * perSecond) / durable).toFixed(1)} %` : '—'} | ${ok} / ${r.non2xx + r.errors + (one?.bad ?? 0)}${codes.length ? ` (${codes.join(', ')})` : ''} | ${(m.used.cpuMs / served).toFixed(2)} | ${Number.isNaN(m.pgCpuMs) ? '—' : (m.pgCpuMs / served).toFixed(2)} | ${(m.used.statements / served).toFixed(1)} | ${m.used.stallMs} | ${load()} |`,
  );
  if (m.shares.length) {
    const total = m.shares.reduce((t, x) => t + x.ms, 0);
    notes.push(
      `Where the server's main thread spent "${name}" (V8 profiler, ${total} ms sampled, ${(total / served).toFixed(2)} ms a request):\n${m.shares
        .slice(0, 16)
        .map((x) => `  ${((100 * x.ms) / total).toFixed(1).padStart(5)} %  ${x.where}`)
        .join('\n')}`,
    );
  }
  if (process.env.BENCH_STATEMENTS) {
    const top = Object.entries(m.used.bySql)
      .sort((a, b) => b[1] - a[1])
      .slice(0, 20);
    notes.push(
      `Statements of "${name}" a request:\n${top.map(([q, n]) => `  ${(n / served).toFixed(2)}  ${q.replace(/\s+/g, ' ').slice(0, 220)}`).join('\n')}`,
    );
  }
}

/** Confirmed sign-ups or check-ins of these activities in the database. */
async function count(table: 'signups' | 'checkins', activityIds: string[]): Promise<number> {
  let n = 0;
  for (let i = 0; i < activityIds.length; i += 100) {
    const q = db.selectFrom(table).where('activity_id', 'in', activityIds.slice(i, i + 100));
    const row = await (table === 'signups' ? q.where('status', '=', 'confirmed') : q).select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow();
    n += Number(row.n);
  }
  return n;
}

/**
 * Every request the load sent is a fresh pair, so each answered 2xx must have written one row, and no
 * more rows than requests sent may exist: those in flight when autocannon's clock stopped (it closes
 * their connections without waiting) were written or dropped, not half done. Returns the requests the
 * server served: rows written by the load, and the refusals.
 */
function checkRows(name: string, written: number, alone: { bad: number }, m: Measured, pool: Pair[]): number {
  const r = m.result;
  const inFlight = r.requests.sent - r['2xx'] - r.non2xx;
  const byLoad = written - (ALONE + 3 - alone.bad);
  const ok = byLoad >= r['2xx'] && byLoad <= r['2xx'] + inFlight && m.sent <= pool.length;
  notes.push(
    `${name}: ${r.requests.sent} requests at ${CONNECTIONS} connections (${m.sent} of the ${pool.length} pairs), ${r['2xx']} answered 2xx, ${r.non2xx} other, ${inFlight} in flight when the clock stopped; ${byLoad} rows written by them${ok ? `: every 2xx has its row, and ${byLoad - r['2xx']} of those in flight were written` : ' — MISMATCH'}.`,
  );
  if (!ok) process.exitCode = 1;
  return byLoad + r.non2xx;
}

console.log(
  `\n| request | alone p50 / p95 ms | ${CONNECTIONS} conn p50 / p99 ms | writes/s | % of durable | 2xx / non-2xx | server CPU ms a request | PostgreSQL CPU ms a request | statements a request | longest event-loop turn ms | load 1/5/15 min |\n|---|---|---|---|---|---|---|---|---|---|---|`,
);
{
  const m = await loaded({ url: `${refBase}/durable` });
  report('durable SQLite INSERT (reference)', m, m.result.requests.sent);
}

const signupPool = pairs(forSignup.length);
const signupAlone = await alone(signUp, signupPool, 0);
const signupRun = await loaded({ url: base, w: signUp, pool: signupPool, from: ALONE + 3 });
report(
  'sign-up, distinct (volunteer, activity)',
  signupRun,
  checkRows(
    'Sign-up',
    await count(
      'signups',
      forSignup.map((a) => a.id),
    ),
    signupAlone,
    signupRun,
    signupPool,
  ),
  signupAlone,
);

const raceRun = await loaded({ url: base, w: race, pool: signers.slice(0, CONNECTIONS).map((_, v) => ({ v, a: 0 })), amount: CONNECTIONS });
report(`race: ${CONNECTIONS} volunteers for the last ${RACE.headcount - RACE.taken} places`, raceRun, CONNECTIONS, undefined, false);
const place = await db.selectFrom('positions').select(['taken', 'headcount']).where('activity_id', '=', raced.id).executeTakeFirstOrThrow();
const raceConfirmed = await count('signups', [raced.id]);
const capacityHeld = Number(place.taken) === RACE.headcount && raceConfirmed === RACE.headcount && raceRun.result['2xx'] === RACE.headcount - RACE.taken;
notes.push(
  `Race: ${raceRun.result['2xx']} answered 201 and ${raceRun.result.non2xx} refused; afterwards ${place.taken} of ${place.headcount} places taken and ${raceConfirmed} confirmed sign-ups (${RACE.taken} before): capacity ${capacityHeld ? 'held' : 'NOT HELD'}.`,
);

const checkinPool = pairs(forCheckin.length);
const checkinAlone = await alone(checkIn, checkinPool, 0);
const checkinRun = await loaded({ url: base, w: checkIn, pool: checkinPool, from: ALONE + 3 });
report(
  'check-in with the code, distinct (volunteer, activity)',
  checkinRun,
  checkRows(
    'Check-in',
    await count(
      'checkins',
      forCheckin.map((a) => a.id),
    ),
    checkinAlone,
    checkinRun,
    checkinPool,
  ),
  checkinAlone,
);

const peakRss = await server.stop();
await handle.close();
console.log(`\n${notes.join('\n\n')}`);
console.log(
  `\nServer CPU (process.cpuUsage: the whole process, background work such as the audit sequencer included) and statements (the requests' own, through Kysely) are the child's, from the start of each case until it drained, per request served; PostgreSQL's, when it runs on this machine, are its backends' on the district's database (/proc). Peak RSS of the server process: ${Math.round(peakRss / 1048576)} MB.`,
);
if (!capacityHeld) process.exitCode = 1;
if (process.exitCode) console.log('\nA check failed: see above.');
