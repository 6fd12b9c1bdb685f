/**
 * The report as titled tables, one section per part: what the console's preview, the Excel (one
 * sheet per section) and the PDF (one section per part) all show, so they never disagree.
 */
import { chinaWallClock } from './china-time';
import { hoursOf, type ReportView } from './reports';
import { formatYuan } from './rules/money';

export type Cell = string | number;

export interface ReportTable {
  caption?: string;
  columns: string[];
  rows: Cell[][];
  /** What to print when there are no rows. */
  empty: string;
}

export interface ReportSection {
  /** The sheet's tab name and the PDF section's heading. */
  name: string;
  heading: string;
  tables: ReportTable[];
}

const pct = (x: number | null) => (x === null ? '—' : `${x}%`);
/** Funds' share is already a percent with one decimal (shared/rules/money.ts). */
const share = (x: number | null) => (x === null ? '无预算' : `${x.toFixed(1)}%`);
const when = (iso: string) => chinaWallClock(iso).replace('T', ' ').slice(0, 16);

/** The cover: the figures a reader looks for first. */
export function summaryRows(r: ReportView): Cell[][] {
  return [
    ['开展文明实践活动（场）', r.activities.total.count],
    ['活动参与志愿者（人次）', r.activities.total.participants],
    ['注册志愿者（人）', r.volunteers.total.registered],
    ['新增志愿者（人）', r.volunteers.total.joined],
    ['参与服务志愿者（人）', r.volunteers.total.active],
    ['认定服务时长（小时）', hoursOf(r.hours.total.minutes)],
    ['群众点单（单）', r.orders.total.placed],
    ['点单办结（单）', r.orders.total.done],
    ['点单及时率', pct(r.orders.total.onTimePercent)],
    ['群众满意度（平均星级）', r.orders.total.ratingAverage ?? '—'],
    ['举办培训（期）', r.training.sessions.length],
    ['召开会议（次）', r.meetings.held],
    [`${r.funds.year}年经费预算（元）`, formatYuan(r.funds.total.budgetFen)],
    [`${r.funds.year}年经费支出（元）`, formatYuan(r.funds.total.spentFen)],
  ];
}

function activities(r: ReportView): ReportSection {
  const a = r.activities;
  const fig = (x: { count: number; participants: number; minutes: number }) => [x.count, x.participants, hoursOf(x.minutes)];
  return {
    name: '活动',
    heading: '文明实践活动',
    tables: [
      {
        caption: '按实践站',
        columns: ['单位', '活动场次', '参与人次', '服务时长（小时）'],
        rows: [...a.byStation.map((s) => [s.unitName, ...fig(s)]), ['合计', ...fig(a.total)]],
        empty: '本期没有开展活动。',
      },
      {
        caption: '按项目',
        columns: ['项目', '活动场次', '参与人次', '服务时长（小时）'],
        rows: a.byProgramme.map((p) => [p.programmeName, ...fig(p)]),
        empty: '本期没有开展活动。',
      },
    ],
  };
}

function volunteers(r: ReportView): ReportSection {
  const v = r.volunteers;
  return {
    name: '志愿者与时长',
    heading: '志愿者与服务时长',
    tables: [
      {
        caption: '志愿者',
        columns: ['单位', '注册志愿者', '本期新增', '参与服务'],
        rows: [...v.byStation.map((s) => [s.unitName, s.registered, s.joined, s.active]), ['合计', v.total.registered, v.total.joined, v.total.active]],
        empty: '还没有志愿者。',
      },
      {
        caption: '服务时长（以时长台账已认定记录为准）',
        columns: ['单位', '认定时长（小时）', '记录条数', '服务志愿者'],
        rows: [
          ...r.hours.byStation.map((s) => [s.unitName, hoursOf(s.minutes), s.records, s.volunteers]),
          ['合计', hoursOf(r.hours.total.minutes), r.hours.total.records, r.hours.total.volunteers],
        ],
        empty: '本期没有认定的服务时长。',
      },
      {
        caption: '星级分布',
        columns: ['星级', '人数'],
        rows: v.byStar.map((s) => [s.label, s.count]),
        empty: '还没有志愿者。',
      },
    ],
  };
}

