/**
 * The hours list and the talent pool filtered by hours at a fraction of district scale (issue 13),
 * before and after the queries were shaped by scope, on the same data in the same run:
 *
 * - before: the list filtered `service_records.unit_id IN (scope) OR volunteers.station_id IN (scope)`
 *   and counted every matching row (the shape of the list until migration 0028), and the talent pool
 *   filtered by a correlated SUM over the ledger per volunteer;
 * - after: `hours.queries.listRecords` (the scope's roots on `service_record_units`, the count capped)
 *   and `volunteers.queries.listVolunteers` (the running totals).
 *
 * The data is written directly (units, people, volunteers, records with their scope rows and totals,
 * as the ledger writes them) so a tenth of a district fills in minutes. The query layer is timed, not
 * HTTP: what changed is the SQL.
 *
 * Run: npx tsx bench/hours-list.ts                       (SQLite file in a temp dir)
 *      TEST_DB=postgres npx tsx bench/hours-list.ts      (a fresh schema in postgres://127.0.0.1/test)
 * BENCH_SCALE (default 0.1) scales 27 streets × 20 stations, 250 000 volunteers, 5 000 000 records.
 * BENCH_RUNS (default 30) is the number of timed calls per case.
 */
import { randomUUID } from 'node:crypto';
import { performance } from 'node:perf_hooks';
import { type ExpressionBuilder, type Kysely, sql } from 'kysely';
import { freshDb } from '../test/support/db';
import type { Database } from '../src/server/db/schema';
import * as hours from '../src/server/features/hours/hours.queries';
import * as volunteers from '../src/server/features/volunteers/volunteers.queries';
import { HOURS_COUNT_CAP } from '../src/shared/hours';

const scale = Number(process.env.BENCH_SCALE ?? 0.1);
const runs = Number(process.env.BENCH_RUNS ?? 30);
const institutes = Math.max(1, Math.round(27 * scale));
const stationsPerInstitute = 20;
const volunteerCount = Math.round(250_000 * scale);
const recordCount = Math.round(5_000_000 * scale);

const { handle, drop } = await freshDb();
const db = handle.db as unknown as Kysely<Database>;
const dbName = process.env.TEST_DB === 'postgres' ? 'PostgreSQL' : 'SQLite';
const now = new Date('2026-11-30T00:00:00Z').toISOString();

// biome-ignore lint/suspicious/noExplicitAny: bench rows fill only the columns the lists read
async function insertMany(table: keyof Database, rows: any[], batch: number) {
  for (let i = 0; i < rows.length; i += batch)
    await db
      .insertInto(table)
      .values(rows.slice(i, i + batch))
      .execute();
}

const t0 = performance.now();
const district: string = randomUUID();
const unitRows: { id: string; kind: string; parent_id: string | null; [k: string]: unknown }[] = [
  { id: district, kind: 'district', parent_id: null, name: '区', sort: 0, archived: 0, created_at: now, updated_at: now },
];
const instituteIds: string[] = [];
const stationsOf = new Map<string, string[]>();
const stationIds: string[] = [];
for (let i = 0; i < institutes; i++) {
  const inst = randomUUID();
  instituteIds.push(inst);
  unitRows.push({ id: inst, kind: 'institute', parent_id: district, name: `街道 ${i}`, sort: i, archived: 0, created_at: now, updated_at: now });
  const mine: string[] = [];
  for (let s = 0; s < stationsPerInstitute; s++) {
    const st = randomUUID();
    mine.push(st);
    stationIds.push(st);
    unitRows.push({ id: st, kind: 'station', parent_id: inst, name: `站 ${i}-${s}`, sort: s, archived: 0, created_at: now, updated_at: now });
  }
  stationsOf.set(inst, mine);
}
await insertMany('units', unitRows, 500);
const parentOf = new Map(unitRows.map((u) => [u.id, u.parent_id]));

const people: { id: string; name: string; created_at: string; updated_at: string }[] = [];
const vols: { id: string; station_id: string; [k: string]: unknown }[] = [];
for (let i = 0; i < volunteerCount; i++) {
  const person = randomUUID();
  people.push({ id: person, name: `志愿者${i}`, created_at: now, updated_at: now });
  vols.push({
    id: randomUUID(),
    person_id: person,
    station_id: stationIds[i % stationIds.length],
    volunteer_no: null,
    status: 'certified',
    category: 'resident',
    skills: '[]',
    service_categories: '[]',
    availability: '[]',
    consent_method: 'signed_form',
    consent_at: now,
    created_at: new Date(Date.parse(now) - i * 1000).toISOString(),
    updated_at: now,
  });
}
await db.transaction().execute(async (trx) => {
  for (let i = 0; i < people.length; i += 2000)
    await trx
      .insertInto('people')
      .values(people.slice(i, i + 2000))
      .execute();
  for (let i = 0; i < vols.length; i += 1000)
    await trx
      .insertInto('volunteers')
      .values(vols.slice(i, i + 1000) as never)
      .execute();
});

