import { randomUUID } from 'node:crypto';
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { addDays, chinaDay } from '../../../shared/china-time';
import type { Deps } from '../../platform/deps';
import type { Trx } from '../../platform/db';
import type { PlanTaskNotesTable, PlanTasksTable, RulesDocumentsTable } from '../schema';
import type { SeedPeople } from './maan-volunteers';

/** A one-page blank PDF: the demo's stand-in for a scanned rules document. */
const BLANK_PDF = Buffer.from(
  '%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n2 0 obj<</Type/Pages/Kids[3 0 R]/Count 1>>endobj\n3 0 obj<</Type/Page/Parent 2 0 R/MediaBox[0 0 595 842]>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n',
);

type Task = [unit: 'institute' | number, title: string, section: string, lead: string, deadlineIn: number, status: PlanTasksTable['status']];

/**
 * Ma'an's plan (工作方案, 涪马鞍委发〔2020〕22号): a dozen tasks of its 任务分解表 — some done, one owned
 * by the second station and past its deadline — the three implementation
 * steps (四、(二)) dated around today, and a few rules documents (二、(二)5).
 */
export async function seedPlan(deps: Pick<Deps, 'config'>, trx: Trx, now: Date, p: SeedPeople): Promise<void> {
  const at = now.toISOString();
  const today = chinaDay(now);
  const unit = (u: Task[0]) => (u === 'institute' ? p.instituteId : p.stationIds[u]);
  const TASKS: Task[] = [
    ['institute', '制作统一的场地标牌标识和志愿者徽标、服装', '二、(二)1', '宣传委员', -40, 'done'],
    ['institute', '在龙井湖小区打造街道新时代文明实践所，完善功能室', '二、(二)2', '党群办主任', 45, 'in_progress'],
    ['institute', '实践所落实 2-3 名工作人员', '二、(二)3', '专职副书记', -20, 'done'],
    ['institute', '成立街道新时代文明实践志愿服务分队', '二、(四)1', '党工委书记', -60, 'done'],
    ['institute', '建立完善组织领导、联席会议、活动开展、队伍建设等制度', '二、(二)5', '宣传委员', 30, 'in_progress'],
    ['institute', '按“一所一品”打造至少一个活动品牌', '二、(二)7', '文服中心主任', 120, 'not_started'],
    ['institute', '开设“智慧马鞍”网络文明传播专栏', '二、(三)1', '党群办主任', 60, 'not_started'],
    [0, '整合便民服务大厅等资源，规范设置实践站办公场地', '二、(二)2', '社区党委书记', -15, 'done'],
    [0, '打造金银社区“乡村振兴”乡风文明示范点', '二、(三)2', '居委会主任', 90, 'in_progress'],
    [1, '成立社区新时代文明实践志愿服务小队', '二、(四)2', '社区党委书记', -10, 'in_progress'],
    [2, '每月至少开展 1 次文明实践活动', '二、(二)6', '居委会主任', 35, 'in_progress'],
    [3, '建设“七加一”基层宣传思想文化阵地', '三、(四)1', '社区党委书记', 75, 'not_started'],
  ];
  const tasks: PlanTasksTable[] = TASKS.map(([u, title, section, lead, inDays, status]) => ({
    id: randomUUID(),
    unit_id: unit(u),
    title,
    detail: null,
    section,
    lead_name: lead,
    deadline: addDays(today, inDays),
    status,
    done_at: status === 'done' ? new Date(Date.parse(at) + (inDays - 3) * 86_400_000).toISOString() : null,
    created_by: p.adminAccountId,
    created_at: new Date(Date.parse(at) - 90 * 86_400_000).toISOString(),
    updated_at: at,
    overdue_notified_at: null,
  }));
  await trx.insertInto('plan_tasks').values(tasks).execute();

  const notes: PlanTaskNotesTable[] = tasks
    .filter((t) => t.status !== 'not_started')
    .flatMap((t) => {
      const byStation = t.unit_id !== p.instituteId;
      const by = byStation ? p.stationAdminIds[p.stationIds.indexOf(t.unit_id)] : p.adminAccountId;
      const note = (seq: number, text: string, to: PlanTasksTable['status'] | null, daysAgo: number): PlanTaskNotesTable => ({
        id: randomUUID(),
        task_id: t.id,
        seq,
        note: text,
        status_from: to ? (seq === 1 ? 'not_started' : 'in_progress') : null,
        status_to: to,
        evidence_file_ids: '[]',
        by_account: by ?? null,
        by_name: byStation ? '实践站管理员' : '实践所管理员',
        created_at: new Date(Date.parse(at) - daysAgo * 86_400_000).toISOString(),
      });
      const first = note(1, '已召开专题会研究，明确分工和时间安排', 'in_progress', 50);
      return t.status === 'done' ? [first, note(2, '已按要求完成，材料已归档', 'done', 20)] : [first];
    });
  await trx.insertInto('plan_task_notes').values(notes).execute();

  const y = Number(today.slice(0, 4));
  await trx
    .insertInto('plan_milestones')
    .values(
      [
        { title: '制订工作实施方案，初步建立工作机制', due_on: addDays(today, -60), done_on: addDays(today, -65) },
        { title: '按照“一所一品”“一社区一特色”打造至少一个活动品牌，各社区全面开展文明实践活动', due_on: addDays(today, 120), done_on: null },
        { title: '全面提升新时代文明实践质量', due_on: `${y + 1}-12-31`, done_on: null },
      ].map((m) => ({ id: randomUUID(), unit_id: p.instituteId, ...m, created_at: at, updated_at: at })),
    )
    .execute();

  mkdirSync(path.join(deps.config.dataDir, 'uploads', 'demo'), { recursive: true });
  const DOCS: [u: 'institute' | number, RulesDocumentsTable['type'], string, string, number][] = [
    ['institute', 'leadership', '新时代文明实践所组织领导制度', '1.0', -300],
    ['institute', 'joint_meeting', '新时代文明实践联席会议制度', '1.0', -300],
    ['institute', 'joint_meeting', '新时代文明实践联席会议制度', '2.0', -30],
    ['institute', 'team', '志愿者星级评定和激励回馈制度', '1.0', -200],
    ['institute', 'activities', '新时代文明实践活动开展制度', '1.0', -280],
    [0, 'activities', '金银社区文明实践活动开展制度', '1.0', -150],
    ...stationRules(),
  ];
  for (const [i, [u, type, title, version, effective]] of DOCS.entries()) {
    const fileId = randomUUID();
    const rel = path.join('demo', `rules-${i + 1}.pdf`);
    writeFileSync(path.join(deps.config.dataDir, 'uploads', rel), BLANK_PDF);
    const fileRow = { id: fileId, unit_id: unit(u), purpose: 'evidence', original_name: `${title}（${version}）.pdf`, mime: 'application/pdf' };
    await trx
      .insertInto('files')
      .values({ ...fileRow, size: BLANK_PDF.length, sha256: '', path: rel, uploaded_by: p.adminAccountId, created_at: at })
      .execute();
    await trx
      .insertInto('rules_documents')
      .values({
        id: randomUUID(),
        unit_id: unit(u),
        type,
        title,
        version,
        effective_on: addDays(today, effective),
        file_id: fileId,
        by_account: p.adminAccountId,
        by_name: '实践所管理员',
        created_at: new Date(Date.parse(at) + effective * 86_400_000).toISOString(),
      })
      .execute();
  }
}

/**
 * Each station's own rules (二、(二)5), so the 八有 board reads them: most stations have adopted all
 * four kinds, three only two, and the last one none yet — the board shows what is missing.
 */
function stationRules(): [number, RulesDocumentsTable['type'], string, string, number][] {
  const out: [number, RulesDocumentsTable['type'], string, string, number][] = [];
  const four: [RulesDocumentsTable['type'], string][] = [
    ['leadership', '实践站组织领导制度'],
    ['joint_meeting', '实践站联席会议制度'],
    ['activities', '实践站活动开展制度'],
    ['team', '实践站志愿服务队伍建设制度'],
  ];
  for (let station = 0; station < 19; station++) {
    const kinds = station >= 16 ? four.slice(0, 2) : station === 0 ? four.filter(([t]) => t !== 'activities') : four;
    for (const [type, title] of kinds) out.push([station, type, title, '1.0', -200 + station * 5]);
  }
  return out;
}
