/**
 * 工作方案 二、(二): the "八有" construction standards of the institute and each station. Given the
 * plain facts the queries gathered for one unit, says per standard whether it is met, why (in
 * Chinese) and which records prove it. What the data can prove is judged automatically; 统一标识 and
 * 成果展示 (and 办公场所 where no venue is registered) rest on the institute's latest confirmation
 * of the evidence a unit submitted. Pure and zod-free: the server, the web and the tests share it.
 */
import type { Citation } from '../citations';

export const STANDARD_KEYS = ['signage', 'venue', 'staff', 'teams', 'rules', 'activities', 'brand', 'showcase'] as const;
export type StandardKey = (typeof STANDARD_KEYS)[number];

export const STANDARDS: Record<StandardKey, { label: string; short: string; confirmable: boolean }> = {
  signage: { label: '统一标识', short: '标识', confirmable: true },
  venue: { label: '办公场所', short: '场所', confirmable: true },
  staff: { label: '工作人员', short: '人员', confirmable: false },
  teams: { label: '志愿队伍', short: '队伍', confirmable: false },
  rules: { label: '规范制度', short: '制度', confirmable: false },
  activities: { label: '活动项目', short: '活动', confirmable: false },
  brand: { label: '靓丽品牌', short: '品牌', confirmable: false },
  showcase: { label: '成果展示', short: '展示', confirmable: true },
};

/** The kinds of evidence a unit submits (二、(二)1 统一标识, 8 成果展示, and a venue's photos). */
export const EVIDENCE_KINDS = {
  signboard: '标牌',
  logo: '徽标',
  uniform: '服装',
  cap: '帽子',
  culture_wall: '文化墙',
  exhibition_hall: '展示厅',
  short_video: '短视频',
  leaflet: '宣传折页',
  media_report: '媒体报道',
  venue_photo: '场所照片',
  other: '其他',
} as const;
export type EvidenceKind = keyof typeof EVIDENCE_KINDS;

export const STANDARD_STATUSES = { met: '达标', partial: '部分达标', missing: '未达标' } as const;
export type StandardStatus = keyof typeof STANDARD_STATUSES;

/** The four rules documents every unit keeps (二、(二)5), by the plan feature's document types. */
export const REQUIRED_DOCUMENT_TYPES = { leadership: '组织领导', joint_meeting: '联席会议', activities: '活动开展', team: '队伍建设' } as const;
export type RequiredDocumentType = keyof typeof REQUIRED_DOCUMENT_TYPES;

export interface StandardResult {
  standard: StandardKey;
  status: StandardStatus;
  reason: string;
  citations: Citation[];
  source: 'auto' | 'confirmed';
}

export interface UnitFacts {
  unit: { id: string; name: string; kind: 'institute' | 'station' };
  /** The unit's staffing rule (settings `staffing.institute` / `staffing.station`). */
  staffing: { min: number; max: number };
  /** 工作人员 posts held in the unit. */
  staffPosts: { id: string; holderName: string }[];
  /** The unit's teams of the kind the plan asks for (a station's 小队, the institute's 分队), with active members. */
  teams: { id: string; name: string; members: number }[];
  /** Held practice activities this year up to now. */
  activities: { id: string; title: string; startsAt: string; month: string }[];
  /** The months judged: the complete months of the year so far, then the running one last. */
  months: { complete: string[]; current: string };
  minPerMonth: number;
  brand: { unitId: string; name: string; updatedAt: string } | null;
  /** Latest versions of the unit's rules documents. */
  documents: { id: string; type: string; title: string; effectiveOn: string }[];
  /** Offline venues registered for the unit, not archived. */
  venues: { id: string; name: string }[];
  /** Evidence items not withdrawn. */
  evidence: { id: string; standard: StandardKey; kind: EvidenceKind; note: string; fileIds: string[]; link: string | null; at: string }[];
  /** The latest confirmation per standard. */
  confirmations: Partial<Record<StandardKey, { decision: 'met' | 'not_met'; reason: string; at: string; byName: string }>>;
}

const result = (
  standard: StandardKey,
  status: StandardStatus,
  reason: string,
  citations: Citation[],
  source: 'auto' | 'confirmed' = 'auto',
): StandardResult => ({
  standard,
  status,
  reason,
  citations,
  source,
});

function staff(f: UnitFacts): StandardResult {
  const { min, max } = f.staffing;
  const need = min === max ? `${min}` : `${min}–${max}`;
  const n = f.staffPosts.length;
  const citations = f.staffPosts.map((p): Citation => ({ kind: 'post', id: p.id, label: `工作人员 ${p.holderName}` }));
  const reason = `要求 ${need} 名工作人员，实有 ${n} 名${n > max ? '（超出配备）' : ''}`;
  if (n >= min) return result('staff', 'met', reason, citations);
  return result('staff', n === 0 ? 'missing' : 'partial', reason, citations);
}

function teams(f: UnitFacts): StandardResult {
  const what = f.unit.kind === 'institute' ? '街道志愿服务分队' : '社区志愿服务小队';
  const staffed = f.teams.filter((t) => t.members > 0);
  const cite = (list: UnitFacts['teams']) => list.map((t): Citation => ({ kind: 'team', id: t.id, label: `${t.name}（${t.members} 人）` }));
  if (staffed.length > 0) {
    const members = staffed.reduce((s, t) => s + t.members, 0);
    return result('teams', 'met', `已组建${what} ${staffed.length} 支，共 ${members} 名队员`, cite(staffed));
  }
  if (f.teams.length > 0) return result('teams', 'partial', `已组建${what} ${f.teams.length} 支，但还没有队员`, cite(f.teams));
  return result('teams', 'missing', `还没有组建${what}`, []);
}

