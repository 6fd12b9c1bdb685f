import { randomUUID } from 'node:crypto';
import type { z } from 'zod';
import type { PageQuery } from '../../../shared/common';
import type { LeadingGroupMemberInput, LeadingGroupMemberView } from '../../../shared/org';
import type { LeadingGroupMembersTable } from '../../db/schema';
import { appendAudit, diffFields } from '../../platform/audit';
import type { Ctx, Deps } from '../../platform/deps';
import { AppError, notFound } from '../../platform/errors';
import { whoOf } from '../../platform/session';
import * as q from './org.queries';

/** The institute's leading group (领导小组, the plan's annex 1): only an institute has one. */

function presentMember(r: LeadingGroupMembersTable): LeadingGroupMemberView {
  return { id: r.id, unitId: r.unit_id, name: r.name, groupRole: r.group_role, title: r.title, duty: r.duty, sort: Number(r.sort) };
}

async function requireInstitute(ctx: Ctx, unitId: string, action: 'org.read' | 'org.edit') {
  const tree = await ctx.scope.require(action, unitId);
  if (tree.nodes.get(unitId)?.kind !== 'institute') throw new AppError('org.leading_group_institute_only');
}

export async function listLeadingGroup(deps: Deps, ctx: Ctx, unitId: string, query: z.infer<typeof PageQuery>) {
  await requireInstitute(ctx, unitId, 'org.read');
  const { page, pageSize } = query;
  const { rows, total } = await q.pageLeadingGroup(deps.db, unitId, { limit: pageSize, offset: (page - 1) * pageSize });
  return { items: rows.map(presentMember), total, page, pageSize };
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
