/** 新闻: writing, editing, listing, publishing and withdrawing a unit's news. */
import { randomUUID } from 'node:crypto';
import type { z } from 'zod';
import type { NewsInput, NewsListQuery, NewsUpdateInput, NewsView } from '../../../shared/news';
import type { NewsItemsTable } from '../../db/schema';
import { appendAudit, diffFields } from '../../platform/audit';
import type { Ctx, Deps } from '../../platform/deps';
import { AppError, notFound } from '../../platform/errors';
import { whoOf } from '../../platform/session';
import { activitiesForPlanItems } from '../activities/activities.lookup';
import { canUseFile } from '../files/files.service';
import { programmeUnitOf } from '../programmes/programmes.lookup';
import { presentSummary } from './news.presenter';
import * as q from './news.queries';
import { hasContent, imageFileIds, sanitizeNewsBody } from './news.sanitize';

export async function listNews(deps: Deps, ctx: Ctx, query: z.infer<typeof NewsListQuery>) {
  const units = [...(await ctx.scope.units('news.read'))];
  const { rows, total } = await q.listNews(
    deps.db,
    { unitIds: units, unitId: query.unitId, category: query.category, status: query.status, submission: query.submission, q: query.q },
    { offset: (query.page - 1) * query.pageSize, limit: query.pageSize },
  );
  const latest = await q.latestSubmissions(
    deps.db,
    rows.map((r) => r.id),
  );
  return { items: rows.map((r) => presentSummary(r, latest.get(r.id))), total, page: query.page, pageSize: query.pageSize };
}

/** The item, 404 unless the caller reads its unit. */
export async function newsFor(deps: Deps, ctx: Ctx, id: string) {
  const n = await q.getNews(deps.db, id);
  if (!n) throw notFound();
  await ctx.scope.require('news.read', n.unit_id);
  return n;
}

/** The item to change as its unit's admin (404 outside scope, 403 for a role that never writes). */
export async function newsToWrite(deps: Deps, ctx: Ctx, id: string) {
  const n = await q.getNews(deps.db, id);
  if (!n) throw notFound();
  await ctx.scope.require('news.read', n.unit_id);
  await ctx.scope.require('news.write', n.unit_id);
  return n;
}

export async function getNews(deps: Deps, ctx: Ctx, id: string): Promise<NewsView> {
  const n = await newsFor(deps, ctx, id);
  const history = await q.submissionsOf(deps.db, n.id);
  const activity = n.activity_id ? (await activitiesForPlanItems(deps.db, [n.activity_id]))[0] : undefined;
  const programme = n.programme_id ? await programmeUnitOf(deps.db, n.programme_id) : null;
  return {
    ...presentSummary(n, history.at(-1)),
    body: n.body_html,
    activityId: n.activity_id,
    activityTitle: activity?.title ?? null,
    programmeId: n.programme_id,
    programmeName: programme?.name ?? null,
    publishedByName: n.published_by_name,
    withdrawnAt: n.withdrawn_at,
    withdrawReason: n.withdraw_reason,
    createdByName: n.created_by_name,
    submissions: history.map((s) => ({ status: s.status, reason: s.reason, byName: s.by_name, at: s.created_at })),
    canEdit: await ctx.scope.can('news.write', n.unit_id),
    canReview: await ctx.scope.can('news.review', n.unit_id),
  };
}

/** The written fields, checked: body sanitised, images and cover ours to use, links within the unit's institute. */
async function writtenFields(deps: Deps, ctx: Ctx, unitId: string, input: NewsUpdateInput) {
  const body = sanitizeNewsBody(input.body);
  if (!hasContent(body)) throw new AppError('news.empty_body');
  const images = imageFileIds(body);
  for (const f of [...images, ...(input.coverFileId ? [input.coverFileId] : [])]) {
    if (!(await canUseFile(deps, ctx, f))) throw new AppError('news.bad_file');
  }
  const tree = await ctx.scope.tree();
  const institute = tree.instituteOf(unitId) ?? unitId;
  const family = new Set(tree.subtree(institute));
  if (input.activityId) {
    const a = (await activitiesForPlanItems(deps.db, [input.activityId]))[0];
    if (!a || !family.has(a.unit_id)) throw new AppError('news.bad_link');
  }
  if (input.programmeId) {
    const p = await programmeUnitOf(deps.db, input.programmeId);
    if (!p || !family.has(p.unitId)) throw new AppError('news.bad_link');
  }
  return {
    title: input.title,
    category: input.category,
    body_html: body,
    summary: input.summary ?? null,
    cover_file_id: input.coverFileId,
    image_file_ids: JSON.stringify(images),
    activity_id: input.activityId,
    programme_id: input.programmeId,
  } satisfies Partial<NewsItemsTable>;
}

