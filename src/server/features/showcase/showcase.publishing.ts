/** 成果展示: publishing (consent first), withdrawing with a reason, and what the portal shows. */
import { randomUUID } from 'node:crypto';
import type { z } from 'zod';
import { lacksConsent, type PublicShowcaseQuery, type ShowcaseActivity, type WithdrawShowcaseInput } from '../../../shared/showcase';
import { appendAudit } from '../../platform/audit';
import type { Ctx, Deps } from '../../platform/deps';
import { AppError, notFound } from '../../platform/errors';
import { whoOf } from '../../platform/session';
import { activitiesForShowcase } from '../activities/activities.lookup';
import { readPublishedFile } from '../files/files.service';
import { presentPerson, presentPublicItem } from './showcase.presenter';
import * as q from './showcase.queries';
import { filesOf, getShowcase, itemFor } from './showcase.service';

/**
 * 条例 第二十一条: a volunteer's information is not published without consent. Every person the
 * item shows has a consent record (who recorded it, when, for what) or is shown masked.
 */
export async function publishShowcase(deps: Deps, ctx: Ctx, id: string) {
  const row = await itemFor(deps, ctx, id);
  await ctx.scope.require('showcase.manage', row.unit_id);
  if (row.status === 'published') throw new AppError('showcase.already_published');
  const people = await q.peopleOf(deps.db, [id]);
  if (people.map(presentPerson).some(lacksConsent)) throw new AppError('showcase.consent_missing');
  const now = deps.clock.now();
  await deps.db.transaction().execute(async (trx) => {
    if (!(await q.moveStatus(trx, id, row.status, 'published', now.toISOString()))) throw new AppError('showcase.already_published');
    await appendAudit(trx, deps.config.keys.audit, now, whoOf(ctx), {
      action: 'showcase.published',
      objectType: 'showcase_item',
      objectId: id,
      unitId: row.unit_id,
      changes: { status: { before: row.status, after: 'published' } },
    });
  });
  return getShowcase(deps, ctx, id);
}

export async function withdrawShowcase(deps: Deps, ctx: Ctx, id: string, input: z.infer<typeof WithdrawShowcaseInput>) {
  const row = await itemFor(deps, ctx, id);
  await ctx.scope.require('showcase.manage', row.unit_id);
  if (row.status !== 'published') throw new AppError('showcase.not_published');
  const now = deps.clock.now();
  await deps.db.transaction().execute(async (trx) => {
    if (!(await q.moveStatus(trx, id, 'published', 'withdrawn', now.toISOString()))) throw new AppError('showcase.not_published');
    await q.insertWithdrawal(trx, {
      id: randomUUID(),
      item_id: id,
      reason: input.reason,
      by_account: ctx.actor.accountId,
      by_name: ctx.actor.displayName,
      created_at: now.toISOString(),
    });
    await appendAudit(trx, deps.config.keys.audit, now, whoOf(ctx), {
      action: 'showcase.withdrawn',
      objectType: 'showcase_item',
      objectId: id,
      unitId: row.unit_id,
      changes: { status: { before: 'published', after: 'withdrawn' }, reason: { before: null, after: input.reason } },
    });
  });
  return getShowcase(deps, ctx, id);
}

/** Published items of every unit, for anyone. */
export async function publicShowcase(deps: Deps, query: z.infer<typeof PublicShowcaseQuery>) {
  const { rows, total } = await q.listItems(
    deps.db,
    null,
    { kind: query.kind, status: 'published' },
    { offset: (query.page - 1) * query.pageSize, limit: query.pageSize },
  );
  const people = await q.peopleOf(
    deps.db,
    rows.map((r) => r.id),
  );
  const files = await filesOf(deps.db, rows);
  const activities = new Map<string, ShowcaseActivity>(
    (
      await activitiesForShowcase(
        deps.db,
        rows.flatMap((r) => (r.activity_id ? [r.activity_id] : [])),
      )
    ).map((a) => [a.id, a]),
  );
  const items = rows.map((r) =>
    presentPublicItem(
      r,
      people.filter((p) => p.item_id === r.id),
      files,
      r.activity_id ? (activities.get(r.activity_id) ?? null) : null,
    ),
  );
  return { items, total, page: query.page, pageSize: query.pageSize };
}

/** A file of a published item (cover, media, or its 精品活动's summary photo); anything else is 404. */
export async function readPublicShowcaseFile(deps: Deps, fileId: string) {
  if (!(await q.isPublishedItemFile(deps.db, fileId))) {
    const activities = await activitiesForShowcase(deps.db, await q.publishedActivityIds(deps.db));
    if (!activities.some((a) => a.photos.includes(fileId))) throw notFound();
  }
  return readPublishedFile(deps, fileId);
}