function activities(f: UnitFacts): StandardResult {
  const min = f.minPerMonth;
  const held = f.activities.filter((a) => a.month <= f.months.current && (f.months.complete.includes(a.month) || a.month === f.months.current));
  const citations = held.map((a): Citation => ({ kind: 'activity', id: a.id, label: a.title, at: a.startsAt }));
  const count = (m: string) => held.filter((a) => a.month === m).length;
  const currentCount = count(f.months.current);
  if (min === 0) return result('activities', 'met', `每月活动次数要求为 0，今年已开展 ${held.length} 次`, citations);
  if (f.months.complete.length === 0) {
    // The first month of the year: only the running month, which still has days left.
    if (currentCount >= min) return result('activities', 'met', `本月已开展 ${currentCount} 次（要求每月至少 ${min} 次）`, citations);
    return result('activities', 'partial', `本月尚未开展满 ${min} 次活动（已开展 ${currentCount} 次，本月尚未结束）`, citations);
  }
  const short = f.months.complete.filter((m) => count(m) < min);
  const monthName = (m: string) => `${Number(m.slice(5, 7))}月`;
  const judged = f.months.complete.length;
  if (short.length === 0)
    return result('activities', 'met', `要求每月至少 ${min} 次，今年已满 ${judged} 个月均达到，共 ${held.length} 次（本月 ${currentCount} 次）`, citations);
  const list = short.map(monthName).join('、');
  if (short.length === judged) return result('activities', 'missing', `要求每月至少 ${min} 次，今年已满 ${judged} 个月均未达到`, citations);
  return result('activities', 'partial', `要求每月至少 ${min} 次，${list}未达到（${judged - short.length}/${judged} 个月达到）`, citations);
}

function brand(f: UnitFacts): StandardResult {
  if (!f.brand) return result('brand', 'missing', f.unit.kind === 'institute' ? '还没有设立“一所一品”品牌' : '还没有设立“一社区一特色”品牌', []);
  return result('brand', 'met', `已设立品牌“${f.brand.name}”`, [{ kind: 'brand', id: f.brand.unitId, label: f.brand.name, at: f.brand.updatedAt }]);
}

function rules(f: UnitFacts): StandardResult {
  const types = Object.keys(REQUIRED_DOCUMENT_TYPES) as RequiredDocumentType[];
  const docs = f.documents.filter((d) => (types as string[]).includes(d.type));
  const citations = docs.map((d): Citation => ({ kind: 'document', id: d.id, label: d.title, at: d.effectiveOn }));
  const missing = types.filter((t) => !docs.some((d) => d.type === t));
  if (missing.length === 0) return result('rules', 'met', `组织领导、联席会议、活动开展、队伍建设制度齐全（${docs.length} 份）`, citations);
  const names = missing.map((t) => REQUIRED_DOCUMENT_TYPES[t]).join('、');
  if (missing.length === types.length) return result('rules', 'missing', `还没有登记制度文件（缺${names}）`, citations);
  return result('rules', 'partial', `缺${names}制度`, citations);
}

function evidenceCitations(f: UnitFacts, standard: StandardKey): Citation[] {
  return f.evidence
    .filter((e) => e.standard === standard)
    .flatMap((e) => e.fileIds.map((id): Citation => ({ kind: 'file', id, label: `${EVIDENCE_KINDS[e.kind]}：${e.note}`, at: e.at })));
}

/** Standards no data proves: met only when the institute confirmed with evidence on file. */
function confirmed(f: UnitFacts, standard: StandardKey): StandardResult {
  const items = f.evidence.filter((e) => e.standard === standard);
  const citations = evidenceCitations(f, standard);
  const c = f.confirmations[standard];
  if (c?.decision === 'met' && items.length > 0) return result(standard, 'met', `实践所已确认：${c.reason}`, citations, 'confirmed');
  if (c?.decision === 'met') return result(standard, 'partial', '实践所曾确认达标，但所依据的证明材料已撤回，请补充后重新确认', [], 'confirmed');
  if (c?.decision === 'not_met') return result(standard, 'missing', `实践所确认未达标：${c.reason}`, citations, 'confirmed');
  if (items.length > 0) return result(standard, 'partial', `已提交 ${items.length} 项证明材料，待实践所确认`, citations, 'confirmed');
  return result(standard, 'missing', '还没有提交证明材料', [], 'confirmed');
}

function venue(f: UnitFacts): StandardResult {
  if (f.venues.length > 0)
    return result(
      'venue',
      'met',
      `已登记阵地 ${f.venues.length} 处：${f.venues.map((v) => v.name).join('、')}`,
      f.venues.map((v): Citation => ({ kind: 'venue', id: v.id, label: v.name })),
    );
  const r = confirmed(f, 'venue');
  return r.status === 'missing' && !f.confirmations.venue ? { ...r, reason: '还没有登记阵地，也没有提交场所证明材料' } : r;
}

/** All eight, in the plan's order. */
export function evaluateStandards(f: UnitFacts): StandardResult[] {
  return [confirmed(f, 'signage'), venue(f), staff(f), teams(f), rules(f), activities(f), brand(f), confirmed(f, 'showcase')];
}

/** The months judged on a China day `YYYY-MM-DD`: the year's complete months and the running one. */
export function monthsOfYear(today: string): { complete: string[]; current: string } {
  const year = today.slice(0, 4);
  const month = Number(today.slice(5, 7));
  const complete: string[] = [];
  for (let m = 1; m < month; m++) complete.push(`${year}-${String(m).padStart(2, '0')}`);
  return { complete, current: today.slice(0, 7) };
}
