/**
 * A whole district for the benchmarks (issue 13): 27 streets × 20 stations, 250 000 volunteers,
 * 60 000 activities a year for three years (with their positions and sign-ups), 5 000 000 service
 * hour records (with the scope rows and running totals the ledger writes beside them) and 100 000
 * orders — at BENCH_SCALE 1. Written once into a database that `main.ts start` and
 * `bench/district-load.ts` then use.
 *
 * Well-formed by construction: the schema is the app's migrations; the first street is the Ma'an
 * demo, seeded by the platform's own `seedDemo` (accounts, rules, every module); every generated
 * row starts as a copy of a row the platform itself wrote there (so every column is filled the way
 * the product fills it), with its identity, unit, dates and status changed; ID numbers are sealed
 * with the platform's `encrypt` and `hmacHex`; order numbers continue the platform's counters. At
 * the end the platform's `verifyTotals` checks every running total against the ledger, and the
 * figures are printed. Audit rows are not generated (the chain verifies as the demo left it).
 *
 * The bulk rows go straight to the database (better-sqlite3 prepared statements; PostgreSQL
 * `INSERT … SELECT FROM unnest(…)`), secondary indexes dropped during the load and rebuilt after:
 * the platform's one-row-at-a-time writers would take days for 5 million records.
 *
 * Run: npx tsx bench/district.ts                         (SQLite in DATA_DIR, default .bench/district)
 *      DATABASE_URL=postgres://postgres@127.0.0.1:5432/shijian_district npx tsx bench/district.ts
 * BENCH_SCALE (default 1) scales volunteers, activities, records and orders (streets: at least 2).
 * The target is emptied first (SQLite: the file is removed; PostgreSQL: the database is recreated).
 */
import { randomInt, randomUUID } from 'node:crypto';
import { existsSync, mkdirSync, rmSync } from 'node:fs';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import Database from 'better-sqlite3';
import pg from 'pg';
import { seedDemo } from '../src/server/db/seed/maan';
import { verifyTotals } from '../src/server/features/hours/hours.totals';
import { loadConfig } from '../src/server/platform/config';
import { encrypt, hmacHex } from '../src/server/platform/crypto';
import { migrateToLatest, openDb } from '../src/server/platform/db';
import { VERSION_COUNTERS } from '../src/server/platform/scope.queries';
import { maskIdNumber } from '../src/shared/mask';
import { birthDateFromId, genderFromId, makeIdNumber } from '../src/shared/rules/id-number';

const scale = Number(process.env.BENCH_SCALE ?? 1);
const STREETS = Math.max(2, Math.round(27 * scale));
const STATIONS_PER_STREET = 20;
const VOLUNTEERS = Math.round(250_000 * scale);
const ACTIVITIES = Math.round(180_000 * scale);
const RECORDS = Math.round(5_000_000 * scale);
const ORDERS = Math.round(100_000 * scale);
const SIGNUPS_PER_ACTIVITY = 8;
const FIRST_DAY = Date.parse('2024-01-01T00:00:00Z');
const NOW = new Date('2026-11-30T08:00:00Z');
const DAYS = Math.floor((NOW.getTime() - FIRST_DAY) / 86_400_000);

const pgUrl = process.env.DATABASE_URL?.startsWith('postgres') ? process.env.DATABASE_URL : undefined;
const dataDir = path.resolve(process.env.DATA_DIR ?? (pgUrl ? '.bench/district-pg' : '.bench/district'));
const started = performance.now();
const elapsed = () => `${((performance.now() - started) / 1000).toFixed(0)} s`;
const log = (m: string) => console.log(`[${elapsed()}] ${m}`);

type Row = Record<string, unknown>;

/** Where the bulk rows go: one implementation per database. */
interface Sink {
  all(query: string): Promise<Row[]>;
  exec(query: string): Promise<void>;
  /** Rows of one table, all with the same keys, in one transaction. */
  insert(table: string, rows: Row[]): Promise<void>;
  /** Drops the table's secondary indexes (not those behind a constraint) and returns how to make them again. */
  dropIndexes(table: string): Promise<string[]>;
  close(): Promise<void>;
}

