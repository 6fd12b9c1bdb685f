import { randomUUID } from 'node:crypto';
import type { z } from 'zod';
import { type CreateUnitInput, PARENT_KIND, type UnitListQuery, type UnitView, type UpdateUnitInput } from '../../../shared/org';
import type { UnitsTable } from '../../db/schema';
import { appendAudit, diffFields } from '../../platform/audit';
import { isUniqueViolation } from '../../platform/db';
import type { Ctx, Deps } from '../../platform/deps';
import { AppError, notFound } from '../../platform/errors';
import { markOrgChanged } from '../../platform/scope';
import { whoOf } from '../../platform/session';
import * as q from './org.queries';

/** Units: the district, its institutes and their stations — reading them in scope, adding, editing, archiving. */

export function presentUnit(r: UnitsTable): UnitView {
  return {
    id: r.id,
    kind: r.kind,
    name: r.name,
    shortName: r.short_name,
    parentId: r.parent_id,
    address: r.address,
    lng: r.lng === null ? null : Number(r.lng),
    lat: r.lat === null ? null : Number(r.lat),
    phone: r.phone,
    intro: r.intro,
    sort: Number(r.sort),
    archived: Boolean(r.archived),
    updatedAt: r.updated_at,
  };
}

const UNIT_FIELDS = ['name', 'short_name', 'address', 'lng', 'lat', 'phone', 'intro', 'sort', 'archived'] as const;

export async function listUnits(deps: Deps, ctx: Ctx, query: z.infer<typeof UnitListQuery>) {
  const unitIds = await ctx.scope.units('org.read');
  const { page, pageSize } = query;
  const { rows, total } = await q.pageUnits(
    deps.db,
    [...unitIds],
    { kind: query.kind, parentId: query.parentId, q: query.q, includeArchived: query.includeArchived === 'true' },
    { limit: pageSize, offset: (page - 1) * pageSize },
  );
  return { items: rows.map(presentUnit), total, page, pageSize };
}

export async function getUnit(deps: Deps, ctx: Ctx, id: string) {
  await ctx.scope.require('org.read', id);
  const row = await q.getUnit(deps.db, id);
  if (!row) throw notFound();
  return presentUnit(row);
}

/** The institute admin adds a station (or, at district level, an institute). Names are unique among siblings. */
export async function createUnit(deps: Deps, ctx: Ctx, input: CreateUnitInput) {
  const tree = await ctx.scope.require('org.create_unit', input.parentId);
  if (tree.nodes.get(input.parentId)?.kind !== PARENT_KIND[input.kind]) throw new AppError('org.bad_parent');
  if (await q.findSiblingByName(deps.db, input.parentId, input.name)) throw new AppError('org.duplicate_name');
  const now = deps.clock.now();
  const row: UnitsTable = {
    id: randomUUID(),
    kind: input.kind,
    parent_id: input.parentId,
    name: input.name,
    short_name: input.shortName ?? null,
    address: input.address ?? null,
    lng: input.lng ?? null,
    lat: input.lat ?? null,
    phone: input.phone ?? null,
    intro: input.intro ?? null,
    sort: input.sort ?? 0,
    archived: 0,
    created_at: now.toISOString(),
    updated_at: now.toISOString(),
  };
  try {
    await deps.db.transaction().execute(async (trx) => {
      await q.insertUnit(trx, row);
      await markOrgChanged(trx);
      await appendAudit(trx, deps.config.keys.audit, now, whoOf(ctx), {
        action: 'org.unit_created',
        objectType: 'unit',
        objectId: row.id,
        unitId: row.id,
        changes: diffFields(null, row, [...UNIT_FIELDS]),
      });
    });
  } catch (err) {
    if (isUniqueViolation(err)) throw new AppError('org.duplicate_name');
    throw err;
  }
  ctx.scope.changed();
  return presentUnit(row);
}

export async function updateUnit(deps: Deps, ctx: Ctx, id: string, input: UpdateUnitInput) {
  await ctx.scope.require('org.edit', id);
  const before = await q.getUnit(deps.db, id);
  if (!before) throw notFound();
  // Archiving removes a unit from the structure: only whoever may create it may do that.
  if (input.archived !== undefined && input.archived !== Boolean(before.archived)) {
    if (!before.parent_id) throw new AppError('access.denied');
    await ctx.scope.require('org.create_unit', before.parent_id);
    if (input.archived && Number((await q.countActiveChildren(deps.db, id)).n) > 0) throw new AppError('org.has_children');
  }
  const name = input.name ?? before.name;
  if (name !== before.name && (await q.findSiblingByName(deps.db, before.parent_id, name, id))) throw new AppError('org.duplicate_name');
  const now = deps.clock.now();
  const patch: Partial<UnitsTable> = {
    ...(input.name !== undefined && { name: input.name }),
    ...(input.shortName !== undefined && { short_name: input.shortName }),
    ...(input.address !== undefined && { address: input.address }),
    ...(input.lng !== undefined && { lng: input.lng }),
    ...(input.lat !== undefined && { lat: input.lat }),
    ...(input.phone !== undefined && { phone: input.phone }),
    ...(input.intro !== undefined && { intro: input.intro }),
    ...(input.sort !== undefined && { sort: input.sort }),
    ...(input.archived !== undefined && { archived: input.archived ? 1 : 0 }),
  };
  const after = { ...before, ...patch };
  const changes = diffFields(before, after, [...UNIT_FIELDS]);
  if (Object.keys(changes).length === 0) return presentUnit(before);
  try {
    await deps.db.transaction().execute(async (trx) => {
      await q.updateUnit(trx, id, { ...patch, updated_at: now.toISOString() });
      await markOrgChanged(trx);
      await appendAudit(trx, deps.config.keys.audit, now, whoOf(ctx), { action: 'org.unit_updated', objectType: 'unit', objectId: id, unitId: id, changes });
    });
  } catch (err) {
    if (isUniqueViolation(err)) throw new AppError('org.duplicate_name');
    throw err;
  }
  ctx.scope.changed();
  return presentUnit({ ...after, updated_at: now.toISOString() });
}
