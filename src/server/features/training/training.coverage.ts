/** 业务培训全覆盖: per unit and year, the share of its staff accounts who attended a training. */
import type { z } from 'zod';
import { chinaDayStart } from '../../../shared/china-time';
import { coverageOf } from '../../../shared/rules/training-coverage';
import type { CoverageDetailQuery, CoverageQuery, CoverageRow } from '../../../shared/training';
import type { Ctx, Deps } from '../../platform/deps';
import * as q from './training.queries';

/** A China calendar year as [from, to) UTC instants. */
function yearBounds(year: number) {
  return { from: chinaDayStart(`${year}-01-01`), to: chinaDayStart(`${year + 1}-01-01`) };
}

function row(r: { id: string; name: string; kind: CoverageRow['unitKind'] }, staffCount: number, trainedCount: number): CoverageRow {
  const c = coverageOf(staffCount, trainedCount);
  return { unitId: r.id, unitName: r.name, unitKind: r.kind, staffCount, trainedCount, percent: c.percent, nobodyTrained: c.nobodyTrained };
}

export async function listCoverage(deps: Deps, ctx: Ctx, query: z.infer<typeof CoverageQuery>) {
  const tree = await ctx.scope.tree();
  const units = [...(await ctx.scope.units('training.coverage'))].filter((u) => {
    const kind = tree.nodes.get(u)?.kind;
    return kind === 'institute' || kind === 'station';
  });
  const { from, to } = yearBounds(query.year);
  const rows = await q.coverage(deps.db, units, from, to, { offset: (query.page - 1) * query.pageSize, limit: query.pageSize });
  return {
    items: rows.map((r) => row(r, Number(r.staff_count ?? 0), Number(r.trained_count ?? 0))),
    total: units.length,
    page: query.page,
    pageSize: query.pageSize,
  };
}

export async function coverageDetail(deps: Deps, ctx: Ctx, unitId: string, query: z.infer<typeof CoverageDetailQuery>) {
  await ctx.scope.require('training.coverage', unitId);
  const unit = await q.unitOf(deps.db, unitId);
  const { from, to } = yearBounds(query.year);
  const seen = new Set<string>();
  const staff = (await q.staffAccounts(deps.db, [unitId])).filter((s) => !seen.has(s.account_id) && seen.add(s.account_id));
  const trained = await q.trainedAccounts(
    deps.db,
    staff.map((s) => s.account_id),
    from,
    to,
  );
  return {
    ...row({ id: unitId, name: unit?.name ?? '', kind: unit?.kind ?? 'station' }, staff.length, trained.size),
    year: query.year,
    staff: staff.map((s) => ({ accountId: s.account_id, name: s.display_name, trained: trained.has(s.account_id) })),
  };
}
