/**
 * Reading the ledger: a volunteer's own statement, staff's view of any volunteer in scope, the
 * volunteers' balances, a unit's ledger by month and kind (and its Excel), and `verify` — every
 * balance row equals the sum of its volunteer's entries, and issued − spent − expired = balance.
 */
import { chinaMonthEnd, chinaMonthStart } from '../../../shared/china-time';
import { POINT_KINDS, type PointKind, type PointsVerifyView } from '../../../shared/points';
import { appendAudit } from '../../platform/audit';
import type { DbOrTrx } from '../../platform/db';
import type { Ctx, Deps } from '../../platform/deps';
import { AppError, notFound } from '../../platform/errors';
import { whoOf } from '../../platform/session';
import { chinaMinute, EXPORT_MAX_ROWS, writeSimpleSheet } from '../../platform/xlsx';
import { presentEntry, totalsOf } from './points.presenter';
import * as s from './points.statement.queries';

interface Paging {
  page: number;
  pageSize: number;
  kind?: PointKind;
}

async function statementOf(deps: Deps, volunteerId: string, paging: Paging, audience: 'me' | 'staff', canWrite: boolean) {
  const v = await s.volunteerHead(deps.db, volunteerId);
  if (!v) throw notFound();
  const { page, pageSize, kind } = paging;
  const { rows, total } = await s.pageEntries(deps.db, { volunteerId, kind }, pageSize, (page - 1) * pageSize);
  return {
    volunteerId,
    volunteerName: v.name,
    stationId: v.station_id,
    stationName: v.station_name,
    totals: totalsOf(v),
    entries: { items: rows.map((r) => presentEntry(r, audience)), total, page, pageSize },
    canWrite,
  };
}

export async function myStatement(deps: Deps, ctx: Ctx, paging: Paging) {
  const v = (await ctx.scope.me()).volunteer;
  if (!v) throw new AppError('volunteer.not_found_self');
  return statementOf(deps, v.id, paging, 'me', false);
}

export async function volunteerStatement(deps: Deps, ctx: Ctx, volunteerId: string, paging: Paging) {
  const v = await s.volunteerHead(deps.db, volunteerId);
  if (!v) throw notFound();
  await ctx.scope.require('points.read', v.station_id);
  return statementOf(deps, volunteerId, paging, 'staff', await ctx.scope.can('points.write', v.station_id));
}

async function unitsToRead(ctx: Ctx, unitId: string | undefined): Promise<string[]> {
  if (!ctx.scope.hasRole('points.read')) throw new AppError('access.denied');
  const units = await ctx.scope.units('points.read');
  if (!unitId) return [...units];
  if (!units.has(unitId)) throw notFound();
  return [unitId];
}

export async function listHolders(deps: Deps, ctx: Ctx, query: { q?: string; unitId?: string; page: number; pageSize: number }) {
  const unitIds = await unitsToRead(ctx, query.unitId);
  const { page, pageSize } = query;
  const { rows, total } = await s.pageHolders(deps.db, { unitIds, q: query.q || undefined }, pageSize, (page - 1) * pageSize);
  const items = rows.map((r) => ({
    volunteerId: r.id,
    name: r.name,
    volunteerNo: r.volunteer_no,
    stationId: r.station_id,
    stationName: r.station_name,
    ...totalsOf(r),
  }));
  return { items, total, page, pageSize };
}

interface LedgerQuery {
  unitId?: string;
  month?: string;
  kind?: PointKind;
}

async function ledgerFilter(ctx: Ctx, query: LedgerQuery): Promise<s.EntryFilter> {
  const unitIds = await unitsToRead(ctx, query.unitId);
  const range = query.month ? { from: chinaMonthStart(query.month), to: chinaMonthEnd(query.month) } : {};
  return { unitIds, kind: query.kind, ...range };
}

