import { ERRORS } from '../../../shared/errors';
import { chinaDay } from '../../../shared/china-time';
import type { z } from 'zod';
import type {
  BudgetAdjustmentInput,
  BudgetLineInput,
  BudgetLineQuery,
  BudgetLineView,
  FundCorrectionInput,
  FundEntryInput,
  FundEntryQuery,
  FundEntryView,
  FundKind,
  FundSource,
} from '../../../shared/funds';
import type { UnitTree } from '../../platform/access';
import { appendAudit } from '../../platform/audit';
import type { Ctx, Deps } from '../../platform/deps';
import { AppError, notFound } from '../../platform/errors';
import { whoOf } from '../../platform/session';
import { canUseFile } from '../files/files.service';
import { recordBudgetAdjustment, recordBudgetLine, recordCounterEntry, recordEntry } from './funds.ledger';
import * as q from './funds.queries';

// ------------------------------------------------------------------ presenters

type Adjustment = Awaited<ReturnType<typeof q.adjustmentsOf>>[number];

export function presentLine(r: q.LineRow, adjustments: Adjustment[]): BudgetLineView {
  const amount = Number(r.amount_fen);
  return {
    id: r.id,
    year: Number(r.year),
    unitId: r.unit_id,
    unitName: r.unit_name,
    programmeId: r.programme_id,
    programmeName: r.programme_name,
    kind: r.kind as FundKind,
    source: r.source as FundSource,
    department: r.department,
    amountFen: amount,
    netFen: amount + Number(r.adjusted_fen ?? 0),
    adjustments: adjustments.map((a) => ({
      id: a.id,
      amountFen: Number(a.amount_fen),
      reason: a.reason ?? '',
      createdAt: a.created_at,
      createdByName: a.created_by_name,
    })),
    note: r.note,
    createdAt: r.created_at,
    createdByName: r.created_by_name,
  };
}

export function presentEntry(r: q.EntryRow): FundEntryView {
  const amount = Number(r.amount_fen);
  return {
    id: r.id,
    spentOn: r.spent_on,
    unitId: r.unit_id,
    unitName: r.unit_name,
    programmeId: r.programme_id,
    programmeName: r.programme_name,
    budgetLineId: r.budget_line_id,
    kind: r.kind as FundKind,
    source: r.source as FundSource,
    department: r.department,
    amountFen: amount,
    purpose: r.purpose,
    payee: r.payee,
    receiptFileIds: JSON.parse(r.receipt_file_ids) as string[],
    correctsId: r.corrects_id,
    reason: r.reason,
    netFen: r.corrects_id ? amount : amount + Number(r.corrected_fen ?? 0),
    correctionCount: Number(r.correction_count ?? 0),
    createdAt: r.created_at,
    createdByName: r.created_by_name,
  };
}

// ------------------------------------------------------------------ shared checks

/** The units a list covers: the caller's `funds.read` scope, or one unit of it (404 outside). */
export async function unitsToRead(ctx: Ctx, unitId: string | undefined): Promise<string[]> {
  const units = await ctx.scope.units('funds.read');
  if (!unitId) return [...units];
  if (!units.has(unitId)) throw notFound();
  return [unitId];
}

function requireFundUnit(tree: UnitTree, unitId: string) {
  const kind = tree.nodes.get(unitId)?.kind;
  if (kind !== 'institute' && kind !== 'station') throw new AppError('funds.bad_unit');
}

/** 协调整合 names the department; the other sources carry none. */
function departmentFor(source: FundSource, department: string | undefined): string | null {
  if (source !== 'coordinated') return null;
  if (!department) throw new AppError('funds.department_required');
  return department;
}

/** A programme of the unit itself or of a unit above it (a station spends on its institute's programme). */
async function checkProgramme(deps: Deps, tree: UnitTree, unitId: string, programmeId: string | null | undefined): Promise<string | null> {
  if (!programmeId) return null;
  const p = await q.programmeById(deps.db, programmeId);
  if (!p || !tree.ancestry(unitId).includes(p.unit_id)) throw new AppError('funds.programme_not_found');
  return p.id;
}

