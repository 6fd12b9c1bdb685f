/** 成果展示: listing, reading, creating and editing items (drafts and withdrawn ones). */
import { randomUUID } from 'node:crypto';
import type { z } from 'zod';
import {
  SHOWCASE_KINDS,
  SHOWCASE_MEDIA_MIMES,
  type ShowcaseInput,
  type ShowcaseItemView,
  type ShowcaseKind,
  type ShowcaseListQuery,
  type ShowcasePersonInput,
  type ShowcaseUpdate,
} from '../../../shared/showcase';
import type { ShowcaseItemsTable } from '../../db/schema';
import type { UnitTree } from '../../platform/access';
import { appendAudit } from '../../platform/audit';
import type { DbOrTrx } from '../../platform/db';
import type { Ctx, Deps } from '../../platform/deps';
import { AppError, notFound } from '../../platform/errors';
import { whoOf } from '../../platform/session';
import { activitiesForShowcase } from '../activities/activities.lookup';
import { fileInfosByIds } from '../files/files.lookup';
import { canUseFile } from '../files/files.service';
import { programmeUnitOf } from '../programmes/programmes.lookup';
import { type FileInfo, mediaOf, presentItem } from './showcase.presenter';
import * as q from './showcase.queries';

/** Items with their people, files and withdrawals, in a fixed number of queries. */
export async function viewsOf(db: DbOrTrx, rows: q.ShowcaseRow[]): Promise<ShowcaseItemView[]> {
  const ids = rows.map((r) => r.id);
  const people = await q.peopleOf(db, ids);
  const withdrawals = await q.latestWithdrawals(db, ids);
  const files = await filesOf(db, rows);
  return rows.map((r) =>
    presentItem(
      r,
      people.filter((p) => p.item_id === r.id),
      files,
      withdrawals.get(r.id),
    ),
  );
}

export async function filesOf(db: DbOrTrx, rows: q.ShowcaseRow[]): Promise<Map<string, FileInfo>> {
  const infos = await fileInfosByIds(db, [...new Set(rows.flatMap((r) => mediaOf(r).map((m) => m.fileId)))]);
  return new Map(infos.map((f) => [f.id, f]));
}

export async function listShowcase(deps: Deps, ctx: Ctx, query: z.infer<typeof ShowcaseListQuery>) {
  const units = await ctx.scope.units('showcase.read');
  const { rows, total } = await q.listItems(
    deps.db,
    [...units],
    { kind: query.kind, status: query.status },
    { offset: (query.page - 1) * query.pageSize, limit: query.pageSize },
  );
  return { items: await viewsOf(deps.db, rows), total, page: query.page, pageSize: query.pageSize };
}

/** The item, 404 unless the caller reads its unit. */
export async function itemFor(deps: Deps, ctx: Ctx, id: string) {
  const row = await q.getItem(deps.db, id);
  if (!row) throw notFound();
  await ctx.scope.require('showcase.read', row.unit_id);
  return row;
}

export async function getShowcase(deps: Deps, ctx: Ctx, id: string): Promise<ShowcaseItemView> {
  const [view] = await viewsOf(deps.db, [await itemFor(deps, ctx, id)]);
  if (!view) throw notFound();
  return view;
}

type Content = Omit<ShowcaseUpdate, 'people'>;

/** The kind's media rules, the files' types and the caller's right to use them, the activity and the programme. */
async function checkContent(deps: Deps, ctx: Ctx, tree: UnitTree, unitId: string, kind: ShowcaseKind, input: Content, known: Set<string>) {
  const rule = SHOWCASE_KINDS[kind];
  const ids = input.media.map((m) => m.fileId);
  if (ids.length < rule.min || ids.length > rule.max || new Set(ids).size !== ids.length) throw new AppError('showcase.bad_media');
  const all = [...ids, ...(input.coverFileId ? [input.coverFileId] : [])];
  const infos = new Map((await fileInfosByIds(deps.db, all)).map((f) => [f.id, f]));
  const allowed: readonly string[] = SHOWCASE_MEDIA_MIMES[rule.media];
  for (const id of ids) if (!allowed.includes(infos.get(id)?.mime ?? '')) throw new AppError('showcase.bad_media');
  if (input.coverFileId && !SHOWCASE_MEDIA_MIMES.image.includes(infos.get(input.coverFileId)?.mime as 'image/png')) {
    throw new AppError('showcase.bad_media');
  }
  for (const id of all) if (!known.has(id) && !(await canUseFile(deps, ctx, id))) throw new AppError('showcase.bad_media');
  if (kind === 'featured') {
    if (!input.activityId) throw new AppError('showcase.bad_activity');
    const [a] = await activitiesForShowcase(deps.db, [input.activityId]);
    if (!a || !tree.subtree(unitId).includes(a.unitId)) throw new AppError('showcase.bad_activity');
  }
  if (kind === 'brand' && input.programmeId) {
    const p = await programmeUnitOf(deps.db, input.programmeId);
    if (!p || !(tree.ancestry(unitId).includes(p.unitId) || tree.subtree(unitId).includes(p.unitId))) throw new AppError('showcase.bad_programme');
  }
}

