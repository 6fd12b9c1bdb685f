/** 表彰: awards to volunteers and teams, their certificate, and revocation by a counter-row. */
import { randomBytes, randomUUID } from 'node:crypto';
import { chinaDay } from '../../../shared/china-time';
import type { AwardView, GiveAwardInput } from '../../../shared/recognition';
import type { RecognitionAwardsTable } from '../../db/schema';
import { appendAudit } from '../../platform/audit';
import type { Ctx, Deps } from '../../platform/deps';
import { AppError, notFound } from '../../platform/errors';
import { whoOf } from '../../platform/session';
import { recordAward } from '../hours/hours.training';
import { teamById } from '../teams/teams.lookup';
import { volunteerById } from '../volunteers/volunteers.lookup';
import { renderAwardPdf } from './recognition.pdf';
import * as q from './recognition.queries';

function newNumber(year: string): string {
  const alphabet = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
  return `BZ${year}-${Array.from(randomBytes(8), (b) => alphabet[b % 32]).join('')}`;
}

export function presentAward(r: q.AwardRow): AwardView {
  return {
    id: r.id,
    number: r.number,
    recipientKind: r.recipient_kind,
    volunteerId: r.volunteer_id,
    teamId: r.team_id,
    recipientName: r.recipient_name,
    unitId: r.unit_id,
    unitName: r.unit_name,
    title: r.title,
    level: r.level,
    grantedBy: r.granted_by,
    awardedOn: r.awarded_on,
    reason: r.reason,
    createdAt: r.created_at,
    revoked: Boolean(r.revoked_at),
    revokedAt: r.revoked_at,
    revokeReason: r.revoke_reason,
    pdfUrl: `/api/recognition/awards/${r.id}/pdf`,
  };
}

/** Whom the award goes to: the volunteer's station or the team's unit decides whose staff may give it. */
async function recipientOf(deps: Deps, input: GiveAwardInput) {
  if (input.volunteerId) {
    const v = await volunteerById(deps.db, input.volunteerId);
    if (!v) throw notFound();
    return { kind: 'volunteer' as const, unitId: v.station_id, name: v.name, volunteer: v, teamId: null };
  }
  const t = await teamById(deps.db, input.teamId as string);
  if (!t) throw notFound();
  return { kind: 'team' as const, unitId: t.unit_id, name: t.name, volunteer: null, teamId: t.id };
}

/**
 * Gives an award. One given to a volunteer is also written on their service record (办法 第九条)
 * through hours, in the same transaction, and they are told.
 */
export async function giveAward(deps: Deps, ctx: Ctx, input: GiveAwardInput): Promise<AwardView> {
  if (!ctx.scope.hasRole('recognition.manage')) throw new AppError('access.denied');
  const to = await recipientOf(deps, input);
  await ctx.scope.require('recognition.manage', to.unitId);
  const now = deps.clock.now();
  const row: RecognitionAwardsTable = {
    id: randomUUID(),
    number: newNumber(input.awardedOn.slice(0, 4)),
    recipient_kind: to.kind,
    volunteer_id: to.volunteer?.id ?? null,
    team_id: to.teamId,
    unit_id: to.unitId,
    recipient_name: to.name,
    title: input.title,
    level: input.level,
    granted_by: input.grantedBy,
    awarded_on: input.awardedOn,
    reason: input.reason,
    created_by: ctx.actor.accountId,
    created_at: now.toISOString(),
  };
  await deps.db.transaction().execute(async (trx) => {
    await q.insertAward(trx, row);
    if (to.volunteer) {
      await recordAward(trx, {
        volunteerId: to.volunteer.id,
        personId: to.volunteer.person_id,
        name: input.title,
        level: input.level,
        issuer: input.grantedBy,
        awardedOn: input.awardedOn,
        enteredBy: ctx.actor.accountId,
        now,
      });
    }
    await appendAudit(trx, deps.config.keys.audit, now, whoOf(ctx), {
      action: 'recognition.award_given',
      objectType: 'recognition_award',
      objectId: row.id,
      unitId: to.unitId,
      changes: { title: { before: null, after: input.title }, recipient: { before: null, after: to.name } },
    });
  });
  return presentAward((await q.getAward(deps.db, row.id)) as q.AwardRow);
}

function yearRange(year?: string) {
  return year ? { from: `${year}-01-01`, to: `${Number(year) + 1}-01-01` } : {};
}

export async function listAwards(deps: Deps, ctx: Ctx, query: { year?: string; volunteerId?: string; page: number; pageSize: number }) {
  const unitIds = [...(await ctx.scope.units('recognition.read'))];
  const { rows, total } = await q.pageAwards(
    deps.db,
    { unitIds, ...yearRange(query.year), volunteerId: query.volunteerId },
    { limit: query.pageSize, offset: (query.page - 1) * query.pageSize },
  );
  return { items: rows.map(presentAward), total, page: query.page, pageSize: query.pageSize };
}

/** The certificate: the volunteer awarded, or staff who read the award's unit; never once revoked. */
export async function awardPdf(deps: Deps, ctx: Ctx, id: string, baseUrl: string) {
  const a = await q.getAward(deps.db, id);
  if (!a) throw notFound();
  const mine = a.volunteer_id !== null && (await ctx.scope.me()).volunteer?.id === a.volunteer_id;
  if (!mine && !(await ctx.scope.can('recognition.read', a.unit_id))) throw notFound();
  if (a.revoked_at) throw new AppError('recognition.revoked');
  const pdf = await renderAwardPdf({
    number: a.number,
    recipientName: a.recipient_name,
    recipientKind: a.recipient_kind,
    title: a.title,
    level: a.level,
    reason: a.reason,
    grantedBy: a.granted_by,
    awardedOn: a.awarded_on,
    verifyUrl: `${baseUrl}/honours?number=${encodeURIComponent(a.number)}`,
  });
  return { pdf, number: a.number, day: chinaDay(new Date(a.created_at)) };
}

export async function revokeAward(deps: Deps, ctx: Ctx, id: string, reason: string): Promise<AwardView> {
  const a = await q.getAward(deps.db, id);
  if (!a) throw notFound();
  await ctx.scope.require('recognition.manage', a.unit_id);
  const now = deps.clock.now();
  await deps.db.transaction().execute(async (trx) => {
    const res = await q.insertRevocation(trx, { id: randomUUID(), award_id: id, reason, revoked_by: ctx.actor.accountId, revoked_at: now.toISOString() });
    if (Number(res?.numInsertedOrUpdatedRows ?? 0) !== 1) throw new AppError('recognition.revoked');
    await appendAudit(trx, deps.config.keys.audit, now, whoOf(ctx), {
      action: 'recognition.award_revoked',
      objectType: 'recognition_award',
      objectId: id,
      unitId: a.unit_id,
      changes: { revoked: { before: false, after: true }, reason: { before: null, after: reason } },
    });
  });
  return presentAward((await q.getAward(deps.db, id)) as q.AwardRow);
}
