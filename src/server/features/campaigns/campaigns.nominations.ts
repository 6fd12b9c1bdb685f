/** 评选: a station nominates, withdraws a nomination; the institute decides (select / not select). */
import { randomUUID } from 'node:crypto';
import type { z } from 'zod';
import { CAMPAIGN_KINDS, type CampaignKind, type DecisionInput, type NominationInput, type WithdrawNominationInput } from '../../../shared/campaigns';
import { chinaToday } from '../../../shared/china-time';
import { canNominate } from '../../../shared/rules/campaigns';
import { appendAudit } from '../../platform/audit';
import { isUniqueViolation } from '../../platform/db';
import type { Ctx, Deps } from '../../platform/deps';
import { AppError, notFound } from '../../platform/errors';
import { whoOf } from '../../platform/session';
import { canUseFile } from '../files/files.service';
import { presentNomination } from './campaigns.presenter';
import * as q from './campaigns.queries';
import { campaignFor } from './campaigns.service';

async function viewOf(deps: Deps, id: string) {
  const r = await q.getNomination(deps.db, id);
  if (!r) throw notFound();
  return presentNomination(r);
}

function checkSubject(kind: CampaignKind, input: NominationInput) {
  const household = CAMPAIGN_KINDS[kind].subject === 'household';
  const ok = household ? input.address && input.members && !input.gender && !input.ageBand : input.gender && input.ageBand && !input.address && !input.members;
  if (!ok) throw new AppError('campaigns.wrong_subject');
}

export async function nominate(deps: Deps, ctx: Ctx, campaignId: string, input: NominationInput) {
  const c = await campaignFor(deps, ctx, campaignId);
  const tree = await ctx.scope.require('campaigns.nominate', input.stationId);
  const station = tree.nodes.get(input.stationId);
  if (station?.kind !== 'station' || tree.instituteOf(input.stationId) !== c.institute_id) throw new AppError('campaigns.bad_station');
  const now = deps.clock.now();
  if (!canNominate({ status: c.status, nominateFrom: c.nominate_from, nominateUntil: c.nominate_until }, chinaToday(now))) {
    throw new AppError('campaigns.not_nominating');
  }
  checkSubject(c.kind as CampaignKind, input);
  for (const f of input.photoFileIds) if (!(await canUseFile(deps, ctx, f))) throw new AppError('campaigns.bad_photo');
  const id = randomUUID();
  await deps.db.transaction().execute(async (trx) => {
    // The quota is counted inside the transaction that inserts, after locking the campaign row (PostgreSQL; SQLite's one
    // connection already runs transactions one at a time): two stations' staff pressing 提名 at once cannot both take the last place.
    if (c.quota_per_station !== null) {
      await q.lockCampaign(trx, c.id, deps.dialect === 'postgres');
      if ((await q.liveNominationsAtStation(trx, c.id, input.stationId)) >= Number(c.quota_per_station)) throw new AppError('campaigns.quota_full');
    }
    await q.insertNomination(trx, {
      id,
      campaign_id: c.id,
      station_id: input.stationId,
      nominee_name: input.nomineeName,
      address: input.address ?? null,
      members: input.members ?? null,
      gender: input.gender ?? null,
      age_band: input.ageBand ?? null,
      deeds: input.deeds,
      evidence: input.evidence,
      photo_file_ids: JSON.stringify(input.photoFileIds),
      consent_recorded_by: input.consentRecordedBy,
      consent_on: input.consentOn,
      created_by: ctx.actor.accountId,
      created_by_name: ctx.actor.displayName,
      created_at: now.toISOString(),
    });
    await appendAudit(trx, deps.config.keys.audit, now, whoOf(ctx), {
      action: 'campaigns.nominated',
      objectType: 'campaign_nomination',
      objectId: id,
      unitId: input.stationId,
      changes: {
        campaignId: { before: null, after: c.id },
        nomineeName: { before: null, after: input.nomineeName },
        consentRecordedBy: { before: null, after: input.consentRecordedBy },
        photos: { before: null, after: input.photoFileIds.length },
      },
    });
  });
  return viewOf(deps, id);
}

/** The nomination and its campaign, 404 unless the caller reads both. */
async function nominationFor(deps: Deps, ctx: Ctx, id: string) {
  const n = await q.getNomination(deps.db, id);
  if (!n) throw notFound();
  const c = await campaignFor(deps, ctx, n.campaign_id);
  if (!(await ctx.scope.can('campaigns.read', n.station_id)) && !(await ctx.scope.can('campaigns.manage', c.institute_id))) throw notFound();
  return { n, c };
}

/** Turns the unique index's refusal (a second row at the same moment) into the stable code. */
async function once(code: 'campaigns.already_withdrawn' | 'campaigns.already_decided', run: () => Promise<void>) {
  try {
    await run();
  } catch (err) {
    if (isUniqueViolation(err)) throw new AppError(code);
    throw err;
  }
}

export async function withdrawNomination(deps: Deps, ctx: Ctx, id: string, input: z.infer<typeof WithdrawNominationInput>) {
  const { n, c } = await nominationFor(deps, ctx, id);
  await ctx.scope.require('campaigns.nominate', n.station_id);
  if (c.status !== 'open') throw new AppError('campaigns.not_open');
  if (n.withdrawn_at) throw new AppError('campaigns.already_withdrawn');
  const now = deps.clock.now();
  await once('campaigns.already_withdrawn', () =>
    deps.db.transaction().execute(async (trx) => {
      await q.insertWithdrawal(trx, {
        id: randomUUID(),
        nomination_id: id,
        reason: input.reason,
        by_account: ctx.actor.accountId,
        by_name: ctx.actor.displayName,
        created_at: now.toISOString(),
      });
      await appendAudit(trx, deps.config.keys.audit, now, whoOf(ctx), {
        action: 'campaigns.withdrawn',
        objectType: 'campaign_nomination',
        objectId: id,
        unitId: n.station_id,
        changes: { withdrawn: { before: null, after: input.reason } },
      });
    }),
  );
  return viewOf(deps, id);
}

export async function decideNomination(deps: Deps, ctx: Ctx, id: string, input: z.infer<typeof DecisionInput>) {
  const { n, c } = await nominationFor(deps, ctx, id);
  await ctx.scope.require('campaigns.manage', c.institute_id);
  if (c.status !== 'open') throw new AppError('campaigns.not_open');
  if (n.withdrawn_at) throw new AppError('campaigns.already_withdrawn');
  if (n.decided_at) throw new AppError('campaigns.already_decided');
  const now = deps.clock.now();
  await once('campaigns.already_decided', () =>
    deps.db.transaction().execute(async (trx) => {
      await q.insertDecision(trx, {
        id: randomUUID(),
        nomination_id: id,
        selected: input.selected ? 1 : 0,
        reason: input.reason,
        by_account: ctx.actor.accountId,
        by_name: ctx.actor.displayName,
        created_at: now.toISOString(),
      });
      await appendAudit(trx, deps.config.keys.audit, now, whoOf(ctx), {
        action: 'campaigns.decided',
        objectType: 'campaign_nomination',
        objectId: id,
        unitId: c.institute_id,
        changes: { selected: { before: null, after: input.selected }, reason: { before: null, after: input.reason } },
      });
    }),
  );
  return viewOf(deps, id);
}