// Records: three years of service days; a fifth organised by another station of the same street, the
// last 2 % still pending. Scope rows and totals are what hours.ledger.ts writes with each record.
const totals = new Map<string, { approved: number; pending: number }>();
const statuses = ['approved', 'rejected', 'pending'] as const;
const batch = process.env.TEST_DB === 'postgres' ? 1500 : 1000;
for (let done = 0; done < recordCount; done += 20_000) {
  await db.transaction().execute(async (trx) => {
    // biome-ignore lint/suspicious/noExplicitAny: bench rows
    const recs: any[] = [];
    const scopes: { record_id: string; unit_id: string; service_date: string; entered_at: string; status: (typeof statuses)[number] }[] = [];
    for (let i = done; i < Math.min(recordCount, done + 20_000); i++) {
      const v = vols[(i * 7919) % vols.length];
      const inst = parentOf.get(v.station_id) as unknown as string;
      const unit = i % 5 === 0 ? (stationsOf.get(inst) as string[])[i % stationsPerInstitute] : v.station_id;
      const day = new Date(Date.parse('2024-01-01T00:00:00Z') + (i % 1065) * 86_400_000).toISOString().slice(0, 10);
      const status = i >= recordCount * 0.98 ? statuses[2] : i % 50 === 0 ? statuses[1] : statuses[0];
      const id: string = randomUUID();
      const enteredAt = new Date(Date.parse(`${day}T10:00:00Z`) + (i % 1000) * 1000).toISOString();
      const minutes = 60 + (i % 4) * 30;
      recs.push({
        id,
        volunteer_id: v.id,
        unit_id: unit,
        source: 'verified',
        activity_id: null,
        order_id: null,
        title: '文明实践志愿服务',
        service_date: day,
        start_at: null,
        end_at: null,
        minutes,
        place: null,
        content: null,
        organiser_name: '站',
        person_in_charge: null,
        entry_method: '扫码签到',
        evidence_file_ids: '[]',
        reason: null,
        status,
        late: 0,
        flag: null,
        corrects_id: null,
        entered_by: null,
        entered_at: enteredAt,
        decided_by: null,
        decided_at: status === 'pending' ? null : enteredAt,
        decision_note: null,
      });
      const seen = new Set<string>();
      for (const start of [unit, v.station_id])
        for (let u: string | null | undefined = start; u; u = parentOf.get(u)) {
          if (seen.has(u)) continue;
          seen.add(u);
          scopes.push({ record_id: id, unit_id: u, service_date: day, entered_at: enteredAt, status });
        }
      const tt = totals.get(v.id) ?? { approved: 0, pending: 0 };
      if (status === 'approved') tt.approved += minutes;
      if (status === 'pending') tt.pending += minutes;
      totals.set(v.id, tt);
    }
    for (let i = 0; i < recs.length; i += Math.floor(batch / 2))
      await trx
        .insertInto('service_records')
        .values(recs.slice(i, i + Math.floor(batch / 2)))
        .execute();
    for (let i = 0; i < scopes.length; i += batch * 2)
      await trx
        .insertInto('service_record_units')
        .values(scopes.slice(i, i + batch * 2))
        .execute();
  });
}
const stationOf = new Map(vols.map((v) => [v.id, v.station_id]));
await insertMany(
  'volunteer_totals',
  [...totals].map(([id, m]) => ({
    volunteer_id: id,
    station_id: stationOf.get(id),
    approved_minutes: m.approved,
    pending_minutes: m.pending,
    updated_at: now,
  })),
  2000,
);
await sql`ANALYZE`.execute(db);
console.log(
  `${dbName}: ${institutes} streets, ${stationIds.length} stations, ${volunteerCount} volunteers, ${recordCount} records; filled in ${((performance.now() - t0) / 1000).toFixed(0)} s`,
);

