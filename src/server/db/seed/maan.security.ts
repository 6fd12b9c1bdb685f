import type { DbOrTrx } from '../../platform/db';
import { markRulesChanged } from '../../platform/scope';

/**
 * The demo (and the test world) sign in with a password only: the rule that requires two-factor
 * login for institute and station admins (security.totpRequiredRoles) is set to "no role" for every
 * institute there is. A production install keeps the default, so its admins enrol at first login.
 */
export async function seedTotpRuleOff(db: DbOrTrx, at: string): Promise<void> {
  // The districts too (issue 13): a street the demo's district admin creates inherits the district's default.
  const institutes = await db.selectFrom('units').select('id').where('kind', 'in', ['institute', 'district']).execute();
  if (!institutes.length) return;
  await db
    .insertInto('settings')
    .values(institutes.map((u) => ({ unit_id: u.id, key: 'security.totpRequiredRoles', value: '[]', updated_at: at, updated_by: null })))
    .execute();
  await markRulesChanged(db);
}