function contentRow(kind: ShowcaseKind, input: Content, at: string) {
  return {
    title: input.title,
    description: input.description ?? null,
    cover_file_id: input.coverFileId,
    media: JSON.stringify(input.media.map((m) => ({ fileId: m.fileId, caption: m.caption ?? null }))),
    activity_id: kind === 'featured' ? input.activityId : null,
    programme_id: kind === 'brand' ? input.programmeId : null,
    sort: input.sort,
    featured: input.featured ? 1 : 0,
    updated_at: at,
  };
}

async function addPeople(trx: DbOrTrx, ctx: Ctx, itemId: string, people: ShowcasePersonInput[], at: string) {
  await q.insertPeople(
    trx,
    people.map((p, position) => ({
      id: randomUUID(),
      item_id: itemId,
      position,
      name: p.name,
      kind: p.kind,
      masked: p.masked ? 1 : 0,
      consent_recorded_by: p.consent?.recordedBy ?? null,
      consent_on: p.consent?.on ?? null,
      consent_scope: p.consent?.scope ?? null,
      created_by: ctx.actor.accountId,
      created_at: at,
    })),
  );
}

export async function createShowcase(deps: Deps, ctx: Ctx, input: ShowcaseInput): Promise<ShowcaseItemView> {
  const tree = await ctx.scope.require('showcase.manage', input.unitId);
  const unitKind = tree.nodes.get(input.unitId)?.kind;
  if (unitKind !== 'institute' && unitKind !== 'station') throw new AppError('showcase.bad_unit');
  await checkContent(deps, ctx, tree, input.unitId, input.kind, input, new Set());
  const now = deps.clock.now();
  const at = now.toISOString();
  const id = randomUUID();
  const row: ShowcaseItemsTable = {
    id,
    unit_id: input.unitId,
    kind: input.kind,
    ...contentRow(input.kind, input, at),
    status: 'draft',
    published_at: null,
    created_by: ctx.actor.accountId,
    created_at: at,
  };
  await deps.db.transaction().execute(async (trx) => {
    await q.insertItem(trx, row);
    await addPeople(trx, ctx, id, input.people, at);
    await appendAudit(trx, deps.config.keys.audit, now, whoOf(ctx), {
      action: 'showcase.created',
      objectType: 'showcase_item',
      objectId: id,
      unitId: input.unitId,
      changes: { kind: { before: null, after: input.kind }, title: { before: null, after: input.title }, people: { before: null, after: input.people.length } },
    });
  });
  return getShowcase(deps, ctx, id);
}

/** Edits a draft or withdrawn item; the people list, when changed, is replaced (removals are rows). */
export async function updateShowcase(deps: Deps, ctx: Ctx, id: string, input: ShowcaseUpdate): Promise<ShowcaseItemView> {
  const row = await itemFor(deps, ctx, id);
  const tree = await ctx.scope.require('showcase.manage', row.unit_id);
  if (row.status === 'published') throw new AppError('showcase.not_editable');
  const kind = row.kind as ShowcaseKind;
  const known = new Set([...mediaOf(row).map((m) => m.fileId), ...(row.cover_file_id ? [row.cover_file_id] : [])]);
  await checkContent(deps, ctx, tree, row.unit_id, kind, input, known);
  const now = deps.clock.now();
  const at = now.toISOString();
  await deps.db.transaction().execute(async (trx) => {
    if (!(await q.updateItem(trx, id, row.status, contentRow(kind, input, at)))) throw new AppError('showcase.not_editable');
    const current = await q.peopleOf(trx, [id]);
    await q.removePeople(
      trx,
      current.map((p) => p.id),
      ctx.actor.accountId,
      at,
    );
    await addPeople(trx, ctx, id, input.people, at);
    await appendAudit(trx, deps.config.keys.audit, now, whoOf(ctx), {
      action: 'showcase.updated',
      objectType: 'showcase_item',
      objectId: id,
      unitId: row.unit_id,
      changes: { title: { before: row.title, after: input.title }, people: { before: current.length, after: input.people.length } },
    });
  });
  return getShowcase(deps, ctx, id);
}