function sqliteSink(file: string): Sink {
  const db = new Database(file);
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = OFF');
  db.pragma('cache_size = -1000000');
  db.pragma('foreign_keys = OFF');
  const stmts = new Map<string, Database.Statement>();
  return {
    all: async (q) => db.prepare(q).all() as Row[],
    exec: async (q) => void db.exec(q),
    async insert(table, rows) {
      if (!rows.length) return;
      const cols = Object.keys(rows[0]);
      const key = `${table}(${cols})`;
      let st = stmts.get(key);
      if (!st) {
        st = db.prepare(`INSERT INTO ${table} (${cols.join(',')}) VALUES (${cols.map(() => '?').join(',')})`);
        stmts.set(key, st);
      }
      const s = st;
      db.transaction(() => {
        for (const r of rows) s.run(cols.map((c) => r[c] as never));
      })();
    },
    async dropIndexes(table) {
      const idx = db.prepare(`SELECT name, sql FROM sqlite_master WHERE type = 'index' AND tbl_name = ? AND sql IS NOT NULL`).all(table) as {
        name: string;
        sql: string;
      }[];
      for (const i of idx) db.exec(`DROP INDEX "${i.name}"`);
      return idx.map((i) => i.sql);
    },
    close: async () => {
      db.pragma('wal_checkpoint(TRUNCATE)');
      db.close();
    },
  };
}

async function pgSink(url: string): Promise<Sink> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  // Bulk load: foreign keys and the append-only triggers are not checked row by row (the rows are built consistent).
  await client.query('SET session_replication_role = replica');
  await client.query("SET maintenance_work_mem = '512MB'");
  const types = new Map<string, Map<string, string>>();
  async function typesOf(table: string) {
    let t = types.get(table);
    if (!t) {
      const { rows } = await client.query(
        'SELECT column_name, udt_name FROM information_schema.columns WHERE table_schema = current_schema() AND table_name = $1',
        [table],
      );
      t = new Map(rows.map((r: { column_name: string; udt_name: string }) => [r.column_name, r.udt_name]));
      types.set(table, t);
    }
    return t;
  }
  return {
    all: async (q) => (await client.query(q)).rows,
    exec: async (q) => void (await client.query(q)),
    async insert(table, rows) {
      if (!rows.length) return;
      const cols = Object.keys(rows[0]);
      const t = await typesOf(table);
      const casts = cols.map((c, i) => `$${i + 1}::${t.get(c) ?? 'text'}[]`);
      await client.query('BEGIN');
      for (let i = 0; i < rows.length; i += 5000) {
        const chunk = rows.slice(i, i + 5000);
        await client.query(
          `INSERT INTO ${table} (${cols.join(',')}) SELECT * FROM unnest(${casts.join(',')})`,
          cols.map((c) => chunk.map((r) => r[c] ?? null)),
        );
      }
      await client.query('COMMIT');
    },
    async dropIndexes(table) {
      const { rows } = await client.query(
        `SELECT i.indexname, i.indexdef FROM pg_indexes i
         WHERE i.schemaname = current_schema() AND i.tablename = $1
           AND NOT EXISTS (SELECT 1 FROM pg_constraint c WHERE c.conname = i.indexname)`,
        [table],
      );
      for (const r of rows) await client.query(`DROP INDEX "${r.indexname}"`);
      return rows.map((r: { indexdef: string }) => r.indexdef);
    },
    close: () => client.end(),
  };
}

