/** 信息报送: submitting an item to the district's column, the column's answer, and counts per unit per month. */
import { randomUUID } from 'node:crypto';
import type { NewsCountsView } from '../../../shared/news';
import type { NewsSubmissionsTable } from '../../db/schema';
import { appendAudit } from '../../platform/audit';
import { isUniqueViolation } from '../../platform/db';
import type { Ctx, Deps } from '../../platform/deps';
import { AppError } from '../../platform/errors';
import { whoOf } from '../../platform/session';
import { writeSimpleSheet } from '../../platform/xlsx';
import { countsByUnit } from './news.lookup';
import * as q from './news.queries';
import { getNews, newsFor } from './news.service';

type Step = NewsSubmissionsTable['status'];
/** Which latest status each step may follow ('none': never submitted). */
const FROM: Record<Step, readonly string[]> = { submitted: ['none', 'returned'], adopted: ['submitted'], returned: ['submitted'] };
const REFUSAL: Record<Step, 'news.already_submitted' | 'news.not_submitted'> = {
  submitted: 'news.already_submitted',
  adopted: 'news.not_submitted',
  returned: 'news.not_submitted',
};

/** One transition as a new row; the unique (news_id, seq) makes two parallel ones end in one. */
async function transition(deps: Deps, ctx: Ctx, id: string, step: Step, reason: string | null) {
  const n = await newsFor(deps, ctx, id);
  await ctx.scope.require(step === 'submitted' ? 'news.write' : 'news.review', n.unit_id);
  const history = await q.submissionsOf(deps.db, id);
  const latest = history.at(-1);
  if (!FROM[step].includes(latest?.status ?? 'none')) throw new AppError(REFUSAL[step]);
  const now = deps.clock.now();
  try {
    await deps.db.transaction().execute(async (trx) => {
      await q.insertSubmission(trx, {
        id: randomUUID(),
        news_id: id,
        unit_id: n.unit_id,
        seq: (latest?.seq ?? 0) + 1,
        status: step,
        reason,
        by_account: ctx.actor.accountId,
        by_name: ctx.actor.displayName,
        created_at: now.toISOString(),
      });
      await appendAudit(trx, deps.config.keys.audit, now, whoOf(ctx), {
        action: `news.${step}`,
        objectType: 'news',
        objectId: id,
        unitId: n.unit_id,
        changes: { submission: { before: latest?.status ?? 'none', after: step }, ...(reason ? { reason: { before: null, after: reason } } : {}) },
      });
    });
  } catch (err) {
    if (isUniqueViolation(err)) throw new AppError(REFUSAL[step]);
    throw err;
  }
  return getNews(deps, ctx, id);
}

export const submitNews = (deps: Deps, ctx: Ctx, id: string) => transition(deps, ctx, id, 'submitted', null);
export const adoptNews = (deps: Deps, ctx: Ctx, id: string) => transition(deps, ctx, id, 'adopted', null);
export const returnNews = (deps: Deps, ctx: Ctx, id: string, reason: string) => transition(deps, ctx, id, 'returned', reason);

/** The caller's institutes and stations (the district's viewer sees every unit below), ordered by kind and sort. */
async function countedUnits(deps: Deps, ctx: Ctx) {
  const scope = [...(await ctx.scope.units('news.read'))];
  const rows = await q.unitNames(deps.db, scope);
  return rows
    .filter((u) => u.kind === 'institute' || u.kind === 'station')
    .sort((a, b) => (a.kind === b.kind ? a.sort - b.sort || a.name.localeCompare(b.name, 'zh') : a.kind === 'institute' ? -1 : 1));
}

export async function submissionCounts(deps: Deps, ctx: Ctx, month: string): Promise<NewsCountsView> {
  const units = await countedUnits(deps, ctx);
  const counts = await countsByUnit(
    deps.db,
    units.map((u) => u.id),
    month,
  );
  const rows = units.map((u) => ({ unitId: u.id, unitName: u.name, ...(counts.get(u.id) ?? { submitted: 0, adopted: 0, returned: 0 }) }));
  const total = rows.reduce((t, r) => ({ submitted: t.submitted + r.submitted, adopted: t.adopted + r.adopted, returned: t.returned + r.returned }), {
    submitted: 0,
    adopted: 0,
    returned: 0,
  });
  return { month, rows, total };
}

export async function exportSubmissionCounts(deps: Deps, ctx: Ctx, month: string) {
  const view = await submissionCounts(deps, ctx, month);
  const body = await writeSimpleSheet({
    sheetName: `信息报送${month}`,
    title: `${month} 信息报送统计`,
    columns: [{ header: '单位', width: 24 }, { header: '报送（条）' }, { header: '采用（条）' }, { header: '退回（条）' }],
    rows: [...view.rows.map((r) => [r.unitName, r.submitted, r.adopted, r.returned]), ['合计', view.total.submitted, view.total.adopted, view.total.returned]],
  });
  return { body, fileName: `信息报送统计-${month}.xlsx` };
}