// ------------------------------------------------------------------ budget lines

export async function listBudgetLines(deps: Deps, ctx: Ctx, query: z.infer<typeof BudgetLineQuery>) {
  const unitIds = await unitsToRead(ctx, query.unitId);
  const { rows, total } = await q.listLines(deps.db, { year: query.year, unitIds }, query.page, query.pageSize);
  const adjustments = await q.adjustmentsOf(
    deps.db,
    rows.map((r) => r.id),
  );
  return {
    items: rows.map((r) =>
      presentLine(
        r,
        adjustments.filter((a) => a.corrects_id === r.id),
      ),
    ),
    total,
    page: query.page,
    pageSize: query.pageSize,
  };
}

async function lineView(deps: Deps, id: string): Promise<BudgetLineView> {
  const row = await q.getLine(deps.db, id);
  if (!row) throw notFound();
  return presentLine(row, await q.adjustmentsOf(deps.db, [id]));
}

export async function createBudgetLine(deps: Deps, ctx: Ctx, input: z.infer<typeof BudgetLineInput>) {
  const tree = await ctx.scope.require('funds.write', input.unitId);
  requireFundUnit(tree, input.unitId);
  const department = departmentFor(input.source, input.department);
  const programmeId = await checkProgramme(deps, tree, input.unitId, input.programmeId);
  const now = deps.clock.now();
  const id = await deps.db.transaction().execute(async (trx) => {
    const lineId = await recordBudgetLine(trx, {
      year: input.year,
      unit_id: input.unitId,
      programme_id: programmeId,
      kind: input.kind,
      source: input.source,
      department,
      amount_fen: input.amountFen,
      note: input.note ?? null,
      created_by: ctx.actor.accountId,
      created_at: now.toISOString(),
    });
    await appendAudit(trx, deps.config.keys.audit, now, whoOf(ctx), {
      action: 'funds.budget_created',
      objectType: 'fund_budget_line',
      objectId: lineId,
      unitId: input.unitId,
      changes: {
        year: { before: null, after: input.year },
        kind: { before: null, after: input.kind },
        source: { before: null, after: input.source },
        amountFen: { before: null, after: input.amountFen },
      },
    });
    return lineId;
  });
  return lineView(deps, id);
}

export async function adjustBudgetLine(deps: Deps, ctx: Ctx, id: string, input: z.infer<typeof BudgetAdjustmentInput>) {
  const original = await q.rawLine(deps.db, id);
  if (!original) throw notFound();
  await ctx.scope.require('funds.write', original.unit_id);
  if (original.corrects_id) throw new AppError('funds.not_correctable');
  const now = deps.clock.now();
  await deps.db.transaction().execute(async (trx) => {
    const adjId = await recordBudgetAdjustment(trx, deps.dialect === 'postgres', original, {
      amountFen: input.amountFen,
      reason: input.reason,
      createdBy: ctx.actor.accountId,
      at: now,
    });
    await appendAudit(trx, deps.config.keys.audit, now, whoOf(ctx), {
      action: 'funds.budget_adjusted',
      objectType: 'fund_budget_line',
      objectId: original.id,
      unitId: original.unit_id,
      changes: { adjustment: { before: null, after: { id: adjId, amountFen: input.amountFen, reason: input.reason } } },
    });
  });
  return lineView(deps, id);
}

// ------------------------------------------------------------------ entries

export async function listEntries(deps: Deps, ctx: Ctx, query: z.infer<typeof FundEntryQuery>) {
  const unitIds = await unitsToRead(ctx, query.unitId);
  const { rows, total } = await q.listEntries(
    deps.db,
    { year: query.year, unitIds, programmeId: query.programmeId, source: query.source, kind: query.kind },
    query.page,
    query.pageSize,
  );
  return { items: rows.map(presentEntry), total, page: query.page, pageSize: query.pageSize };
}