export async function createNews(deps: Deps, ctx: Ctx, input: NewsInput) {
  const tree = await ctx.scope.require('news.write', input.unitId);
  const kind = tree.nodes.get(input.unitId)?.kind;
  if (kind !== 'institute' && kind !== 'station') throw notFound();
  const fields = await writtenFields(deps, ctx, input.unitId, input);
  const now = deps.clock.now().toISOString();
  const id = randomUUID();
  await deps.db.transaction().execute(async (trx) => {
    await q.insertNews(trx, {
      id,
      unit_id: input.unitId,
      ...fields,
      status: 'draft',
      published_at: null,
      published_by: null,
      published_by_name: null,
      withdrawn_at: null,
      withdraw_reason: null,
      created_by: ctx.actor.accountId,
      created_by_name: ctx.actor.displayName,
      created_at: now,
      updated_at: now,
    });
    await appendAudit(trx, deps.config.keys.audit, deps.clock.now(), whoOf(ctx), {
      action: 'news.created',
      objectType: 'news',
      objectId: id,
      unitId: input.unitId,
      changes: { title: { before: null, after: input.title }, category: { before: null, after: input.category } },
    });
  });
  return getNews(deps, ctx, id);
}

/** Editing is allowed in every status; a published item's edit is audited like any other, with what changed. */
export async function updateNews(deps: Deps, ctx: Ctx, id: string, input: NewsUpdateInput) {
  const n = await newsToWrite(deps, ctx, id);
  const fields = await writtenFields(deps, ctx, n.unit_id, input);
  const changes = diffFields<Partial<NewsItemsTable>>(n, fields, ['title', 'category', 'body_html', 'summary', 'cover_file_id', 'activity_id', 'programme_id']);
  if (changes.body_html) changes.body_html = { before: `${n.body_html.length} 字符`, after: `${fields.body_html.length} 字符` };
  const now = deps.clock.now();
  await deps.db.transaction().execute(async (trx) => {
    await q.updateNews(trx, id, { ...fields, updated_at: now.toISOString() });
    await appendAudit(trx, deps.config.keys.audit, now, whoOf(ctx), {
      action: n.status === 'published' ? 'news.edited_published' : 'news.edited',
      objectType: 'news',
      objectId: id,
      unitId: n.unit_id,
      changes,
    });
  });
  return getNews(deps, ctx, id);
}

export async function publishNews(deps: Deps, ctx: Ctx, id: string) {
  const n = await newsToWrite(deps, ctx, id);
  if (n.status === 'published') throw new AppError('news.already_published');
  const now = deps.clock.now();
  await deps.db.transaction().execute(async (trx) => {
    const moved = await q.moveStatus(trx, id, ['draft', 'withdrawn'], {
      status: 'published',
      published_at: now.toISOString(),
      published_by: ctx.actor.accountId,
      published_by_name: ctx.actor.displayName,
      withdrawn_at: null,
      withdraw_reason: null,
      updated_at: now.toISOString(),
    });
    if (!moved) throw new AppError('news.already_published');
    await appendAudit(trx, deps.config.keys.audit, now, whoOf(ctx), {
      action: 'news.published',
      objectType: 'news',
      objectId: id,
      unitId: n.unit_id,
      changes: { status: { before: n.status, after: 'published' } },
    });
  });
  return getNews(deps, ctx, id);
}

export async function withdrawNews(deps: Deps, ctx: Ctx, id: string, reason: string) {
  const n = await newsToWrite(deps, ctx, id);
  if (n.status !== 'published') throw new AppError('news.not_published');
  const now = deps.clock.now();
  await deps.db.transaction().execute(async (trx) => {
    const moved = await q.moveStatus(trx, id, ['published'], {
      status: 'withdrawn',
      withdrawn_at: now.toISOString(),
      withdraw_reason: reason,
      updated_at: now.toISOString(),
    });
    if (!moved) throw new AppError('news.not_published');
    await appendAudit(trx, deps.config.keys.audit, now, whoOf(ctx), {
      action: 'news.withdrawn',
      objectType: 'news',
      objectId: id,
      unitId: n.unit_id,
      changes: { status: { before: 'published', after: 'withdrawn' }, reason: { before: null, after: reason } },
    });
  });
  return getNews(deps, ctx, id);
}