// 1. The schema and the Ma'an demo, by the platform itself.
let sqliteFile = '';
if (pgUrl) {
  const u = new URL(pgUrl);
  const name = u.pathname.slice(1);
  const admin = new pg.Client({ connectionString: Object.assign(new URL(pgUrl), { pathname: '/postgres' }).toString() });
  await admin.connect();
  await admin.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
  await admin.query(`CREATE DATABASE "${name}"`);
  await admin.end();
  mkdirSync(dataDir, { recursive: true, mode: 0o700 }); // the master key, made once, lives here
} else {
  rmSync(dataDir, { recursive: true, force: true });
  mkdirSync(dataDir, { recursive: true, mode: 0o700 });
  sqliteFile = path.join(dataDir, 'shijian.sqlite');
}
const config = loadConfig({ ...process.env, NODE_ENV: 'production', DATA_DIR: dataDir, LOG_LEVEL: 'silent' });
{
  const handle = openDb({ databaseUrl: config.databaseUrl, dataDir });
  await migrateToLatest(handle.db);
  await seedDemo({ db: handle.db, config }, NOW);
  await handle.close();
}
log(`schema and the Ma'an demo (${pgUrl ? 'PostgreSQL' : `SQLite ${sqliteFile}`})`);
if (!pgUrl && !existsSync(sqliteFile)) throw new Error(`no database at ${sqliteFile}`);
const sink = pgUrl ? await pgSink(pgUrl) : sqliteSink(sqliteFile);

/** One row the platform wrote, as the template every generated row of the table starts from. */
async function template(table: string, where: string): Promise<Row> {
  const [row] = await sink.all(`SELECT * FROM ${table} WHERE ${where} LIMIT 1`);
  if (!row) throw new Error(`no ${table} row where ${where} in the demo`);
  return row;
}
const iso = (ms: number) => new Date(ms).toISOString();
const dayOf = (ms: number) => iso(ms).slice(0, 10);

// 2. Streets and stations, next to Ma'an under its district.
const [maan] = await sink.all(`SELECT * FROM units WHERE kind = 'institute' LIMIT 1`);
const districtId = maan.parent_id as string;
const stationTpl = await template('units', `kind = 'station'`);
const unitsTpl = { ...maan };
const stationsOf = new Map<string, string[]>();
stationsOf.set(
  maan.id as string,
  (await sink.all(`SELECT id FROM units WHERE kind = 'station' AND parent_id = '${maan.id}' ORDER BY sort`)).map((r) => r.id as string),
);
const newUnits: Row[] = [];
for (let s = 1; s < STREETS; s++) {
  const inst = randomUUID();
  const n = String(s + 1).padStart(2, '0');
  newUnits.push({ ...unitsTpl, id: inst, name: `第${n}街道新时代文明实践所`, short_name: `第${n}街道`, code: `JD${n}`, sort: s, phone: null });
  const mine: string[] = [];
  for (let k = 0; k < STATIONS_PER_STREET; k++) {
    const st = randomUUID();
    mine.push(st);
    newUnits.push({
      ...stationTpl,
      id: st,
      parent_id: inst,
      name: `第${n}街道第${k + 1}社区新时代文明实践站`,
      short_name: `${n}-${k + 1}站`,
      code: null,
      sort: k,
    });
  }
  stationsOf.set(inst, mine);
}
await sink.insert('units', newUnits);
// Every process caches the unit tree by this counter: a server already running reloads it.
await sink.exec(`UPDATE counters SET value = value + 1 WHERE name = '${VERSION_COUNTERS.org}'`);
const instituteOf = new Map<string, string>();
for (const [inst, sts] of stationsOf) for (const st of sts) instituteOf.set(st, inst);
const allStations = [...instituteOf.keys()];
log(`${stationsOf.size} streets, ${allStations.length} stations`);

// 3. People and volunteers, spread over every station.
const personTpl = await template('people', `id IN (SELECT person_id FROM volunteers WHERE status = 'certified') AND id_number_enc IS NOT NULL`);
const volunteerTpl = await template('volunteers', `status = 'certified' AND guardian_name IS NULL`);
const volunteersOf = new Map<string, string[]>(allStations.map((s) => [s, []]));
const volunteerIds: string[] = [];
const volunteerStation: string[] = [];
const bulkTables = ['people', 'volunteers', 'activities', 'positions', 'signups', 'service_records', 'service_record_units', 'volunteer_totals', 'orders'];
const rebuild: string[] = [];
for (const t of bulkTables) rebuild.push(...(await sink.dropIndexes(t)));
log(`dropped ${rebuild.length} secondary indexes for the load`);

