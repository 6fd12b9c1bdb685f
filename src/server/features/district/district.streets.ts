import type { CreatedStreetView, CreateStreetInput, StreetListView, StreetView } from '../../../shared/district';
import type { UnitsTable } from '../../db/schema';
import { isUniqueViolation } from '../../platform/db';
import type { Ctx, Deps } from '../../platform/deps';
import { AppError, notFound } from '../../platform/errors';
import { prepareStreetAdmin, recordStreetAdmin, streetAdminsByStreet } from '../accounts/accounts.street-admins';
import { checkStreetFree, recordStreet, streetsUnder, unitsNamed } from '../org/org.streets';

/**
 * Issue 13: the district admin's streets. A street is an institute under the district, created
 * with its first institute admin in one transaction (org writes the unit, accounts the account).
 * The district's viewer lists them too; neither may do anything inside a street from here.
 */

function present(row: UnitsTable, stations: number, admins: StreetView['admins']): StreetView {
  return {
    id: row.id,
    districtId: row.parent_id as string,
    name: row.name,
    code: row.code ?? null,
    address: row.address,
    archived: Boolean(row.archived),
    stations,
    admins,
  };
}

export async function listStreets(deps: Deps, ctx: Ctx): Promise<StreetListView> {
  const units = await ctx.scope.units('district.read');
  const tree = await ctx.scope.tree();
  const districtIds = [...units].filter((u) => tree.nodes.get(u)?.kind === 'district');
  const rows = await streetsUnder(deps.db, districtIds);
  const admins = await streetAdminsByStreet(
    deps.db,
    rows.map((r) => r.id),
  );
  const stationsOf = (id: string) => tree.subtree(id).filter((u) => tree.nodes.get(u)?.kind === 'station').length;
  const districts = await Promise.all(
    (await unitsNamed(deps.db, districtIds)).map(async (d) => ({ id: d.id, name: d.name, canManage: await ctx.scope.can('org.create_street', d.id) })),
  );
  return { districts, items: rows.map((r) => present(r, stationsOf(r.id), admins.get(r.id) ?? [])) };
}

export async function createStreet(deps: Deps, ctx: Ctx, input: CreateStreetInput): Promise<CreatedStreetView> {
  const tree = await ctx.scope.require('org.create_street', input.districtId);
  if (tree.nodes.get(input.districtId)?.kind !== 'district') throw notFound();
  const fields = { districtId: input.districtId, name: input.name, code: input.code, address: input.address ?? null };
  await checkStreetFree(deps.db, fields);
  const prepared = await prepareStreetAdmin(deps, input.admin);
  const now = deps.clock.now();
  try {
    const { row, admin } = await deps.db.transaction().execute(async (trx) => {
      const row = await recordStreet(trx, deps, ctx, fields, now);
      const admin = await recordStreetAdmin(trx, deps, ctx, prepared, row.id, now);
      return { row, admin };
    });
    ctx.scope.changed();
    return { street: present(row, 0, [admin]), admin, oneTimePassword: prepared.oneTimePassword };
  } catch (err) {
    // Two requests raced past the checks: which unique index refused says which answer.
    if (isUniqueViolation(err)) {
      await checkStreetFree(deps.db, fields);
      throw new AppError('account.duplicate_username');
    }
    throw err;
  }
}
