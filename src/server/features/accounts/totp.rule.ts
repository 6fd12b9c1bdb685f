import type { DbOrTrx } from '../../platform/db';
import type { Deps, Grant } from '../../platform/deps';
import { readRules, unitTreeOf } from '../../platform/scope';
import * as tq from './totp.queries';

/**
 * Does the rule `security.totpRequiredRoles` of the institute a grant sits in name that grant's
 * role? A district viewer sits above every institute, so no institute's rule reaches them.
 * Reads with `deps.db` (the unit tree cache): call it before a transaction, never inside one.
 */
export async function totpRequired(deps: Deps, grants: Pick<Grant, 'role' | 'unitId'>[]): Promise<boolean> {
  const tree = await unitTreeOf(deps.db);
  const byInstitute = new Map<string, Set<string>>();
  for (const g of grants) {
    const inst = tree.instituteOf(g.unitId);
    if (inst) byInstitute.set(inst, (byInstitute.get(inst) ?? new Set()).add(g.role));
  }
  for (const [inst, roles] of byInstitute) {
    const required: readonly string[] = (await readRules(deps.db, inst))['security.totpRequiredRoles'];
    if (required.some((r) => roles.has(r))) return true;
  }
  return false;
}

/** A session of this account may only reach the enrolment: required, and not enrolled. */
export async function enrolOnly(deps: Deps, db: DbOrTrx, accountId: string, grants: Pick<Grant, 'role' | 'unitId'>[]): Promise<boolean> {
  if (!(await totpRequired(deps, grants))) return false;
  const row = await tq.findTotp(db, accountId);
  return !row?.enabled_at;
}
