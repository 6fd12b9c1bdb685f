import { sql } from 'kysely';
import type { DbOrTrx } from '../../platform/db';

export interface AuditFilter {
  unitIds: string[];
  action?: string;
  objectId?: string;
  outcome?: 'success' | 'failure';
  from?: string;
  to?: string;
}

/**
 * Rows concerning the given units, plus rows with no unit (logins, account events) made by or about
 * accounts that hold a grant in those units.
 */
export async function pageAudit(db: DbOrTrx, f: AuditFilter, limit: number, offset: number) {
  let qb = db
    .selectFrom('audit_log')
    .where((eb) =>
      eb.or([
        eb('unit_id', 'in', f.unitIds),
        eb.and([
          eb('unit_id', 'is', null),
          eb.or([
            eb('actor_account_id', 'in', eb.selectFrom('role_grants').select('account_id').where('unit_id', 'in', f.unitIds)),
            eb('object_id', 'in', eb.selectFrom('role_grants').select('account_id').where('unit_id', 'in', f.unitIds)),
            eb('actor_account_id', 'is', null),
          ]),
        ]),
      ]),
    );
  // Reads of the log are listed only when asked for: otherwise every page read would shift the next.
  qb = f.action ? qb.where('action', '=', f.action) : qb.where('action', '!=', 'audit.read');
  if (f.objectId) qb = qb.where('object_id', '=', f.objectId);
  if (f.outcome) qb = qb.where('outcome', '=', f.outcome);
  if (f.from) qb = qb.where('at', '>=', f.from);
  if (f.to) qb = qb.where('at', '<=', f.to);
  const [{ total }] = await qb.select((eb) => eb.fn.countAll<number>().as('total')).execute();
  // Chain order, newest first; a row written since the sequencer last ran (seq still empty) on top.
  const rows = await qb.selectAll().orderBy(sql`(seq IS NULL)`, 'desc').orderBy('seq', 'desc').orderBy('pos', 'desc').limit(limit).offset(offset).execute();
  return { rows, total: Number(total) };
}