const SURNAMES = '王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗';
const GIVEN = '伟芳娜秀英敏静丽强磊军洋勇艳杰娟涛明超兰霞平刚桂';
for (let done = 0; done < VOLUNTEERS; done += 20_000) {
  const people: Row[] = [];
  const vols: Row[] = [];
  for (let i = done; i < Math.min(VOLUNTEERS, done + 20_000); i++) {
    const personId = randomUUID();
    const id = randomUUID();
    const station = allStations[i % allStations.length];
    const born = dayOf(Date.parse('1950-01-01') + (i % 18_000) * 86_400_000);
    // Birth day × sequence is unique for 250 000 people; a county code the demo does not use.
    const idNumber = makeIdNumber('340521', born, Math.floor(i / 18_000) + 101);
    const joined = FIRST_DAY - 365 * 86_400_000 + ((i * 104_729) % (DAYS + 365)) * 86_400_000;
    people.push({
      ...personTpl,
      id: personId,
      name: `${SURNAMES[i % SURNAMES.length]}${GIVEN[(i * 7) % GIVEN.length]}${GIVEN[(i * 13) % GIVEN.length]}`,
      phone: `139${String(10_000_000 + i).padStart(8, '0')}`,
      gender: genderFromId(idNumber),
      birth_date: birthDateFromId(idNumber),
      id_type: '01',
      id_number_enc: encrypt(config.keys.encryption, idNumber),
      id_number_hash: hmacHex(config.keys.index, `01:${idNumber}`),
      id_number_tail: idNumber.slice(-4),
      id_number_masked: maskIdNumber(idNumber.slice(0, 3), idNumber.slice(-4)),
      created_at: iso(joined),
      updated_at: iso(joined),
    });
    vols.push({
      ...volunteerTpl,
      id,
      person_id: personId,
      station_id: station,
      volunteer_no: `B${String(i + 1).padStart(8, '0')}`,
      status: i % 40 === 0 ? 'reviewing' : 'certified',
      certified_at: i % 40 === 0 ? null : iso(joined + 86_400_000),
      consent_at: iso(joined),
      insured_until: i % 3 === 0 ? '2027-06-30' : null,
      registered_by: null,
      consent_by: null,
      consent_file_id: null,
      created_at: iso(joined),
      updated_at: iso(joined),
    });
    volunteerIds.push(id);
    volunteerStation.push(station);
    (volunteersOf.get(station) as string[]).push(id);
  }
  await sink.insert('people', people);
  await sink.insert('volunteers', vols);
}
log(`${VOLUNTEERS} volunteers`);

// 4. Activities with one position each and their sign-ups; the past ones' sign-ups became hours.
const activityTpl = await template('activities', `status IN ('ended', 'summarised', 'published')`);
const positionTpl = await template('positions', '1 = 1');
const signupTpl = await template('signups', `status = 'confirmed'`);
const recordTpl = await template('service_records', `status = 'approved' AND source = 'verified'`);
const approved = new Float64Array(VOLUNTEERS);
const pending = new Float64Array(VOLUNTEERS);
const volunteerIndex = new Map(volunteerIds.map((id, i) => [id, i]));
const ancestors = (unit: string): string[] => {
  const inst = instituteOf.get(unit);
  return inst ? [unit, inst, districtId] : unit === districtId ? [unit] : [unit, districtId];
};
const pendingFrom = NOW.getTime() - 10 * 86_400_000;
let recordsWritten = 0;

