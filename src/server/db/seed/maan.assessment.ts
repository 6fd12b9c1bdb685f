import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { randomUUID } from 'node:crypto';
import QRCode from 'qrcode';
import { addDays, chinaDay, chinaDayStart } from '../../../shared/china-time';
import { insertDefaultTree } from '../../features/assessment/assessment.indicators';
import { insertOpenPeriod, treeOf, writePublication } from '../../features/assessment/assessment.periods';
import * as q from '../../features/assessment/assessment.queries';
import type { Trx } from '../../platform/db';
import type { Deps } from '../../platform/deps';
import type { AssessmentScoresTable } from '../schema';
import type { SeedPeople } from './maan-volunteers';

/** The China quarter containing `day`: its first and last day and label. */
function quarterOf(day: string) {
  const y = Number(day.slice(0, 4));
  const qn = Math.floor((Number(day.slice(5, 7)) - 1) / 3) + 1;
  const first = `${y}-${String((qn - 1) * 3 + 1).padStart(2, '0')}-01`;
  const next = qn === 4 ? `${y + 1}-01-01` : `${y}-${String(qn * 3 + 1).padStart(2, '0')}-01`;
  return { startsOn: first, endsOn: addDays(next, -1), label: `${y}年第${'一二三四'[qn - 1]}季度` };
}

/**
 * 考核 for the demo: Ma'an's default indicator tree (100 points), the last full quarter assessed
 * and published — self scores with a photo on the manual indicators (two stations did not submit),
 * two scores adjusted by the institute with their reasons, the automatic points computed by the
 * service's own code from the seeded records — and the current quarter open for self-assessment.
 */
export async function seedAssessment(deps: Pick<Deps, 'config'>, trx: Trx, now: Date, p: SeedPeople): Promise<void> {
  const at = now.toISOString();
  await insertDefaultTree(trx, p.instituteId, at);
  const current = quarterOf(chinaDay(now));
  const last = quarterOf(addDays(current.startsOn, -1));
  const opened = (q1: ReturnType<typeof quarterOf>, openedOn: string) => ({
    id: randomUUID(),
    institute_id: p.instituteId,
    kind: 'quarter' as const,
    label: q1.label,
    starts_on: q1.startsOn,
    ends_on: q1.endsOn,
    self_deadline: addDays(q1.endsOn, 15),
    opened_by: p.adminAccountId,
    opened_at: chinaDayStart(openedOn),
    updated_at: at,
  });
  const period = await insertOpenPeriod(trx, opened(last, last.startsOn));
  const evidence = await evidenceFiles(deps, trx, p, at);
  const manual = treeOf(period).flatMap((c) => c.items.filter((i) => i.mode === 'manual'));
  const scores: AssessmentScoresTable[] = [];
  const score = (stationIndex: number, indicatorId: string, stage: 'self' | 'review', tenths: number, note: string, files: string[], by: string) =>
    scores.push({
      id: randomUUID(),
      period_id: period.id,
      station_id: p.stationIds[stationIndex],
      indicator_id: indicatorId,
      stage,
      version: 1,
      points: tenths,
      note,
      evidence_file_ids: JSON.stringify(files),
      citations: null,
      by_account: by,
      at: chinaDayStart(addDays(last.endsOn, stage === 'self' ? 5 : 18)),
    });
  const silent = new Set([6, 14]);
  for (const [si, stationId] of p.stationIds.entries()) {
    if (silent.has(si)) continue;
    manual.forEach((item, j) => {
      const tenths = item.maxPoints * 10 - ((si * 3 + j) % 4) * 5;
      score(si, item.id, 'self', tenths, `${item.title}：已按要求落实，详见照片。`, [evidence.get(stationId) as string], p.stationAdminIds[si]);
    });
    await q.insertSubmission(trx, {
      id: randomUUID(),
      period_id: period.id,
      station_id: stationId,
      by_account: p.stationAdminIds[si],
      at: chinaDayStart(addDays(last.endsOn, 6)),
    });
  }
  score(2, manual[0].id, 'review', manual[0].maxPoints * 10 - 30, '实地查看：功能区标识不全，扣 3 分', [], p.adminAccountId);
  score(9, manual[2].id, 'review', manual[2].maxPoints * 10 - 20, '队伍名册未更新，负责人不明确，扣 2 分', [], p.adminAccountId);
  await q.insertScores(trx, scores);
  const reviewingAt = chinaDayStart(addDays(last.endsOn, 16));
  await q.movePeriod(trx, period.id, 'open', { status: 'reviewing', updated_at: reviewingAt });
  await q.insertPeriodLog(trx, {
    id: randomUUID(),
    period_id: period.id,
    from_status: 'open',
    to_status: 'reviewing',
    by_account: p.adminAccountId,
    at: reviewingAt,
  });
  await writePublication(trx, { ...(await q.getPeriod(trx, period.id)), status: 'reviewing' } as q.PeriodRow, now, p.adminAccountId);
  await insertOpenPeriod(trx, opened(current, current.startsOn));
}

/** One photo per station standing in for the evidence of its self-assessment. */
async function evidenceFiles(deps: Pick<Deps, 'config'>, trx: Trx, p: SeedPeople, at: string) {
  const rel = path.join('demo', 'assessment-evidence.png');
  mkdirSync(path.join(deps.config.dataDir, 'uploads', 'demo'), { recursive: true });
  const png = await QRCode.toBuffer('实践站阵地照片（演示数据）', { width: 240 });
  writeFileSync(path.join(deps.config.dataDir, 'uploads', rel), png);
  const out = new Map<string, string>();
  const rows = p.stationIds.map((stationId, i) => {
    const id = randomUUID();
    out.set(stationId, id);
    return {
      id,
      unit_id: stationId,
      purpose: 'evidence',
      original_name: '阵地照片.png',
      mime: 'image/png',
      size: png.length,
      sha256: '',
      path: rel,
      uploaded_by: p.stationAdminIds[i],
      created_at: at,
    };
  });
  await trx.insertInto('files').values(rows).execute();
  return out;
}
