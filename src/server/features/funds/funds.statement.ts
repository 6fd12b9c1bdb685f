import type { z } from 'zod';
import { type FundTotalsQuery, type FundTotalsView, summariseFunds } from '../../../shared/funds';
import { appendAudit } from '../../platform/audit';
import type { Ctx, Deps } from '../../platform/deps';
import { whoOf } from '../../platform/session';
import { writeFundStatement } from './funds.excel';
import * as q from './funds.queries';
import { presentEntry, unitsToRead } from './funds.service';

/** The year's budget against spending in the caller's scope (or one unit of it): one SUM query, then the pure summary. */
export async function fundTotals(deps: Deps, ctx: Ctx, query: z.infer<typeof FundTotalsQuery>): Promise<FundTotalsView> {
  const unitIds = await unitsToRead(ctx, query.unitId);
  const groups = await q.sumsOfYear(deps.db, query.year, unitIds);
  return summariseFunds(
    query.year,
    groups.map((g) => ({
      unitId: g.unit_id,
      unitName: g.unit_name,
      programmeId: g.programme_id,
      programmeName: g.programme_name,
      source: g.source,
      kind: g.kind,
      budgetFen: g.budget_fen,
      spentFen: g.spent_fen,
    })),
  );
}

/** 导出 Excel: the totals and every entry of the year; the export is audited. */
export async function exportStatement(deps: Deps, ctx: Ctx, query: z.infer<typeof FundTotalsQuery>): Promise<{ body: Buffer; fileName: string }> {
  const unitIds = await unitsToRead(ctx, query.unitId);
  const totals = await fundTotals(deps, ctx, query);
  const entries = (await q.allEntriesOfYear(deps.db, query.year, unitIds)).map(presentEntry);
  const label = query.unitId ? ((await q.unitName(deps.db, query.unitId)) ?? '') : '管辖范围内全部单位';
  const body = await writeFundStatement(label, totals, entries);
  await deps.db.transaction().execute((trx) =>
    appendAudit(trx, deps.config.keys.audit, deps.clock.now(), whoOf(ctx), {
      action: 'funds.exported',
      objectType: 'fund_statement',
      unitId: query.unitId ?? null,
      changes: { year: { before: null, after: query.year }, rows: { before: null, after: entries.length } },
    }),
  );
  return { body, fileName: `${query.year}年经费报表${query.unitId ? `-${label}` : ''}.xlsx` };
}