/** One ledger entry with its scope rows and totals, as hours.ledger.ts writes them. */
function record(out: { recs: Row[]; scopes: Row[] }, v: number, unit: string, dayMs: number, seq: number, extra: Row): void {
  const id = randomUUID();
  const day = dayOf(dayMs + 8 * 3600_000);
  const enteredAt = iso(dayMs + 12 * 3600_000 + (seq % 3600) * 1000);
  const status = dayMs >= pendingFrom ? 'pending' : seq % 50 === 0 ? 'rejected' : 'approved';
  const minutes = Number(extra.minutes ?? 60 + (seq % 4) * 30);
  out.recs.push({
    ...recordTpl,
    id,
    volunteer_id: volunteerIds[v],
    unit_id: unit,
    service_date: day,
    minutes,
    status,
    entered_at: enteredAt,
    entered_by: null,
    decided_by: null,
    decided_at: status === 'pending' ? null : iso(dayMs + 36 * 3600_000),
    decision_note: status === 'rejected' ? '时长与签到记录不符' : null,
    evidence_file_ids: '[]',
    corrects_id: null,
    late: 0,
    flag: null,
    ...extra,
  });
  const seen = new Set([...ancestors(unit), ...ancestors(volunteerStation[v])]);
  for (const u of seen) out.scopes.push({ record_id: id, unit_id: u, service_date: day, entered_at: enteredAt, status });
  if (status === 'approved') approved[v] += minutes;
  if (status === 'pending') pending[v] += minutes;
  recordsWritten++;
}
async function flush(out: { recs: Row[]; scopes: Row[] }) {
  await sink.insert('service_records', out.recs);
  await sink.insert('service_record_units', out.scopes);
  out.recs.length = 0;
  out.scopes.length = 0;
}

const TITLES = ['理论宣讲进社区', '敬老院陪伴服务', '垃圾分类宣传', '文明交通劝导', '社区环境清洁', '四点半课堂', '义诊进社区', '读书分享会'];
const activityDays = DAYS + 45; // up to six weeks ahead
const futureFrom = NOW.getTime();
for (let done = 0; done < ACTIVITIES; done += 5_000) {
  const acts: Row[] = [];
  const positions: Row[] = [];
  const signups: Row[] = [];
  const out = { recs: [] as Row[], scopes: [] as Row[] };
  for (let a = done; a < Math.min(ACTIVITIES, done + 5_000); a++) {
    const station = allStations[(a * 7) % allStations.length];
    const unit = a % 10 === 0 ? (instituteOf.get(station) as string) : station;
    const dayMs = FIRST_DAY + Math.floor((a / ACTIVITIES) * activityDays) * 86_400_000;
    const starts = dayMs + (1 + (a % 6)) * 3600_000; // 09:00–14:00 Beijing time
    const past = starts + 2 * 3600_000 < futureFrom;
    const id = randomUUID();
    const positionId = randomUUID();
    const pool = volunteersOf.get(station) as string[];
    const takers = Math.min(SIGNUPS_PER_ACTIVITY, pool.length);
    acts.push({
      ...activityTpl,
      id,
      unit_id: unit,
      series_id: null,
      programme_id: null,
      venue_id: null,
      room_id: null,
      title: TITLES[a % TITLES.length],
      starts_at: iso(starts),
      ends_at: iso(starts + 2 * 3600_000),
      credit_minutes: 120,
      signup_opens_at: iso(starts - 14 * 86_400_000),
      signup_closes_at: iso(starts - 3600_000),
      cancel_cutoff_at: iso(starts - 2 * 3600_000),
      status: past ? 'ended' : 'published',
      status_reason: null,
      checkin_code: String(randomInt(0, 1_000_000)).padStart(6, '0'), // as activities.lifecycle.ts makes it: the phone takes 6 digits
      reminded_at: null,
      hours_written_at: past ? iso(starts + 3 * 3600_000) : null,
      created_at: iso(starts - 20 * 86_400_000),
      updated_at: iso(past ? starts + 3 * 3600_000 : starts - 20 * 86_400_000),
    });
    positions.push({ ...positionTpl, id: positionId, activity_id: id, name: '志愿者', headcount: 10, taken: takers, sort: 0 });
    for (let k = 0; k < takers; k++) {
      const volunteerId = pool[(a * 3 + k * 11) % pool.length];
      signups.push({
        ...signupTpl,
        id: randomUUID(),
        activity_id: id,
        position_id: positionId,
        volunteer_id: volunteerId,
        status: 'confirmed',
        waitlist_seq: null,
        channel: 'self',
        by_account: null,
        reason: null,
        reminded_at: null,
        created_at: iso(starts - (3 + k) * 86_400_000),
        updated_at: iso(starts - (3 + k) * 86_400_000),
      });
      if (past && recordsWritten < RECORDS)
        record(out, volunteerIndex.get(volunteerId) as number, unit, dayMs, a * 8 + k, {
          source: 'verified',
          activity_id: id,
          order_id: null,
          title: TITLES[a % TITLES.length],
          start_at: iso(starts),
          end_at: iso(starts + 2 * 3600_000),
          minutes: 120,
          entry_method: '扫码签到',
        });
    }
  }
  await sink.insert('activities', acts);
  await sink.insert('positions', positions);
  await sink.insert('signups', signups);
  await flush(out);
}
log(`${ACTIVITIES} activities, their positions and sign-ups; ${recordsWritten} records from them`);

