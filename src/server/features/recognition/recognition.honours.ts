/** Star-level milestones and the yearly honour list (awards + milestones of a year, by unit), with its Excel. */
import { chinaDay } from '../../../shared/china-time';
import type { MilestoneView } from '../../../shared/recognition';
import { minutesToHours, STAR_NAMES } from '../../../shared/rules/stars';
import { appendAudit } from '../../platform/audit';
import type { Ctx, Deps } from '../../platform/deps';
import { whoOf } from '../../platform/session';
import { chinaMinute, EXPORT_MAX_ROWS, writeSimpleSheet } from '../../platform/xlsx';
import { starRisesBetween } from '../hours/hours.lookup';
import { listAwards } from './recognition.awards';

/** A China-time year as ISO instants [from, to). */
function yearInstants(year: string) {
  const start = (y: number) => new Date(`${y}-01-01T00:00:00+08:00`).toISOString();
  return { from: start(Number(year)), to: start(Number(year) + 1) };
}

export async function listMilestones(deps: Deps, ctx: Ctx, year: string): Promise<{ items: MilestoneView[] }> {
  const units = await ctx.scope.units('recognition.read');
  const tree = await ctx.scope.tree();
  const stations = [...units].filter((u) => tree.nodes.get(u)?.kind === 'station');
  const { from, to } = yearInstants(year);
  const rows = await starRisesBetween(deps.db, stations, from, to);
  return {
    items: rows.map((r) => ({
      volunteerId: r.volunteer_id,
      name: r.name,
      stationName: r.station_name,
      level: Number(r.level),
      previousLevel: Number(r.previous_level),
      hours: minutesToHours(Number(r.minutes)),
      at: r.at,
    })),
  };
}

/** The year's standing awards and milestones in the caller's scope, ordered by unit then date. */
export async function honourList(deps: Deps, ctx: Ctx, year: string) {
  const [{ items }, milestones] = await Promise.all([listAwards(deps, ctx, { year, page: 1, pageSize: EXPORT_MAX_ROWS }), listMilestones(deps, ctx, year)]);
  const awards = items
    .filter((a) => !a.revoked)
    .sort((a, b) => a.unitName.localeCompare(b.unitName, 'zh') || a.awardedOn.localeCompare(b.awardedOn) || a.id.localeCompare(b.id));
  const ms = [...milestones.items].sort((a, b) => a.stationName.localeCompare(b.stationName, 'zh') || a.at.localeCompare(b.at));
  return { year, awards, milestones: ms };
}

export async function exportHonourList(deps: Deps, ctx: Ctx, year: string) {
  const list = await honourList(deps, ctx, year);
  const now = deps.clock.now();
  const rows = [
    ...list.awards.map((a) => [
      '表彰',
      a.unitName,
      a.recipientName,
      a.recipientKind === 'team' ? '队伍' : '志愿者',
      a.title,
      a.level,
      a.grantedBy,
      a.awardedOn,
      a.number,
    ]),
    ...list.milestones.map((m) => [
      '星级',
      m.stationName,
      m.name,
      '志愿者',
      `${STAR_NAMES[m.level]}志愿者`,
      `累计 ${m.hours} 小时`,
      '',
      chinaDay(new Date(m.at)),
      '',
    ]),
  ];
  const body = await writeSimpleSheet({
    sheetName: `${year}年度荣誉榜`,
    title: `${year} 年度荣誉榜（导出于 ${chinaMinute(now.toISOString())}，表彰 ${list.awards.length} 项，星级晋升 ${list.milestones.length} 人次）`,
    columns: [
      { header: '类别', width: 8 },
      { header: '单位', width: 24 },
      { header: '获得者', width: 20 },
      { header: '对象', width: 8 },
      { header: '荣誉', width: 28 },
      { header: '级别', width: 14 },
      { header: '授予单位', width: 24 },
      { header: '日期', width: 12 },
      { header: '证书编号', width: 18 },
    ],
    rows,
  });
  await deps.db.transaction().execute((trx) =>
    appendAudit(trx, deps.config.keys.audit, now, whoOf(ctx), {
      action: 'recognition.exported',
      objectType: 'honour_list',
      changes: { year: { before: null, after: year }, rows: { before: null, after: rows.length } },
    }),
  );
  return { body, fileName: `${year}年度荣誉榜-${chinaDay(now)}.xlsx` };
}
