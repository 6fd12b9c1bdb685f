import { randomUUID } from 'node:crypto';
import type { UnitsTable } from '../../db/schema';
import { appendAudit, diffFields } from '../../platform/audit';
import type { DbOrTrx } from '../../platform/db';
import type { Ctx, Deps } from '../../platform/deps';
import { AppError } from '../../platform/errors';
import { markOrgChanged } from '../../platform/scope';
import { whoOf } from '../../platform/session';
import * as q from './org.queries';

/**
 * Issue 13: the org side of a street (an institute under the district). The district feature
 * checks and records it in the transaction that also makes its first admin.
 */

export interface StreetFields {
  districtId: string;
  name: string;
  code: string;
  address?: string | null;
}

/** Before the transaction: no sibling of that name, no unit with that code (the unique indexes catch a race). */
export async function checkStreetFree(db: DbOrTrx, s: StreetFields): Promise<void> {
  if (await q.findSiblingByName(db, s.districtId, s.name)) throw new AppError('org.duplicate_name');
  if (await q.findUnitByCode(db, s.code)) throw new AppError('org.duplicate_code');
}

/** In the transaction: the institute row, the org version bumped, audited as a street created. */
export async function recordStreet(trx: DbOrTrx, deps: Deps, ctx: Ctx, s: StreetFields, now: Date): Promise<UnitsTable> {
  const at = now.toISOString();
  const row: UnitsTable = {
    ...{ id: randomUUID(), kind: 'institute', parent_id: s.districtId, name: s.name, short_name: null, address: s.address ?? null },
    ...{ lng: null, lat: null, phone: null, intro: null, sort: 0, archived: 0, created_at: at, updated_at: at, code: s.code },
  };
  await q.insertUnit(trx, row);
  await markOrgChanged(trx);
  await appendAudit(trx, deps.config.keys.audit, now, whoOf(ctx), {
    action: 'org.street_created',
    objectType: 'unit',
    objectId: row.id,
    unitId: row.id,
    changes: diffFields(null, row, ['name', 'code', 'address']),
  });
  return row;
}

/** The streets under some districts. */
export function streetsUnder(db: DbOrTrx, districtIds: string[]): Promise<UnitsTable[]> {
  return q.streetsUnder(db, districtIds);
}

/** Some units' names (the cached tree holds none), by sort and name. */
export function unitsNamed(db: DbOrTrx, ids: string[]): Promise<{ id: string; name: string }[]> {
  return ids.length === 0 ? Promise.resolve([]) : q.unitNames(db, ids);
}
