import { randomUUID } from 'node:crypto';
import type { ServiceRecordsTable } from '../../db/schema';
import type { Trx } from '../../platform/db';
import * as q from './hours.queries';

/**
 * The service-record ledger has one writer: this file. Activities (attendance at the close), orders
 * (a completed order) and the hours feature's own entry and corrections all come through here, so
 * a record is built one way: pending, undecided, entered at `at`. Evidence is never overwritten: a
 * correction is a new signed record linked to the original (办法 第十三条).
 *
 * With each entry and each decision it moves, in the same transaction, what is kept beside the
 * ledger: the units that see the record (`service_record_units`, the hours list's scope) and the
 * volunteer's running totals (`volunteer_totals`: pending and approved minutes, the stars' and the
 * talent pool's input). `verifyTotals` (hours.totals.ts) checks the totals against the ledger.
 */
interface ServiceEntry {
  volunteerId: string;
  unitId: string;
  title: string;
  serviceDate: string;
  startAt: string | null;
  endAt: string | null;
  minutes: number;
  place: string | null;
  content: string | null;
  organiserName: string;
  personInCharge: string | null;
  entryMethod: string;
  evidenceFileIds: string[];
  reason: string | null;
  late: boolean;
  flag: string | null;
  at: Date;
}

/** Where a verified record came from: the activity attended or the order completed. */
export type VerifiedService = ServiceEntry & ({ activityId: string; orderId?: never } | { orderId: string; activityId?: never });

export type BackfilledService = ServiceEntry & { enteredBy: string };

async function insert(
  trx: Trx,
  source: ServiceRecordsTable['source'],
  e: ServiceEntry,
  links: Pick<ServiceRecordsTable, 'activity_id' | 'order_id' | 'corrects_id' | 'entered_by'>,
): Promise<string> {
  const id = randomUUID();
  const enteredAt = e.at.toISOString();
  await q.insertRecord(trx, {
    id,
    volunteer_id: e.volunteerId,
    unit_id: e.unitId,
    source,
    ...links,
    title: e.title,
    service_date: e.serviceDate,
    start_at: e.startAt,
    end_at: e.endAt,
    minutes: e.minutes,
    place: e.place,
    content: e.content,
    organiser_name: e.organiserName,
    person_in_charge: e.personInCharge,
    entry_method: e.entryMethod,
    evidence_file_ids: JSON.stringify(e.evidenceFileIds),
    reason: e.reason,
    status: 'pending',
    late: e.late ? 1 : 0,
    flag: e.flag,
    entered_at: enteredAt,
    decided_by: null,
    decided_at: null,
    decision_note: null,
  });
  await q.insertRecordUnits(trx, { id, unit_id: e.unitId, volunteer_id: e.volunteerId, service_date: e.serviceDate, entered_at: enteredAt });
  await q.moveTotals(trx, e.volunteerId, { approved: 0, pending: e.minutes }, enteredAt);
  return id;
}

/** Time the platform itself saw (check-ins, a completed order): a *verified* record pending the organiser's confirmation. */
export function recordVerifiedService(trx: Trx, e: VerifiedService): Promise<string> {
  return insert(trx, 'verified', e, { activity_id: e.activityId ?? null, order_id: e.orderId ?? null, corrects_id: null, entered_by: null });
}

/** Time entered afterwards by staff, with evidence and a reason; someone else approves it. */
export function recordBackfilledService(trx: Trx, e: BackfilledService): Promise<string> {
  return insert(trx, 'backfilled', e, { activity_id: null, order_id: null, corrects_id: null, entered_by: e.enteredBy });
}

/** A signed counter-entry to an approved record: same service, `minutes` may be negative, no time of its own. */
export function recordCorrection(
  trx: Trx,
  original: ServiceRecordsTable,
  c: { minutes: number; reason: string; enteredBy: string; at: Date },
): Promise<string> {
  return insert(
    trx,
    'correction',
    {
      volunteerId: original.volunteer_id,
      unitId: original.unit_id,
      title: `更正：${original.title}`,
      serviceDate: original.service_date,
      startAt: null,
      endAt: null,
      minutes: c.minutes,
      place: original.place,
      content: original.content,
      organiserName: original.organiser_name,
      personInCharge: original.person_in_charge,
      entryMethod: original.entry_method,
      evidenceFileIds: [],
      reason: c.reason,
      late: false,
      flag: null,
      at: c.at,
    },
    { activity_id: original.activity_id, order_id: original.order_id, corrects_id: original.id, entered_by: c.enteredBy },
  );
}

/**
 * Decides a pending record and moves the volunteer's totals with it. False when it was no longer
 * pending (someone else decided it first): nothing changed.
 */
export async function decideService(
  trx: Trx,
  r: Pick<ServiceRecordsTable, 'id' | 'volunteer_id' | 'minutes'>,
  d: { status: 'approved' | 'rejected'; decidedBy: string; note: string | null; at: Date },
): Promise<boolean> {
  const at = d.at.toISOString();
  const n = await q.decideRecord(trx, r.id, { status: d.status, decided_by: d.decidedBy, decided_at: at, decision_note: d.note });
  if (n !== 1) return false;
  await q.decideRecordUnits(trx, r.id, d.status);
  const minutes = Number(r.minutes);
  await q.moveTotals(trx, r.volunteer_id, { approved: d.status === 'approved' ? minutes : 0, pending: -minutes }, at);
  return true;
}

/** The demo seed writes its history in bulk, not through this file: afterwards it fills what the ledger keeps beside it. */
export function fillBesideLedger(trx: Trx, at: Date): Promise<void> {
  return q.fillBesideLedger(trx, at.toISOString());
}