export async function getEntry(deps: Deps, ctx: Ctx, id: string): Promise<FundEntryView> {
  const row = await q.getEntry(deps.db, id);
  if (!row) throw notFound();
  await ctx.scope.require('funds.read', row.unit_id);
  return presentEntry(row);
}

async function entryView(deps: Deps, id: string): Promise<FundEntryView> {
  const row = await q.getEntry(deps.db, id);
  if (!row) throw notFound();
  return presentEntry(row);
}

export async function createEntry(deps: Deps, ctx: Ctx, input: z.infer<typeof FundEntryInput>) {
  const tree = await ctx.scope.require('funds.write', input.unitId);
  requireFundUnit(tree, input.unitId);
  // Money is booked when it was spent: a date after today (China time, the injected clock) is a typo or a plan, not spending.
  if (input.spentOn > chinaDay(deps.clock.now()))
    throw new AppError('funds.future_date', { fields: [{ path: 'body.spentOn', message: ERRORS['funds.future_date'].message }] });
  const department = departmentFor(input.source, input.department);
  const programmeId = await checkProgramme(deps, tree, input.unitId, input.programmeId);
  if (input.budgetLineId) {
    const line = await q.rawLine(deps.db, input.budgetLineId);
    if (!line || line.corrects_id) throw new AppError('funds.line_mismatch');
    const sameYear = Number(line.year) === Number(input.spentOn.slice(0, 4));
    const sameProgramme = line.programme_id === null || line.programme_id === programmeId;
    if (!sameYear || line.unit_id !== input.unitId || line.kind !== input.kind || line.source !== input.source || !sameProgramme)
      throw new AppError('funds.line_mismatch');
  }
  for (const f of input.receiptFileIds) if (!(await canUseFile(deps, ctx, f))) throw new AppError('funds.receipt_missing');
  const now = deps.clock.now();
  const id = await deps.db.transaction().execute(async (trx) => {
    const entryId = await recordEntry(trx, {
      spent_on: input.spentOn,
      unit_id: input.unitId,
      programme_id: programmeId,
      budget_line_id: input.budgetLineId ?? null,
      kind: input.kind,
      source: input.source,
      department,
      amount_fen: input.amountFen,
      purpose: input.purpose,
      payee: input.payee,
      receipt_file_ids: JSON.stringify([...new Set(input.receiptFileIds)]),
      created_by: ctx.actor.accountId,
      created_at: now.toISOString(),
    });
    await appendAudit(trx, deps.config.keys.audit, now, whoOf(ctx), {
      action: 'funds.entry_created',
      objectType: 'fund_entry',
      objectId: entryId,
      unitId: input.unitId,
      changes: {
        spentOn: { before: null, after: input.spentOn },
        amountFen: { before: null, after: input.amountFen },
        source: { before: null, after: input.source },
        kind: { before: null, after: input.kind },
        payee: { before: null, after: input.payee },
      },
    });
    return entryId;
  });
  return entryView(deps, id);
}

export async function correctEntry(deps: Deps, ctx: Ctx, id: string, input: z.infer<typeof FundCorrectionInput>) {
  const original = await q.rawEntry(deps.db, id);
  if (!original) throw notFound();
  await ctx.scope.require('funds.write', original.unit_id);
  if (original.corrects_id) throw new AppError('funds.not_correctable');
  const now = deps.clock.now();
  const counterId = await deps.db.transaction().execute(async (trx) => {
    const cid = await recordCounterEntry(trx, deps.dialect === 'postgres', original, {
      amountFen: input.amountFen,
      reason: input.reason,
      createdBy: ctx.actor.accountId,
      at: now,
    });
    await appendAudit(trx, deps.config.keys.audit, now, whoOf(ctx), {
      action: 'funds.entry_corrected',
      objectType: 'fund_entry',
      objectId: original.id,
      unitId: original.unit_id,
      changes: { counterEntry: { before: null, after: { id: cid, amountFen: input.amountFen, reason: input.reason } } },
    });
    return cid;
  });
  return entryView(deps, counterId);
}