function orders(r: ReportView): ReportSection {
  const o = r.orders;
  const fig = (x: ReportView['orders']['total']) => [x.placed, x.done, x.closedUndone, pct(x.onTimePercent), x.rated, x.ratingAverage ?? '—'];
  return {
    name: '群众点单',
    heading: '群众点单',
    tables: [
      {
        columns: ['单位', '点单', '办结', '驳回/取消', '及时率', '评价数', '平均星级'],
        rows: [...o.byStation.map((s) => [s.unitName, ...fig(s)]), ['合计', ...fig(o.total)]],
        empty: '本期没有群众点单。',
      },
      { caption: '满意度分布', columns: ['评价', '单数'], rows: o.ratings.map((x) => [`${x.stars}星`, x.count]), empty: '本期没有评价。' },
    ],
  };
}

function standards(r: ReportView): ReportSection {
  return {
    name: '八有',
    heading: `“八有”建设（截至 ${when(r.standards.asOf).slice(0, 10)}）`,
    tables: [
      {
        columns: ['单位', '达标', '部分达标', '未达标项'],
        rows: r.standards.byUnit.map((u) => [u.unitName, `${u.met}/${u.total}`, u.partial, u.missing.join('、') || '无']),
        empty: '没有实践站。',
      },
    ],
  };
}

function training(r: ReportView): ReportSection {
  const t = r.training;
  return {
    name: '培训',
    heading: '培训',
    tables: [
      {
        caption: '本期举办',
        columns: ['时间', '举办单位', '主题', '实到人数'],
        rows: t.sessions.map((s) => [when(s.startsAt), s.unitName, s.topic, s.present]),
        empty: '本期没有举办培训。',
      },
      {
        caption: `${t.coverageYear}年业务培训覆盖`,
        columns: ['单位', '工作人员', '已参训', '覆盖率'],
        rows: t.coverage.map((c) => [c.unitName, c.staffCount, c.trainedCount, `${c.percent}%`]),
        empty: '没有工作人员。',
      },
    ],
  };
}

function funds(r: ReportView): ReportSection {
  const f = r.funds;
  const fig = (x: { budgetFen: number; spentFen: number; share: number | null }) => [formatYuan(x.budgetFen), formatYuan(x.spentFen), share(x.share)];
  return {
    name: '经费',
    heading: `经费（${f.year}年预算执行）`,
    tables: [
      {
        caption: '按类别',
        columns: ['类别', '预算（元）', '支出（元）', '执行率'],
        rows: [...f.byKind.map((k) => [k.label, ...fig(k)]), ['合计', ...fig(f.total)]],
        empty: '本年度没有经费记录。',
      },
      {
        caption: '按单位',
        columns: ['单位', '预算（元）', '支出（元）', '执行率'],
        rows: f.byUnit.map((u) => [u.unitName, ...fig(u)]),
        empty: '本年度没有经费记录。',
      },
    ],
  };
}

function meetings(r: ReportView): ReportSection {
  const m = r.meetings;
  const res = m.resolutions;
  return {
    name: '联席会议',
    heading: '联席会议与议定事项',
    tables: [
      {
        caption: `本期召开 ${m.held} 次，其中联席会议 ${m.joint} 次`,
        columns: ['时间', '单位', '类别', '会议'],
        rows: m.list.map((x) => [when(x.startsAt), x.unitName, x.kind, x.title]),
        empty: '本期没有召开会议。',
      },
      {
        caption: '本期到期的议定事项',
        columns: ['到期', '已完成', '办理中', '逾期', '已取消'],
        rows: [[res.due, res.done, res.open, res.overdue, res.cancelled]],
        empty: '',
      },
    ],
  };
}

/** Whether a column holds figures (numbers, percents, amounts, "3/8"): figures align right, words left. */
export function isFigureColumn(t: ReportTable, i: number): boolean {
  return t.rows.length > 0 && t.rows.every((r) => typeof r[i] === 'number' || /^[\d.,%/—-]+$|^无预算$/.test(String(r[i])));
}

function points(r: ReportView): ReportSection {
  const p = r.points;
  return {
    name: '积分',
    heading: '志愿服务积分',
    tables: [{ columns: ['本期发放', '获得积分的志愿者', '本期兑换', '本期过期'], rows: [[p.issued, p.volunteers, p.spent, p.expired]], empty: '' }],
  };
}

export function reportSections(r: ReportView): ReportSection[] {
  return [activities(r), volunteers(r), orders(r), standards(r), training(r), funds(r), meetings(r), points(r)];
}