// 5. The rest of the ledger: hours entered by staff (a fifth organised by another station of the street).
{
  const out = { recs: [] as Row[], scopes: [] as Row[] };
  const rest = RECORDS - recordsWritten;
  for (let i = 0; i < rest; i++) {
    const v = (i * 7919) % VOLUNTEERS;
    const own = volunteerStation[v];
    const street = stationsOf.get(instituteOf.get(own) as string) as string[];
    const unit = i % 5 === 0 ? street[i % street.length] : own;
    const dayMs = FIRST_DAY + Math.floor((i / rest) * DAYS) * 86_400_000;
    record(out, v, unit, dayMs, i, {
      source: 'backfilled',
      activity_id: null,
      order_id: null,
      title: '文明实践志愿服务',
      start_at: null,
      end_at: null,
      entry_method: '纸质签到表补录',
      reason: '活动现场纸质签到，事后补录',
    });
    if (out.recs.length >= 20_000) await flush(out);
    if (i % 500_000 === 0 && i) log(`${recordsWritten} records`);
  }
  await flush(out);
}
{
  const totals: Row[] = [];
  for (let v = 0; v < VOLUNTEERS; v++)
    if (approved[v] || pending[v])
      totals.push({
        volunteer_id: volunteerIds[v],
        station_id: volunteerStation[v],
        approved_minutes: approved[v],
        pending_minutes: pending[v],
        updated_at: NOW.toISOString(),
      });
  for (let i = 0; i < totals.length; i += 20_000) await sink.insert('volunteer_totals', totals.slice(i, i + 20_000));
}
log(`${recordsWritten} service-hour records, their scope rows and totals`);

