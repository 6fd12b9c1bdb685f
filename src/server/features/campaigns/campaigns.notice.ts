/** 评选's 公示: publishing the selected list, objections (filed by anyone, handled by the institute), finalising, the portal. */
import { randomUUID } from 'node:crypto';
import type { z } from 'zod';
import { CAMPAIGN_KINDS, type CampaignKind, type ObjectionInput, type PublicCampaign, type ResolveObjectionInput } from '../../../shared/campaigns';
import { chinaToday } from '../../../shared/china-time';
import { canObject, finaliseBlock, noticeEndsOn, publishBlock } from '../../../shared/rules/campaigns';
import { appendAudit } from '../../platform/audit';
import { isUniqueViolation } from '../../platform/db';
import type { Ctx, Deps } from '../../platform/deps';
import { AppError, notFound } from '../../platform/errors';
import { readRules } from '../../platform/scope';
import { whoOf } from '../../platform/session';
import { notify } from '../notifications/notifications.service';
import { inResult, presentObjection } from './campaigns.presenter';
import * as q from './campaigns.queries';
import { campaignFor, getCampaign, openCampaignToManage } from './campaigns.service';

export async function publishCampaign(deps: Deps, ctx: Ctx, id: string) {
  const c = await openCampaignToManage(deps, ctx, id);
  const now = deps.clock.now();
  const today = chinaToday(now);
  await deps.db.transaction().execute(async (trx) => {
    const live = (await q.nominationsOf(trx, [c.id])).filter((n) => !n.withdrawn_at);
    const block = publishBlock(live.map((n) => ({ decided: Boolean(n.decided_at), selected: Number(n.selected) === 1 })));
    if (block) throw new AppError(`campaigns.${block}`);
    const rules = await readRules(trx, c.institute_id);
    const ends = noticeEndsOn(today, rules['campaigns.noticeWorkingDays'], {
      holidays: rules['calendar.holidays'],
      makeupWorkdays: rules['calendar.makeupWorkdays'],
    });
    if (!(await q.moveStatus(trx, c.id, 'open', { status: 'notice', published_at: now.toISOString(), notice_ends_on: ends }))) {
      throw new AppError('campaigns.not_open');
    }
    await appendAudit(trx, deps.config.keys.audit, now, whoOf(ctx), {
      action: 'campaigns.published',
      objectType: 'campaign',
      objectId: c.id,
      unitId: c.institute_id,
      changes: {
        status: { before: 'open', after: 'notice' },
        noticeEndsOn: { before: null, after: ends },
        selected: { before: null, after: live.filter(inResult).length },
      },
    });
  });
  return getCampaign(deps, ctx, id);
}

export async function finaliseCampaign(deps: Deps, ctx: Ctx, id: string) {
  const c = await campaignFor(deps, ctx, id);
  await ctx.scope.require('campaigns.manage', c.institute_id);
  const now = deps.clock.now();
  await deps.db.transaction().execute(async (trx) => {
    const block = finaliseBlock({ status: c.status, noticeEndsOn: c.notice_ends_on }, chinaToday(now), await q.openObjections(trx, c.id));
    if (block) throw new AppError(`campaigns.${block}`);
    if (!(await q.moveStatus(trx, c.id, 'notice', { status: 'final', finalised_at: now.toISOString() }))) throw new AppError('campaigns.not_in_notice');
    const result = (await q.nominationsOf(trx, [c.id])).filter(inResult);
    await appendAudit(trx, deps.config.keys.audit, now, whoOf(ctx), {
      action: 'campaigns.finalised',
      objectType: 'campaign',
      objectId: c.id,
      unitId: c.institute_id,
      changes: { status: { before: 'notice', after: 'final' }, result: { before: null, after: result.map((n) => n.nominee_name).join('、') } },
    });
  });
  return getCampaign(deps, ctx, id);
}

