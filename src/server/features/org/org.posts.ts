import { randomUUID } from 'node:crypto';
import { maskPhone } from '../../../shared/mask';
import type { z } from 'zod';
import type { PageQuery } from '../../../shared/common';
import { type PostInput, type PostKind, type PostView, type StaffingQuery, type StaffingView, postFitsUnit, staffingStatus } from '../../../shared/org';
import type { PostsTable } from '../../db/schema';
import { appendAudit, diffFields } from '../../platform/audit';
import type { Ctx, Deps } from '../../platform/deps';
import { AppError, notFound } from '../../platform/errors';
import { whoOf } from '../../platform/session';
import * as q from './org.queries';

type Page = z.infer<typeof PageQuery>;

/** Posts (岗位任职) on a unit, and the staffing check the plan makes of its 工作人员 posts. */

function presentPost(r: PostsTable): PostView {
  return {
    id: r.id,
    unitId: r.unit_id,
    post: r.post as PostKind,
    holderName: r.holder_name,
    title: r.title,
    phoneMasked: maskPhone(r.phone),
    sort: Number(r.sort),
  };
}

export async function listPosts(deps: Deps, ctx: Ctx, unitId: string, query: Page) {
  await ctx.scope.require('org.read', unitId);
  const { page, pageSize } = query;
  const { rows, total } = await q.pagePosts(deps.db, unitId, { limit: pageSize, offset: (page - 1) * pageSize });
  return { items: rows.map(presentPost), total, page, pageSize };
}

const POST_FIELDS = ['post', 'holder_name', 'title', 'phone', 'sort'] as const;

export async function createPost(deps: Deps, ctx: Ctx, unitId: string, input: PostInput) {
  const tree = await ctx.scope.require('org.edit', unitId);
  const kind = tree.nodes.get(unitId)?.kind;
  if (!kind || !postFitsUnit(input.post, kind)) throw new AppError('org.post_not_for_unit');
  const now = deps.clock.now();
  const row: PostsTable = {
    id: randomUUID(),
    unit_id: unitId,
    post: input.post,
    holder_name: input.holderName,
    title: input.title ?? null,
    phone: input.phone ?? null,
    sort: input.sort ?? 0,
    created_at: now.toISOString(),
    updated_at: now.toISOString(),
  };
  await deps.db.transaction().execute(async (trx) => {
    await q.insertPost(trx, row);
    await appendAudit(trx, deps.config.keys.audit, now, whoOf(ctx), {
      action: 'org.post_created',
      objectType: 'post',
      objectId: row.id,
      unitId,
      changes: diffFields(null, { ...row, phone: maskPhone(row.phone) }, [...POST_FIELDS]),
    });
  });
  return presentPost(row);
}

async function requirePost(deps: Deps, ctx: Ctx, id: string) {
  const post = await q.getPost(deps.db, id);
  if (!post) throw notFound();
  const tree = await ctx.scope.require('org.edit', post.unit_id);
  return { post, tree };
}

export async function updatePost(deps: Deps, ctx: Ctx, id: string, input: PostInput) {
  const { post, tree } = await requirePost(deps, ctx, id);
  const kind = tree.nodes.get(post.unit_id)?.kind;
  if (!kind || !postFitsUnit(input.post, kind)) throw new AppError('org.post_not_for_unit');
  const now = deps.clock.now();
  const after: PostsTable = {
    ...post,
    post: input.post,
    holder_name: input.holderName,
    title: input.title ?? null,
    phone: input.phone === undefined ? post.phone : input.phone,
    sort: input.sort ?? post.sort,
    updated_at: now.toISOString(),
  };
  const changes = diffFields({ ...post, phone: maskPhone(post.phone) }, { ...after, phone: maskPhone(after.phone) }, [...POST_FIELDS]);
  await deps.db.transaction().execute(async (trx) => {
    await q.updatePost(trx, id, after);
    await appendAudit(trx, deps.config.keys.audit, now, whoOf(ctx), {
      action: 'org.post_updated',
      objectType: 'post',
      objectId: id,
      unitId: post.unit_id,
      changes,
    });
  });
  return presentPost(after);
}

export async function deletePost(deps: Deps, ctx: Ctx, id: string) {
  const { post } = await requirePost(deps, ctx, id);
  const now = deps.clock.now();
  await deps.db.transaction().execute(async (trx) => {
    await q.deletePost(trx, id);
    await appendAudit(trx, deps.config.keys.audit, now, whoOf(ctx), {
      action: 'org.post_deleted',
      objectType: 'post',
      objectId: id,
      unitId: post.unit_id,
      changes: diffFields({ ...post, phone: maskPhone(post.phone) }, null, [...POST_FIELDS]),
    });
  });
  return { ok: true as const };
}

/**
 * The plan's staffing rule (二、(二)3) for the active institutes and stations in scope, a page at a
 * time (or one unit's line), with each institute's current numbers.
 */
export async function staffing(deps: Deps, ctx: Ctx, query: z.infer<typeof StaffingQuery>) {
  const { page, pageSize, unitId } = query;
  if (unitId) await ctx.scope.require('org.read', unitId);
  const ids = unitId ? [unitId] : [...(await ctx.scope.units('org.read'))];
  const { rows, total } = await q.pageStaffedUnits(deps.db, ids, { limit: pageSize, offset: (page - 1) * pageSize });
  const counts = new Map(
    (
      await q.countStaffPosts(
        deps.db,
        rows.map((u) => u.id),
      )
    ).map((r) => [r.unit_id, Number(r.n)]),
  );
  const items: StaffingView[] = [];
  for (const u of rows) {
    const rules = await ctx.scope.rulesOf(u.id);
    const required = u.kind === 'institute' ? rules['staffing.institute'] : rules['staffing.station'];
    const actual = counts.get(u.id) ?? 0;
    items.push({ unitId: u.id, unitName: u.name, kind: u.kind, required, actual, status: staffingStatus(actual, required.min, required.max) });
  }
  return { items, total, page, pageSize };
}
