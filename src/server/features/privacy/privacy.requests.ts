import { randomUUID } from 'node:crypto';
import { ERASED_NAME } from '../../../shared/privacy-labels';
import type { PrivacyDecisionInput, PrivacyRequestInput, PrivacyRequestView } from '../../../shared/privacy';
import { appendAudit } from '../../platform/audit';
import { isUniqueViolation } from '../../platform/db';
import type { Ctx, Deps } from '../../platform/deps';
import { AppError, notFound } from '../../platform/errors';
import { whoOf } from '../../platform/session';
import { closeLoginsOfPerson } from '../accounts/accounts.erasure';
import { anonymiseRequester } from '../orders/orders.erasure';
import { anonymisePerson } from '../volunteers/volunteers.erasure';
import { volunteerOfPerson } from '../volunteers/volunteers.lookup';
import * as q from './privacy.queries';

function present(r: q.RequestRow, forStaff: boolean): PrivacyRequestView {
  return {
    id: r.id,
    status: r.decision ?? 'open',
    reason: r.reason,
    requestedAt: r.created_at,
    unitId: r.unit_id,
    unitName: r.unit_name,
    personName: forStaff ? r.person_name : null,
    decidedAt: r.decided_at,
    decidedBy: r.decided_by,
    decisionReason: r.decision_reason,
  };
}

/** Whose admins process the person's request: their volunteer station, else the unit of their resident (or other) grant. */
async function unitOfRequester(deps: Deps, ctx: Ctx): Promise<string> {
  const v = await volunteerOfPerson(deps.db, ctx.actor.personId);
  const unitId = v?.station_id ?? (await ctx.scope.me()).residentUnitIds[0] ?? ctx.actor.grants[0]?.unitId;
  if (!unitId) throw new AppError('privacy.no_unit');
  return unitId;
}

export async function myRequests(deps: Deps, ctx: Ctx) {
  return { items: (await q.requestsOfPerson(deps.db, ctx.actor.personId)).map((r) => present(r, false)) };
}

/** The person asks for deletion (PIPL 47). One open request at a time: a second is 409, also when two race (unique round). */
export async function requestDeletion(deps: Deps, ctx: Ctx, input: PrivacyRequestInput): Promise<PrivacyRequestView> {
  const unitId = await unitOfRequester(deps, ctx);
  const mine = await q.requestsOfPerson(deps.db, ctx.actor.personId);
  if (mine.some((r) => r.decision === null)) throw new AppError('privacy.request_open');
  const id = randomUUID();
  const now = deps.clock.now();
  try {
    await deps.db.transaction().execute(async (trx) => {
      await q.insertRequest(trx, {
        id,
        person_id: ctx.actor.personId,
        unit_id: unitId,
        round: mine.length + 1,
        kind: 'deletion',
        reason: input.reason ?? null,
        requested_by: ctx.actor.accountId,
        created_at: now.toISOString(),
      });
      await appendAudit(trx, deps.config.keys.audit, now, whoOf(ctx), {
        action: 'privacy.deletion_requested',
        objectType: 'privacy_request',
        objectId: id,
        unitId,
      });
    });
  } catch (err) {
    if (isUniqueViolation(err)) throw new AppError('privacy.request_open');
    throw err;
  }
  const row = await q.getRequest(deps.db, id);
  if (!row) throw notFound();
  return present(row, false);
}

export async function listRequests(deps: Deps, ctx: Ctx, query: { status: 'open' | 'closed' | 'all' }) {
  const units = await ctx.scope.units('privacy.process');
  return { items: (await q.requestsOfUnits(deps.db, [...units], query.status)).map((r) => present(r, true)) };
}

/**
 * Staff decide once (the decision's key is the request). Approval anonymises the person in the same
 * transaction: people, volunteer record, orders they placed, their logins and sessions. Ledgers keep
 * their rows, which now point to 已注销用户.
 */
export async function decideRequest(deps: Deps, ctx: Ctx, id: string, input: PrivacyDecisionInput): Promise<PrivacyRequestView> {
  const row = await q.getRequest(deps.db, id);
  if (!row) throw notFound();
  await ctx.scope.require('privacy.process', row.unit_id);
  if (row.person_id === ctx.actor.personId) throw new AppError('privacy.self_decision');
  if (row.decision) throw new AppError('privacy.already_decided');
  const now = deps.clock.now();
  const at = now.toISOString();
  const decision = input.decision === 'approve' ? 'approved' : 'rejected';
  try {
    await deps.db.transaction().execute(async (trx) => {
      await q.insertDecision(trx, {
        request_id: id,
        decision,
        reason: input.reason ?? null,
        by_account: ctx.actor.accountId,
        by_name: ctx.actor.displayName,
        created_at: at,
      });
      let logins = 0;
      if (decision === 'approved') {
        await anonymisePerson(trx, row.person_id, ERASED_NAME, at);
        await anonymiseRequester(trx, row.person_id, ERASED_NAME, at);
        logins = await closeLoginsOfPerson(trx, row.person_id, ERASED_NAME, at);
      }
      await appendAudit(trx, deps.config.keys.audit, now, whoOf(ctx), {
        action: decision === 'approved' ? 'privacy.deletion_approved' : 'privacy.deletion_rejected',
        objectType: 'person',
        objectId: row.person_id,
        unitId: row.unit_id,
        changes: {
          request: { before: null, after: id },
          decision: { before: 'open', after: decision },
          ...(input.reason ? { reason: { before: null, after: input.reason } } : {}),
          ...(decision === 'approved' ? { loginsClosed: { before: 0, after: logins } } : {}),
        },
      });
    });
  } catch (err) {
    if (isUniqueViolation(err)) throw new AppError('privacy.already_decided');
    throw err;
  }
  const after = await q.getRequest(deps.db, id);
  if (!after) throw notFound();
  return present(after, true);
}
