import { randomUUID } from 'node:crypto';
import type { z } from 'zod';
import type { BrandInput, BrandView, ProgrammeInput, ProgrammeView, UpdateProgrammeInput } from '../../../shared/programmes';
import type { ProgrammesTable } from '../../db/schema';
import { appendAudit, diffFields } from '../../platform/audit';
import { isUniqueViolation } from '../../platform/db';
import type { Ctx, Deps } from '../../platform/deps';
import { AppError, notFound } from '../../platform/errors';
import { whoOf } from '../../platform/session';
import { canUseFile } from '../files/files.service';
import * as q from './programmes.queries';

function present(r: q.ProgrammeRow): ProgrammeView {
  return {
    id: r.id,
    unitId: r.unit_id,
    unitName: r.unit_name,
    block: r.block as ProgrammeView['block'],
    name: r.name,
    intro: r.intro,
    sort: Number(r.sort),
    archived: Boolean(r.archived),
    activityCount: Number(r.activity_count ?? 0),
  };
}

export async function listProgrammes(deps: Deps, ctx: Ctx, query: { page: number; pageSize: number; includeArchived?: 'true' | 'false' }) {
  // Staff by scope and the units above; volunteers and residents, their station's and grants' chain (POLICY `programmes.read`).
  const units = await ctx.scope.visibleUnits('programmes');
  const { page, pageSize } = query;
  const { rows, total } = await q.pageProgrammes(deps.db, [...units], query.includeArchived === 'true', { limit: pageSize, offset: (page - 1) * pageSize });
  return { items: rows.map(present), total, page, pageSize };
}

async function programmeById(deps: Deps, id: string): Promise<ProgrammeView> {
  const row = await q.programmeView(deps.db, id);
  if (!row) throw notFound();
  return present(row);
}

export async function createProgramme(deps: Deps, ctx: Ctx, input: z.infer<typeof ProgrammeInput>) {
  await ctx.scope.require('programmes.manage', input.unitId);
  if (await q.findProgrammeByName(deps.db, input.unitId, input.name)) throw new AppError('programmes.duplicate_name');
  const now = deps.clock.now();
  const row: ProgrammesTable = {
    id: randomUUID(),
    unit_id: input.unitId,
    block: input.block,
    name: input.name,
    intro: input.intro ?? null,
    sort: input.sort ?? 100,
    archived: 0,
    created_at: now.toISOString(),
    updated_at: now.toISOString(),
  };
  try {
    await deps.db.transaction().execute(async (trx) => {
      await q.insertProgramme(trx, row);
      await appendAudit(trx, deps.config.keys.audit, now, whoOf(ctx), {
        action: 'programmes.created',
        objectType: 'programme',
        objectId: row.id,
        unitId: row.unit_id,
        changes: diffFields(null, row, ['name', 'block', 'intro']),
      });
    });
  } catch (err) {
    if (isUniqueViolation(err)) throw new AppError('programmes.duplicate_name');
    throw err;
  }
  return programmeById(deps, row.id);
}

export async function updateProgramme(deps: Deps, ctx: Ctx, id: string, input: z.infer<typeof UpdateProgrammeInput>) {
  const before = await q.getProgramme(deps.db, id);
  if (!before) throw notFound();
  await ctx.scope.require('programmes.manage', before.unit_id);
  if (input.name && input.name !== before.name && (await q.findProgrammeByName(deps.db, before.unit_id, input.name)))
    throw new AppError('programmes.duplicate_name');
  const now = deps.clock.now();
  const patch: Partial<ProgrammesTable> = {
    ...(input.block !== undefined && { block: input.block }),
    ...(input.name !== undefined && { name: input.name }),
    ...(input.intro !== undefined && { intro: input.intro }),
    ...(input.sort !== undefined && { sort: input.sort }),
    ...(input.archived !== undefined && { archived: input.archived ? 1 : 0 }),
  };
  await deps.db.transaction().execute(async (trx) => {
    await q.updateProgramme(trx, id, { ...patch, updated_at: now.toISOString() });
    await appendAudit(trx, deps.config.keys.audit, now, whoOf(ctx), {
      action: 'programmes.updated',
      objectType: 'programme',
      objectId: id,
      unitId: before.unit_id,
      changes: diffFields(before, { ...before, ...patch }, ['name', 'block', 'intro', 'sort', 'archived']),
    });
  });
  return programmeById(deps, id);
}

function presentBrand(r: Awaited<ReturnType<typeof q.pageBrands>>['rows'][number]): BrandView {
  return {
    unitId: r.unit_id,
    unitName: r.unit_name,
    unitKind: r.unit_kind === 'institute' ? 'institute' : 'station',
    name: r.name,
    intro: r.intro,
    photoFileIds: JSON.parse(r.photo_file_ids),
    programmeId: r.programme_id,
    updatedAt: r.updated_at,
  };
}

/** 一所一品, 一社区一特色: every unit's brand, for the console and the public showcase. */
export async function listBrands(deps: Deps, query: { page: number; pageSize: number }) {
  const { page, pageSize } = query;
  const { rows, total } = await q.pageBrands(deps.db, {}, { limit: pageSize, offset: (page - 1) * pageSize });
  return { items: rows.map(presentBrand), total, page, pageSize };
}

export async function setBrand(deps: Deps, ctx: Ctx, unitId: string, input: z.infer<typeof BrandInput>) {
  const tree = await ctx.scope.require('programmes.manage', unitId);
  const kind = tree.nodes.get(unitId)?.kind;
  if (kind !== 'institute' && kind !== 'station') throw notFound();
  for (const f of input.photoFileIds) if (!(await canUseFile(deps, ctx, f))) throw new AppError('hours.evidence_missing');
  const now = deps.clock.now();
  await deps.db.transaction().execute(async (trx) => {
    await q.upsertBrand(trx, {
      unit_id: unitId,
      name: input.name,
      intro: input.intro ?? null,
      photo_file_ids: JSON.stringify(input.photoFileIds),
      programme_id: input.programmeId ?? null,
      updated_at: now.toISOString(),
      updated_by: ctx.actor.accountId,
    });
    await appendAudit(trx, deps.config.keys.audit, now, whoOf(ctx), {
      action: 'programmes.brand_set',
      objectType: 'brand',
      objectId: unitId,
      unitId,
      changes: { name: { before: null, after: input.name } },
    });
  });
  const { rows } = await q.pageBrands(deps.db, { unitId }, { limit: 1, offset: 0 });
  return presentBrand(rows[0]);
}