export async function listLedger(deps: Deps, ctx: Ctx, query: LedgerQuery & { page: number; pageSize: number }) {
  const { page, pageSize } = query;
  const { rows, total } = await s.pageEntries(deps.db, await ledgerFilter(ctx, query), pageSize, (page - 1) * pageSize);
  return { items: rows.map((r) => presentEntry(r, 'staff')), total, page, pageSize };
}

export async function exportLedger(deps: Deps, ctx: Ctx, query: LedgerQuery) {
  const { rows } = await s.pageEntries(deps.db, await ledgerFilter(ctx, query), EXPORT_MAX_ROWS, 0);
  const entries = rows.map((r) => presentEntry(r, 'staff'));
  const label = `${query.month ? `${query.month} ` : ''}积分台账`;
  const body = await writeSimpleSheet({
    sheetName: label,
    title: `${label}（${entries.length} 条，合计 ${entries.reduce((t, e) => t + e.points, 0)} 分）`,
    columns: [
      { header: '时间', width: 18 },
      { header: '志愿者', width: 12 },
      { header: '单位', width: 24 },
      { header: '类型', width: 12 },
      { header: '积分' },
      { header: '来源', width: 16 },
      { header: '原因', width: 40 },
      { header: '到期日' },
      { header: '经办人' },
    ],
    rows: entries.map((e) => [
      chinaMinute(e.createdAt),
      e.volunteerName,
      e.unitName,
      POINT_KINDS[e.kind],
      e.points,
      e.sourceLabel,
      e.reason ?? '',
      e.expiresOn ?? '',
      e.createdByName ?? '系统',
    ]),
  });
  const now = deps.clock.now();
  await deps.db.transaction().execute((trx) =>
    appendAudit(trx, deps.config.keys.audit, now, whoOf(ctx), {
      action: 'points.exported',
      objectType: 'point_ledger',
      objectId: query.unitId ?? 'all',
      unitId: query.unitId ?? null,
      changes: { rows: { before: null, after: entries.length }, month: { before: null, after: query.month ?? null } },
    }),
  );
  return { body, fileName: `${label}.xlsx` };
}

/** Every balance row against its volunteer's entries; the totals across all volunteers. A test calls it directly. */
export async function verifyLedger(db: DbOrTrx): Promise<PointsVerifyView> {
  const { sums, balances } = await s.ledgerSums(db);
  const byVolunteer = new Map(sums.map((r) => [r.volunteer_id, r]));
  const mismatches: PointsVerifyView['mismatches'] = [];
  const t = { issued: 0, spent: 0, expired: 0, balance: 0, entriesSum: 0 };
  for (const b of balances) {
    const sum = byVolunteer.get(b.volunteer_id);
    const entriesSum = Number(sum?.total ?? 0);
    const [issued, spent, expired, balance] = [Number(b.issued), Number(b.spent), Number(b.expired), Number(b.balance)];
    t.issued += issued;
    t.spent += spent;
    t.expired += expired;
    t.balance += balance;
    const ok = entriesSum === balance && issued - spent - expired === balance && Number(sum?.spent ?? 0) === spent && Number(sum?.expired ?? 0) === expired;
    if (!ok) mismatches.push({ volunteerId: b.volunteer_id, name: b.name, balance, entriesSum });
    byVolunteer.delete(b.volunteer_id);
  }
  for (const r of byVolunteer.values()) mismatches.push({ volunteerId: r.volunteer_id, name: '', balance: 0, entriesSum: Number(r.total) });
  for (const r of sums) t.entriesSum += Number(r.total);
  const ok = mismatches.length === 0 && t.entriesSum === t.balance && t.issued - t.spent - t.expired === t.balance;
  return { ok, volunteers: balances.length, ...t, mismatches };
}

export async function verifyPoints(deps: Deps, ctx: Ctx) {
  if (!ctx.scope.hasRole('points.verify')) throw new AppError('access.denied');
  return verifyLedger(deps.db);
}
