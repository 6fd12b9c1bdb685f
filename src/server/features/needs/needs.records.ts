/** 群众需求信息采集: recording a need, listing them, and withdrawing a mistaken record (never editing it). */
import { randomUUID } from 'node:crypto';
import type { z } from 'zod';
import { chinaToday } from '../../../shared/china-time';
import type { NeedsListQuery, NeedsRecordInput, NeedsRecordView, WithdrawNeedsInput } from '../../../shared/needs';
import { appendAudit } from '../../platform/audit';
import type { Ctx, Deps } from '../../platform/deps';
import { isUniqueViolation } from '../../platform/db';
import { AppError, notFound } from '../../platform/errors';
import { whoOf } from '../../platform/session';
import { isServedRecipientAt, servedRecipientNames } from '../care/care.links';
import { presentRecord } from './needs.presenter';
import * as q from './needs.queries';

/** The stations whose records the caller reads, narrowed to one station if asked (out of scope → 404). */
export async function readableStations(ctx: Ctx, stationId?: string): Promise<string[]> {
  if (stationId) {
    await ctx.scope.require('needs.read', stationId);
    return [stationId];
  }
  return [...(await ctx.scope.units('needs.read'))];
}

/** `YYYY-MM` → its first and last day. */
export function monthRange(month?: string): { from?: string; to?: string } {
  if (!month) return {};
  // Days are compared as text: `-31` is past the last day of every month.
  return { from: `${month}-01`, to: `${month}-31` };
}

export async function presentAll(deps: Deps, ctx: Ctx, rows: q.RecordRow[]): Promise<NeedsRecordView[]> {
  const names = await servedRecipientNames(
    deps.db,
    ctx,
    rows.map((r) => r.care_recipient_id).filter((id): id is string => !!id),
  );
  const writable = new Map<string, boolean>();
  for (const s of new Set(rows.map((r) => r.station_id))) writable.set(s, await ctx.scope.can('needs.record', s));
  return rows.map((r) => presentRecord(r, r.care_recipient_id ? (names.get(r.care_recipient_id) ?? null) : null, writable.get(r.station_id) ?? false));
}

export async function listRecords(deps: Deps, ctx: Ctx, query: z.infer<typeof NeedsListQuery>) {
  const stationIds = await readableStations(ctx, query.stationId);
  const { rows, total } = await q.listRecords(
    deps.db,
    { stationIds, category: query.category, ...monthRange(query.month), withdrawn: query.withdrawn === undefined ? false : query.withdrawn === 'true' },
    { offset: (query.page - 1) * query.pageSize, limit: query.pageSize },
  );
  return { items: await presentAll(deps, ctx, rows), total, page: query.page, pageSize: query.pageSize };
}

async function viewOf(deps: Deps, ctx: Ctx, id: string): Promise<NeedsRecordView> {
  const r = await q.getRecord(deps.db, id);
  if (!r) throw notFound();
  return (await presentAll(deps, ctx, [r]))[0];
}

export async function recordNeeds(deps: Deps, ctx: Ctx, input: z.infer<typeof NeedsRecordInput>) {
  const tree = await ctx.scope.require('needs.record', input.stationId);
  if (tree.nodes.get(input.stationId)?.kind !== 'station') throw new AppError('needs.bad_station');
  const now = deps.clock.now();
  if (input.collectedOn > chinaToday(now)) throw new AppError('needs.future_date');
  if (input.careRecipientId && !(await isServedRecipientAt(deps.db, ctx, input.careRecipientId, input.stationId))) {
    throw new AppError('needs.recipient_not_found');
  }
  const id = randomUUID();
  await deps.db.transaction().execute(async (trx) => {
    await q.insertRecord(trx, {
      id,
      station_id: input.stationId,
      collected_on: input.collectedOn,
      method: input.method,
      place: input.place,
      collector_id: ctx.actor.accountId,
      collector_name: ctx.actor.displayName,
      respondent_name: input.respondentName,
      respondent_phone: input.respondentPhone ?? null,
      care_recipient_id: input.careRecipientId ?? null,
      category: input.category,
      description: input.description,
      people: input.people,
      created_at: now.toISOString(),
    });
    await appendAudit(trx, deps.config.keys.audit, now, whoOf(ctx), {
      action: 'needs.recorded',
      objectType: 'needs_record',
      objectId: id,
      unitId: input.stationId,
      changes: {
        collectedOn: { before: null, after: input.collectedOn },
        method: { before: null, after: input.method },
        category: { before: null, after: input.category },
        people: { before: null, after: input.people },
        ...(input.careRecipientId ? { careRecipientId: { before: null, after: input.careRecipientId } } : {}),
      },
    });
  });
  return viewOf(deps, ctx, id);
}

export async function withdrawRecord(deps: Deps, ctx: Ctx, id: string, input: z.infer<typeof WithdrawNeedsInput>) {
  const r = await q.getRecord(deps.db, id);
  if (!r) throw notFound();
  await ctx.scope.require('needs.record', r.station_id);
  if (r.withdrawn_at) throw new AppError('needs.already_withdrawn');
  const now = deps.clock.now();
  // The unique index on record_id makes a second withdrawal at the same moment fail whole.
  await withdrawOnce(async () =>
    deps.db.transaction().execute(async (trx) => {
      await q.insertWithdrawal(trx, {
        id: randomUUID(),
        record_id: id,
        reason: input.reason,
        by_account: ctx.actor.accountId,
        by_name: ctx.actor.displayName,
        created_at: now.toISOString(),
      });
      await appendAudit(trx, deps.config.keys.audit, now, whoOf(ctx), {
        action: 'needs.withdrawn',
        objectType: 'needs_record',
        objectId: id,
        unitId: r.station_id,
        changes: { withdrawn: { before: null, after: input.reason } },
      });
    }),
  );
  return viewOf(deps, ctx, id);
}

async function withdrawOnce(run: () => Promise<void>) {
  try {
    await run();
  } catch (err) {
    if (isUniqueViolation(err)) throw new AppError('needs.already_withdrawn');
    throw err;
  }
}
