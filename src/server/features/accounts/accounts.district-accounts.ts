import type {
  CreateDistrictAccountInput,
  CreatedDistrictAccountView,
  DistrictAccountListView,
  DistrictAccountView,
  DistrictRole,
} from '../../../shared/district';
import { isUniqueViolation } from '../../platform/db';
import type { Ctx, Deps } from '../../platform/deps';
import { AppError, notFound } from '../../platform/errors';
import { unitsNamed } from '../org/org.streets';
import * as q from './accounts.queries';
import { prepareStreetAdmin, recordStaffAccount } from './accounts.street-admins';
import { writeAccountDisabled } from './accounts.disabling';

/**
 * Issue 13: the district's own accounts. A district admin adds another district admin or a district
 * viewer (区中心查看, read-only) with a one-time password, and disables or enables them — never
 * itself, and only accounts whose every grant is a district role on a district it manages.
 */

const DISTRICT_ROLES: readonly string[] = ['district_admin', 'district_viewer'];

export async function listDistrictAccounts(deps: Deps, ctx: Ctx): Promise<DistrictAccountListView> {
  const units = await ctx.scope.units('district.read');
  const tree = await ctx.scope.tree();
  const districtIds = [...units].filter((u) => tree.nodes.get(u)?.kind === 'district');
  const districts = await Promise.all(
    (await unitsNamed(deps.db, districtIds)).map(async (d) => ({ id: d.id, name: d.name, canManage: await ctx.scope.can('accounts.manage_district', d.id) })),
  );
  // One row per account and district; an account holding both roles there shows as its admin.
  const byKey = new Map<string, DistrictAccountView>();
  for (const r of await q.districtAccountsOf(deps.db, districtIds)) {
    const key = `${r.unit_id}:${r.id}`;
    const seen = byKey.get(key);
    if (seen) {
      if (r.role === 'district_admin') seen.role = 'district_admin';
      continue;
    }
    byKey.set(key, {
      accountId: r.id,
      districtId: r.unit_id,
      username: r.username,
      displayName: r.display_name,
      role: r.role as DistrictRole,
      disabled: Boolean(r.disabled),
      mustChangePassword: Boolean(r.must_change_password),
      lastLoginAt: r.last_login_at,
      self: r.id === ctx.actor.accountId,
    });
  }
  return { districts, items: [...byKey.values()] };
}

/** The person, the account (must change its one-time password) and its grant on the district, in one transaction, audited. */
export async function createDistrictAccount(deps: Deps, ctx: Ctx, input: CreateDistrictAccountInput): Promise<CreatedDistrictAccountView> {
  const tree = await ctx.scope.require('accounts.manage_district', input.districtId);
  if (tree.nodes.get(input.districtId)?.kind !== 'district') throw notFound();
  const prepared = await prepareStreetAdmin(deps, input);
  const now = deps.clock.now();
  try {
    await deps.db.transaction().execute((trx) => recordStaffAccount(trx, deps, ctx, prepared, input.role, input.districtId, now));
  } catch (err) {
    // Two requests raced past the checks: the same checks say which.
    if (isUniqueViolation(err)) {
      await prepareStreetAdmin(deps, input);
      throw new AppError('account.duplicate_username');
    }
    throw err;
  }
  ctx.scope.changed();
  return {
    account: {
      accountId: prepared.accountId,
      districtId: input.districtId,
      username: prepared.username,
      displayName: prepared.displayName,
      role: input.role,
      disabled: false,
      mustChangePassword: true,
      lastLoginAt: null,
      self: false,
    },
    oneTimePassword: prepared.oneTimePassword,
  };
}

/**
 * Disable (sessions end at once) or enable another account of the caller's district. Anything but
 * an account with only district roles on districts the caller manages is 404; oneself is refused.
 */
export async function setDistrictAccountDisabled(deps: Deps, ctx: Ctx, accountId: string, disabled: boolean): Promise<DistrictAccountView> {
  const inScope = await ctx.scope.units('accounts.manage_district');
  const tree = await ctx.scope.tree();
  const account = await q.getAccount(deps.db, accountId);
  if (!account) throw notFound();
  const grants = await q.listGrants(deps.db, [accountId]);
  const ours = (g: { role: string; unit_id: string }) =>
    DISTRICT_ROLES.includes(g.role) && inScope.has(g.unit_id) && tree.nodes.get(g.unit_id)?.kind === 'district';
  if (grants.length === 0 || !grants.every(ours)) throw notFound();
  if (accountId === ctx.actor.accountId) throw new AppError('account.self_disable');
  const districtId = grants[0].unit_id;
  const role: DistrictRole = grants.some((g) => g.role === 'district_admin') ? 'district_admin' : 'district_viewer';
  if (Boolean(account.disabled) !== disabled) await writeAccountDisabled(deps, ctx, account, disabled, { unitId: districtId });
  return {
    accountId,
    districtId,
    username: account.username,
    displayName: account.display_name,
    role,
    disabled,
    mustChangePassword: Boolean(account.must_change_password),
    lastLoginAt: account.last_login_at,
    self: false,
  };
}
