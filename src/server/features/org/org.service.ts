import { randomUUID } from 'node:crypto';
import type { z } from 'zod';
import { maskPhone } from '../../../shared/mask';
import {
  type CreateUnitInput,
  type LeadingGroupMemberInput,
  type LeadingGroupMemberView,
  PARENT_KIND,
  type PostInput,
  type PostKind,
  type PostView,
  type StaffingView,
  type UnitListQuery,
  type UnitView,
  type UpdateUnitInput,
  postFitsUnit,
  staffingStatus,
} from '../../../shared/org';
import type { LeadingGroupMembersTable, PostsTable, UnitsTable } from '../../db/schema';
import { appendAudit, diffFields } from '../../platform/audit';
import { isUniqueViolation } from '../../platform/db';
import type { Ctx, Deps } from '../../platform/deps';
import { AppError, notFound } from '../../platform/errors';
import { markOrgChanged } from '../../platform/scope';
import { whoOf } from '../../platform/session';
import * as q from './org.queries';

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

function presentMember(r: LeadingGroupMembersTable): LeadingGroupMemberView {
  return { id: r.id, unitId: r.unit_id, name: r.name, groupRole: r.group_role, title: r.title, duty: r.duty, sort: Number(r.sort) };
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

export async function listPosts(deps: Deps, ctx: Ctx, unitId: string) {
  await ctx.scope.require('org.read', unitId);
  return { items: (await q.listPosts(deps.db, [unitId])).map(presentPost) };
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

/** The plan's staffing rule (二、(二)3) for every unit in scope, with the institute's current numbers. */
export async function staffing(deps: Deps, ctx: Ctx): Promise<{ items: StaffingView[] }> {
  const unitIds = await ctx.scope.units('org.read');
  const tree = await ctx.scope.tree();
  const units = (await q.listUnits(deps.db, [...unitIds], { includeArchived: false })).filter((u) => u.kind !== 'district');
  const counts = new Map(
    (
      await q.countStaffPosts(
        deps.db,
        units.map((u) => u.id),
      )
    ).map((r) => [r.unit_id, Number(r.n)]),
  );
  const items: StaffingView[] = [];
  for (const u of units) {
    if (!tree.instituteOf(u.id)) continue;
    const rules = await ctx.scope.rulesOf(u.id);
    const required = u.kind === 'institute' ? rules['staffing.institute'] : rules['staffing.station'];
    const actual = counts.get(u.id) ?? 0;
    items.push({ unitId: u.id, unitName: u.name, kind: u.kind, required, actual, status: staffingStatus(actual, required.min, required.max) });
  }
  return { items };
}

async function requireInstitute(ctx: Ctx, unitId: string, action: 'org.read' | 'org.edit') {
  const tree = await ctx.scope.require(action, unitId);
  if (tree.nodes.get(unitId)?.kind !== 'institute') throw new AppError('org.leading_group_institute_only');
}

export async function listLeadingGroup(deps: Deps, ctx: Ctx, unitId: string) {
  await requireInstitute(ctx, unitId, 'org.read');
  return { items: (await q.listLeadingGroup(deps.db, unitId)).map(presentMember) };
}

const MEMBER_FIELDS = ['name', 'group_role', 'title', 'duty', 'sort'] as const;

export async function addLeadingGroupMember(deps: Deps, ctx: Ctx, unitId: string, input: LeadingGroupMemberInput) {
  await requireInstitute(ctx, unitId, 'org.edit');
  const now = deps.clock.now();
  const row: LeadingGroupMembersTable = {
    id: randomUUID(),
    unit_id: unitId,
    name: input.name,
    group_role: input.groupRole,
    title: input.title ?? null,
    duty: input.duty ?? null,
    sort: input.sort ?? 0,
    created_at: now.toISOString(),
    updated_at: now.toISOString(),
  };
  await deps.db.transaction().execute(async (trx) => {
    await q.insertLeadingGroupMember(trx, row);
    await appendAudit(trx, deps.config.keys.audit, now, whoOf(ctx), {
      action: 'org.leading_group_member_created',
      objectType: 'leading_group_member',
      objectId: row.id,
      unitId,
      changes: diffFields(null, row, [...MEMBER_FIELDS]),
    });
  });
  return presentMember(row);
}

async function requireMember(deps: Deps, ctx: Ctx, id: string) {
  const member = await q.getLeadingGroupMember(deps.db, id);
  if (!member) throw notFound();
  await ctx.scope.require('org.edit', member.unit_id);
  return member;
}

export async function updateLeadingGroupMember(deps: Deps, ctx: Ctx, id: string, input: LeadingGroupMemberInput) {
  const member = await requireMember(deps, ctx, id);
  const now = deps.clock.now();
  const after: LeadingGroupMembersTable = {
    ...member,
    name: input.name,
    group_role: input.groupRole,
    title: input.title ?? null,
    duty: input.duty ?? null,
    sort: input.sort ?? member.sort,
    updated_at: now.toISOString(),
  };
  await deps.db.transaction().execute(async (trx) => {
    await q.updateLeadingGroupMember(trx, id, after);
    await appendAudit(trx, deps.config.keys.audit, now, whoOf(ctx), {
      action: 'org.leading_group_member_updated',
      objectType: 'leading_group_member',
      objectId: id,
      unitId: member.unit_id,
      changes: diffFields(member, after, [...MEMBER_FIELDS]),
    });
  });
  return presentMember(after);
}

export async function removeLeadingGroupMember(deps: Deps, ctx: Ctx, id: string) {
  const member = await requireMember(deps, ctx, id);
  const now = deps.clock.now();
  await deps.db.transaction().execute(async (trx) => {
    await q.deleteLeadingGroupMember(trx, id);
    await appendAudit(trx, deps.config.keys.audit, now, whoOf(ctx), {
      action: 'org.leading_group_member_deleted',
      objectType: 'leading_group_member',
      objectId: id,
      unitId: member.unit_id,
      changes: diffFields(member, null, [...MEMBER_FIELDS]),
    });
  });
  return { ok: true as const };
}

/** What anyone may see: the names, addresses and phones of the institute and its stations. */
export async function publicDirectory(deps: Deps, query: { page: number; pageSize: number }) {
  const { page, pageSize } = query;
  const { rows, total } = await q.pagePublicUnits(deps.db, { limit: pageSize, offset: (page - 1) * pageSize });
  return {
    items: rows.map((r) => ({
      id: r.id,
      kind: r.kind,
      name: r.name,
      shortName: r.short_name,
      parentId: r.parent_id,
      address: r.address,
      phone: r.phone,
      lng: r.lng === null ? null : Number(r.lng),
      lat: r.lat === null ? null : Number(r.lat),
    })),
    total,
    page,
    pageSize,
  };
}

export async function publicSite(deps: Deps) {
  const rows = await q.listPublicUnits(deps.db);
  const district = rows.find((r) => r.kind === 'district');
  const institutes = rows
    .filter((r) => r.kind === 'institute')
    .map((r) => ({
      id: r.id,
      name: r.name,
      shortName: r.short_name,
      address: r.address,
      phone: r.phone,
      intro: r.intro,
      stationCount: rows.filter((s) => s.kind === 'station' && s.parent_id === r.id).length,
    }));
  return { district: district ? { name: district.name } : null, institutes };
}