// 6. Orders: three years of residents' requests, the last fortnight's still moving.
const orderTpl = await template('orders', `status IN ('rated', 'closed') AND care_recipient_id IS NULL`);
const NEEDS = ['家里水龙头漏水，想请志愿者帮忙看看', '老人想学用智能手机挂号', '楼道堆放杂物需要清理', '孩子放学后无人看护', '想请人陪同去医院复查'];
const moving = ['submitted', 'reviewing', 'dispatched', 'accepted', 'in_service', 'completed'] as const;
const perDay = new Map<string, number>();
for (let done = 0; done < ORDERS; done += 10_000) {
  const rows: Row[] = [];
  for (let i = done; i < Math.min(ORDERS, done + 10_000); i++) {
    const station = allStations[(i * 13) % allStations.length];
    const createdMs = FIRST_DAY + Math.floor((i / ORDERS) * DAYS * 86_400_000);
    const created = iso(createdMs);
    const day = dayOf(createdMs + 8 * 3600_000).replaceAll('-', '');
    const n = (perDay.get(day) ?? 0) + 1;
    perDay.set(day, n);
    const recent = createdMs > NOW.getTime() - 14 * 86_400_000;
    const status = recent ? moving[i % moving.length] : i % 20 === 0 ? 'cancelled' : i % 20 === 1 ? 'rejected' : i % 10 === 2 ? 'closed' : 'rated';
    const at = (h: number) => iso(createdMs + h * 3600_000);
    const reached = (s: readonly string[]) => s.includes(status);
    const dispatched = reached(['dispatched', 'accepted', 'in_service', 'completed', 'rated', 'closed']);
    const accepted = reached(['accepted', 'in_service', 'completed', 'rated', 'closed']);
    const completed = reached(['completed', 'rated', 'closed']);
    const rated = reached(['rated', 'closed']);
    const pool = volunteersOf.get(station) as string[];
    rows.push({
      ...orderTpl,
      id: randomUUID(),
      number: `D${day}-${String(5000 + n)}`,
      unit_id: station,
      item_id: null,
      title: '居民点单',
      description: NEEDS[i % NEEDS.length],
      photo_file_ids: '[]',
      requester_person_id: null,
      requester_name: `${SURNAMES[i % SURNAMES.length]}${i % 2 ? '大爷' : '阿姨'}`,
      requester_phone: `137${String(20_000_000 + i).padStart(8, '0')}`,
      requester_phone_enc: null,
      address: `第${(i % 30) + 1}栋${(i % 6) + 1}单元${(i % 18) + 1}0${(i % 4) + 1}室`,
      address_enc: null,
      care_recipient_id: null,
      requester_verified: status === 'submitted' ? 0 : 1,
      verify_note: status === 'submitted' ? null : '电话回访核实',
      preferred_at: at(48),
      channel: i % 3 === 0 ? 'app' : 'staff_phone',
      entered_by: null,
      status,
      reject_reason: status === 'rejected' ? '不属于志愿服务范围，已转交社区居委会办理' : null,
      cancel_reason: status === 'cancelled' ? '家人已回来处理，不需要了' : null,
      target_type: dispatched ? 'station' : null,
      target_id: dispatched ? station : null,
      dispatched_at: dispatched ? at(2) : null,
      sla_due_at: dispatched ? at(26) : null,
      escalation_level: 0,
      accepted_volunteer_id: accepted ? pool[i % pool.length] : null,
      accepted_at: accepted ? at(5) : null,
      started_at: reached(['in_service', 'completed', 'rated', 'closed']) ? at(48) : null,
      completed_at: completed ? at(50) : null,
      completion_report: completed ? '已按约上门完成服务' : null,
      completion_photo_ids: completed ? '[]' : null,
      service_minutes: completed ? 60 : null,
      rating: rated ? 4 + (i % 2) : null,
      rating_comment: rated ? '服务很好' : null,
      rated_by: rated ? 'requester' : null,
      rated_at: rated ? at(60) : null,
      open311_key_id: null,
      created_at: created,
      updated_at: rated ? at(60) : at(5),
    });
  }
  await sink.insert('orders', rows);
}
log(`${ORDERS} orders`);

// 7. The indexes the migrations made, rebuilt over the loaded rows; statistics for the planner.
for (const create of rebuild) await sink.exec(create);
// PostgreSQL: VACUUM too, so the visibility map lets the lists' indexes answer alone (autovacuum would, later).
await sink.exec(pgUrl ? 'VACUUM ANALYZE' : 'ANALYZE');
log(`rebuilt ${rebuild.length} indexes and analysed`);
await sink.close();

// 8. The platform's own check: every running total equals its ledger.
{
  const handle = openDb({ databaseUrl: config.databaseUrl, dataDir, pgStatementTimeoutMs: 0 });
  const report = await verifyTotals(handle.db);
  await handle.close();
  log(`verify-totals: ${JSON.stringify(report).slice(0, 200)}`);
}
console.log(
  `District ready: ${stationsOf.size} streets, ${allStations.length} stations, ${VOLUNTEERS} volunteers, ${ACTIVITIES} activities, ${recordsWritten} records, ${ORDERS} orders (${elapsed()}).`,
);
console.log(pgUrl ? `Serve it: DATABASE_URL=${pgUrl} npm start` : `Serve it: DATA_DIR=${dataDir} npm start`);