/** The list as it was before migration 0028: OR over two columns through the volunteers, and a full COUNT. */
async function oldList(unitIds: string[], status?: string) {
  let qb = db
    .selectFrom('service_records')
    .innerJoin('volunteers', 'volunteers.id', 'service_records.volunteer_id')
    .innerJoin('people', 'people.id', 'volunteers.person_id')
    .leftJoin('accounts as entered', 'entered.id', 'service_records.entered_by')
    .leftJoin('accounts as decided', 'decided.id', 'service_records.decided_by')
    .selectAll('service_records')
    .select(['people.name as volunteer_name', 'volunteers.station_id as volunteer_station_id'])
    .where((eb) => eb.or([eb('service_records.unit_id', 'in', unitIds), eb('volunteers.station_id', 'in', unitIds)]));
  if (status) qb = qb.where('service_records.status', '=', status as 'pending');
  const [{ total }] = await qb
    .clearSelect()
    .select((eb) => eb.fn.countAll<number>().as('total'))
    .execute();
  const rows = await qb.orderBy('service_records.service_date', 'desc').orderBy('service_records.entered_at', 'desc').limit(20).offset(0).execute();
  return { rows, total };
}

function oldApproved(eb: ExpressionBuilder<Database, 'volunteers'>) {
  return eb
    .selectFrom('service_records')
    .select((e) => e.fn.coalesce(e.fn.sum<number>('service_records.minutes'), sql<number>`0`).as('m'))
    .whereRef('service_records.volunteer_id', '=', 'volunteers.id')
    .where('service_records.status', '=', 'approved');
}

/** The talent pool's hours filter before: a correlated SUM per volunteer, for the count and the page. */
async function oldPool(stations: string[], min: number, max: number) {
  const qb = db
    .selectFrom('volunteers')
    .innerJoin('people', 'people.id', 'volunteers.person_id')
    .where('volunteers.station_id', 'in', stations)
    .where((eb) => eb(oldApproved(eb), '>=', min))
    .where((eb) => eb(oldApproved(eb), '<', max));
  const [{ total }] = await qb.select((eb) => eb.fn.countAll<number>().as('total')).execute();
  const ids = await qb.select('volunteers.id').orderBy('volunteers.created_at', 'desc').orderBy('volunteers.id').limit(20).execute();
  return { total, ids };
}

async function time(fn: () => Promise<unknown>) {
  await fn(); // warm
  const ms: number[] = [];
  for (let i = 0; i < runs; i++) {
    const s = performance.now();
    await fn();
    ms.push(performance.now() - s);
  }
  ms.sort((a, b) => a - b);
  const at = (p: number) => ms[Math.min(ms.length - 1, Math.floor(p * ms.length))].toFixed(1);
  return `${at(0.5)} | ${at(0.95)}`;
}

const inst: string = instituteIds[0];
const instScope = [inst, ...(stationsOf.get(inst) as string[])];
const station = (stationsOf.get(inst) as string[])[3];
const pendingFilter = { status: 'pending' };
// One street's talent pool, 20–40 hours (the star levels' bands are ranges like this one).
const [lo, hi] = [20 * 60, 40 * 60];
const cases: [string, () => Promise<unknown>, () => Promise<unknown>][] = [
  ['hours list, one street (institute admin), page 1', () => oldList(instScope), () => hours.listRecords(db, { scopeRoots: [inst] }, 20, 0, HOURS_COUNT_CAP)],
  [
    'hours list, one street, pending only',
    () => oldList(instScope, 'pending'),
    () => hours.listRecords(db, { scopeRoots: [inst], ...pendingFilter }, 20, 0, HOURS_COUNT_CAP),
  ],
  ['hours list, one station, page 1', () => oldList([station]), () => hours.listRecords(db, { scopeRoots: [station] }, 20, 0, HOURS_COUNT_CAP)],
  [
    'hours list, whole district (district scope)',
    () => oldList([district, ...instituteIds, ...stationIds]),
    () => hours.listRecords(db, { scopeRoots: [district] }, 20, 0, HOURS_COUNT_CAP),
  ],
  [
    'talent pool, one street, 20–40 h',
    () => oldPool(stationsOf.get(inst) as string[], lo, hi),
    () => volunteers.listVolunteers(db, { stationIds: stationsOf.get(inst) as string[], minMinutes: lo, maxMinutes: hi }, 20, 0),
  ],
];
console.log(`\n| ${dbName} | before p50 ms | before p95 ms | after p50 ms | after p95 ms |\n|---|---|---|---|---|`);
for (const [name, before, after] of cases) console.log(`| ${name} | ${await time(before)} | ${await time(after)} |`);
await drop();
