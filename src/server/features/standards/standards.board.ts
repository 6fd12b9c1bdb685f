import type { z } from 'zod';
import { evaluateStandards, STANDARD_KEYS, type StandardResult } from '../../../shared/rules/standards';
import type { BoardQuery, BoardView } from '../../../shared/standards';
import type { UnitTree } from '../../platform/access';
import { appendAudit } from '../../platform/audit';
import type { DbOrTrx } from '../../platform/db';
import type { Ctx, Deps } from '../../platform/deps';
import { readRules } from '../../platform/scope';
import type { RuleValues } from '../../../shared/settings';
import { AppError, notFound } from '../../platform/errors';
import { whoOf } from '../../platform/session';
import { activeUnitsAmong } from '../org/org.lookup';
import { writeStandardsBoard } from './standards.excel';
import { type BoardUnit, gatherFacts, gatherFactsAsOf } from './standards.facts';

export type { StandardResult } from '../../../shared/rules/standards';

/**
 * The eight standards of some units, each with status, reason and citations. For other features
 * (the assessment scores "standards met"): the caller must be able to read every unit (404 if not);
 * archived units and districts are left out of the map. A fixed number of statements whatever the
 * number of units.
 */
export async function evaluateUnits(deps: Deps, ctx: Ctx, unitIds: string[]): Promise<Map<string, StandardResult[]>> {
  for (const id of unitIds) await ctx.scope.require('standards.read', id);
  const { facts } = await gatherFacts(deps, ctx, unitIds);
  return new Map([...facts].map(([id, f]) => [id, evaluateStandards(f)]));
}

/**
 * The eight standards of some units as of a moment, without a request (the assessment scores
 * "standards met" at a period's end, also while publishing and in the demo seed): the rules are the
 * units' institute's, read in the caller's transaction. Authorisation is the caller's.
 */
export async function standardsAsOf(db: DbOrTrx, unitIds: string[], at: Date): Promise<Map<string, StandardResult[]>> {
  const units = await activeUnitsAmong(db, unitIds);
  const instituteOf = new Map(units.map((u) => [u.id, u.kind === 'institute' ? u.id : (u.parent_id ?? u.id)]));
  const rules = new Map<string, Promise<RuleValues>>();
  const rulesOf = (unitId: string) => {
    const inst = instituteOf.get(unitId) ?? unitId;
    const known = rules.get(inst);
    if (known) return known;
    const read = readRules(db, inst);
    rules.set(inst, read);
    return read;
  };
  const { facts } = await gatherFactsAsOf({ db, at, rulesOf }, unitIds);
  return new Map([...facts].map(([id, f]) => [id, evaluateStandards(f)]));
}

/** Which institute's board, and which of its units the caller sees (a station's admin: their station). */
async function boardUnits(deps: Deps, ctx: Ctx, instituteId: string | undefined) {
  const scope = await ctx.scope.units('standards.read');
  const tree = await ctx.scope.tree();
  const institutes = await activeUnitsAmong(
    deps.db,
    [...scope].filter((id) => tree.nodes.get(id)?.kind === 'institute'),
  );
  if (instituteId) {
    await ctx.scope.require('standards.read', instituteId);
    if (tree.nodes.get(instituteId)?.kind !== 'institute') throw new AppError('standards.bad_unit');
  }
  const chosen = instituteId ?? institutes[0]?.id ?? null;
  const ids = chosen ? unitsOfInstitute(tree, chosen).filter((id) => scope.has(id)) : [...scope].filter((id) => tree.nodes.get(id)?.kind === 'station');
  return { chosen, institutes: institutes.map((i) => ({ id: i.id, name: i.name })), ids };
}

function unitsOfInstitute(tree: UnitTree, instituteId: string): string[] {
  return [instituteId, ...[...tree.nodes.values()].filter((n) => n.parent_id === instituteId && n.kind === 'station').map((n) => n.id)];
}

function order(units: BoardUnit[]): BoardUnit[] {
  // The institute first, then its stations in their own order.
  return [...units.filter((u) => u.kind === 'institute'), ...units.filter((u) => u.kind === 'station')];
}

/** The board: units × the eight standards, with counts per standard. */
export async function standardsBoard(deps: Deps, ctx: Ctx, query: z.infer<typeof BoardQuery>): Promise<BoardView> {
  const { chosen, institutes, ids } = await boardUnits(deps, ctx, query.instituteId);
  const { units, facts } = await gatherFacts(deps, ctx, ids);
  const rows = order(units).map((u) => {
    const f = facts.get(u.id);
    if (!f) throw notFound();
    return {
      unitId: u.id,
      unitName: u.name,
      kind: u.kind,
      cells: evaluateStandards(f).map((r) => ({ standard: r.standard, status: r.status, reason: r.reason, source: r.source })),
    };
  });
  const counts = STANDARD_KEYS.map((standard) => {
    const cells = rows.map((r) => r.cells.find((c) => c.standard === standard));
    const n = (s: string) => cells.filter((c) => c?.status === s).length;
    return { standard, met: n('met'), partial: n('partial'), missing: n('missing') };
  });
  return { instituteId: chosen, institutes, rows, counts };
}

/** 导出 Excel: the board and every reason; the export is audited. */
export async function exportBoard(deps: Deps, ctx: Ctx, query: z.infer<typeof BoardQuery>): Promise<{ body: Buffer; fileName: string }> {
  const board = await standardsBoard(deps, ctx, query);
  const title = board.institutes.find((i) => i.id === board.instituteId)?.name ?? board.rows[0]?.unitName ?? '';
  const body = await writeStandardsBoard(title, board);
  await deps.db.transaction().execute((trx) =>
    appendAudit(trx, deps.config.keys.audit, deps.clock.now(), whoOf(ctx), {
      action: 'standards.exported',
      objectType: 'standards_board',
      unitId: board.instituteId,
      changes: { rows: { before: null, after: board.rows.length } },
    }),
  );
  return { body, fileName: `“八有”达标情况${title ? `-${title}` : ''}.xlsx` };
}