export async function resolveObjection(deps: Deps, ctx: Ctx, id: string, input: z.infer<typeof ResolveObjectionInput>) {
  const o = await q.getObjection(deps.db, id);
  if (!o) throw notFound();
  const c = await campaignFor(deps, ctx, o.campaign_id);
  await ctx.scope.require('campaigns.manage', c.institute_id);
  if (o.resolved_at) throw new AppError('campaigns.already_resolved');
  const now = deps.clock.now();
  try {
    await deps.db.transaction().execute(async (trx) => {
      await q.insertResolution(trx, {
        id: randomUUID(),
        objection_id: id,
        upheld: input.upheld ? 1 : 0,
        reply: input.reply,
        by_account: ctx.actor.accountId,
        by_name: ctx.actor.displayName,
        created_at: now.toISOString(),
      });
      await appendAudit(trx, deps.config.keys.audit, now, whoOf(ctx), {
        action: input.upheld ? 'campaigns.objection_upheld' : 'campaigns.objection_dismissed',
        objectType: 'campaign_objection',
        objectId: id,
        unitId: c.institute_id,
        changes: { nominationId: { before: null, after: o.nomination_id }, reply: { before: null, after: input.reply } },
      });
    });
  } catch (err) {
    if (isUniqueViolation(err)) throw new AppError('campaigns.already_resolved');
    throw err;
  }
  const after = await q.getObjection(deps.db, id);
  if (!after) throw notFound();
  return presentObjection(after);
}

/** Anyone, without a session, during 公示: an objection to one nominee of the published list. */
export async function fileObjection(deps: Deps, meta: { ip: string; requestId: string }, campaignId: string, input: z.infer<typeof ObjectionInput>) {
  const c = await q.getCampaign(deps.db, campaignId);
  if (!c || c.status === 'open') throw notFound();
  const now = deps.clock.now();
  if (!canObject({ status: c.status, noticeEndsOn: c.notice_ends_on }, chinaToday(now))) throw new AppError('campaigns.objection_closed');
  const n = await q.getNomination(deps.db, input.nominationId);
  if (!n || n.campaign_id !== c.id || !inResult(n)) throw new AppError('campaigns.bad_nominee');
  const id = randomUUID();
  await deps.db.transaction().execute(async (trx) => {
    await q.insertObjection(trx, {
      id,
      campaign_id: c.id,
      nomination_id: n.id,
      name: input.name ?? null,
      contact: input.contact,
      content: input.content,
      created_at: now.toISOString(),
    });
    await appendAudit(
      trx,
      deps.config.keys.audit,
      now,
      { actorAccountId: null, actorName: '公众', ip: meta.ip, requestId: meta.requestId },
      {
        action: 'campaigns.objection_filed',
        objectType: 'campaign_objection',
        objectId: id,
        unitId: c.institute_id,
        changes: { nominationId: { before: null, after: n.id } },
      },
    );
    for (const admin of await q.unitAdmins(trx, c.institute_id)) {
      await notify(trx, now, admin.person_id, {
        kind: 'campaigns.objection',
        title: `评选公示收到异议：${c.title}`,
        body: `对象：${n.nominee_name}`,
        link: `/admin/campaigns/${c.id}`,
      });
    }
  });
  return { ok: true as const, message: '异议已收到，实践所将核实处理并与您联系' };
}

/** The portal: campaigns in 公示 and finalised results; names, stations and deeds only. */
export async function publicCampaigns(deps: Deps) {
  const campaigns = await q.publishedCampaigns(deps.db);
  const nominations = await q.nominationsOf(
    deps.db,
    campaigns.map((c) => c.id),
  );
  const today = chinaToday(deps.clock.now());
  const present = (c: (typeof campaigns)[number]): PublicCampaign => ({
    id: c.id,
    instituteName: c.institute_name,
    year: Number(c.year),
    kind: c.kind as CampaignKind,
    kindLabel: CAMPAIGN_KINDS[c.kind as CampaignKind].label,
    title: c.title,
    criteria: c.criteria,
    status: c.status === 'final' ? 'final' : 'notice',
    noticeEndsOn: c.notice_ends_on,
    objectionsOpen: canObject({ status: c.status, noticeEndsOn: c.notice_ends_on }, today),
    nominees: nominations
      .filter((n) => n.campaign_id === c.id && inResult(n))
      .map((n) => ({ id: n.id, name: n.nominee_name, stationName: n.station_name, deeds: n.deeds })),
  });
  return {
    notices: campaigns.filter((c) => c.status === 'notice').map(present),
    results: campaigns.filter((c) => c.status === 'final').map(present),
  };
}
