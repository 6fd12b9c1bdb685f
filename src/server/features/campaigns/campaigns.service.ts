/** 评选: creating a campaign, listing them, and one campaign as its reader may see it. */
import { randomUUID } from 'node:crypto';
import type { z } from 'zod';
import type { CampaignInput, CampaignListQuery, CampaignView } from '../../../shared/campaigns';
import { chinaToday } from '../../../shared/china-time';
import { canNominate } from '../../../shared/rules/campaigns';
import { appendAudit } from '../../platform/audit';
import type { Ctx, Deps } from '../../platform/deps';
import { AppError, notFound } from '../../platform/errors';
import { whoOf } from '../../platform/session';
import { activeUnitsAmong } from '../org/org.lookup';
import { presentNomination, presentObjection, presentSummary } from './campaigns.presenter';
import * as q from './campaigns.queries';

export async function listCampaigns(deps: Deps, ctx: Ctx, query: z.infer<typeof CampaignListQuery>) {
  const units = await ctx.scope.units('campaigns.read');
  const tree = await ctx.scope.tree();
  const institutes = [...units].filter((u) => tree.nodes.get(u)?.kind === 'institute');
  const { rows, total } = await q.listCampaigns(deps.db, institutes, query.year, { offset: (query.page - 1) * query.pageSize, limit: query.pageSize });
  return { items: rows.map((r) => presentSummary(r, Number(r.nominations ?? 0))), total, page: query.page, pageSize: query.pageSize };
}

export async function createCampaign(deps: Deps, ctx: Ctx, input: CampaignInput) {
  const tree = await ctx.scope.require('campaigns.manage', input.instituteId);
  if (tree.nodes.get(input.instituteId)?.kind !== 'institute') throw notFound();
  const now = deps.clock.now();
  const id = randomUUID();
  await deps.db.transaction().execute(async (trx) => {
    await q.insertCampaign(trx, {
      id,
      institute_id: input.instituteId,
      year: input.year,
      kind: input.kind,
      title: input.title,
      criteria: input.criteria,
      criteria_items: JSON.stringify(input.criteriaItems),
      nominate_from: input.nominateFrom,
      nominate_until: input.nominateUntil,
      quota_per_station: input.quotaPerStation,
      status: 'open',
      published_at: null,
      notice_ends_on: null,
      finalised_at: null,
      created_by: ctx.actor.accountId,
      created_at: now.toISOString(),
    });
    await appendAudit(trx, deps.config.keys.audit, now, whoOf(ctx), {
      action: 'campaigns.created',
      objectType: 'campaign',
      objectId: id,
      unitId: input.instituteId,
      changes: {
        year: { before: null, after: input.year },
        kind: { before: null, after: input.kind },
        title: { before: null, after: input.title },
        window: { before: null, after: `${input.nominateFrom}~${input.nominateUntil}` },
      },
    });
  });
  return getCampaign(deps, ctx, id);
}

/** The campaign, 404 unless the caller reads its institute. */
export async function campaignFor(deps: Deps, ctx: Ctx, id: string) {
  const c = await q.getCampaign(deps.db, id);
  if (!c) throw notFound();
  await ctx.scope.require('campaigns.read', c.institute_id);
  return c;
}

export async function getCampaign(deps: Deps, ctx: Ctx, id: string): Promise<CampaignView> {
  const c = await campaignFor(deps, ctx, id);
  const tree = await ctx.scope.tree();
  const canManage = await ctx.scope.can('campaigns.manage', c.institute_id);
  const readable = await ctx.scope.units('campaigns.read');
  const all = await q.nominationsOf(deps.db, [c.id]);
  const visible = canManage ? all : all.filter((n) => readable.has(n.station_id));
  const live = visible.filter((n) => !n.withdrawn_at);
  const withdrawn = visible.filter((n) => n.withdrawn_at);
  const today = chinaToday(deps.clock.now());
  const open = canNominate({ status: c.status, nominateFrom: c.nominate_from, nominateUntil: c.nominate_until }, today);
  const stationIds: string[] = [];
  if (open && ctx.scope.hasRole('campaigns.nominate')) {
    const mine = await ctx.scope.units('campaigns.nominate');
    for (const s of tree.subtree(c.institute_id)) if (tree.nodes.get(s)?.kind === 'station' && mine.has(s)) stationIds.push(s);
  }
  const nominateStations = (await activeUnitsAmong(deps.db, stationIds)).map((u) => ({ id: u.id, name: u.name }));
  return {
    ...presentSummary(c, all.filter((n) => !n.withdrawn_at).length),
    criteria: c.criteria,
    criteriaItems: JSON.parse(c.criteria_items) as string[],
    publishedAt: c.published_at,
    finalisedAt: c.finalised_at,
    nominationList: [...live, ...withdrawn].map(presentNomination),
    objections: canManage ? (await q.objectionsOf(deps.db, c.id)).map(presentObjection) : [],
    canManage,
    nominateStations,
  };
}

/** The campaign to change as its institute's admin, still open (before 公示). */
export async function openCampaignToManage(deps: Deps, ctx: Ctx, id: string) {
  const c = await campaignFor(deps, ctx, id);
  await ctx.scope.require('campaigns.manage', c.institute_id);
  if (c.status !== 'open') throw new AppError('campaigns.not_open');
  return c;
}
