import { randomUUID } from 'node:crypto';
import type { Trx } from '../../platform/db';
import type { NewsItemsTable, NewsSubmissionsTable } from '../schema';
import type { SeedPeople } from './maan-volunteers';

const HOUR = 3600_000;
const DAY = 24 * HOUR;

type Item = [unit: 'institute' | number, category: NewsItemsTable['category'], title: string, paragraphs: string[], linkActivity: boolean];

const PUBLISHED: Item[] = [
  [
    'institute',
    'work',
    '马鞍街道召开新时代文明实践工作推进会',
    [
      '街道新时代文明实践所召开工作推进会，总结上半年“五为”文明实践活动开展情况，部署下一阶段重点任务。',
      '会议要求各实践站围绕群众需求，做实“群众点单、实践所派单、志愿者接单、群众评单”服务机制。',
    ],
    false,
  ],
  [
    0,
    'activity',
    '金银社区开展“邻里守望”敬老志愿服务',
    ['志愿者走进独居老人家中，打扫卫生、测量血压、陪伴聊天。', '活动共服务老人 32 户，收到居民点赞。'],
    true,
  ],
  [
    1,
    'volunteer',
    '志愿风采｜退休教师义务辅导留守儿童三年',
    ['每逢周末，社区活动室里总能看到她耐心辅导孩子们写作业的身影。', '“能帮孩子们一把，我心里踏实。”'],
    false,
  ],
  [2, 'activity', '马鞍社区举办垃圾分类宣传活动', ['志愿者通过有奖问答、现场示范等方式，向居民普及垃圾分类知识。'], true],
  [
    'institute',
    'notice',
    '关于开展 2026 年度“十星文明户”评选的通知',
    ['各实践站：按照街道工作方案，现开展年度“十星文明户”评选，请各站按名额推荐。', '推荐材料请于规定时间内通过平台提交。'],
    false,
  ],
  [3, 'activity', '望州社区组织“文明实践进小区”文艺汇演', ['社区文艺队带来舞蹈、快板、川剧等节目，宣传移风易俗新风尚。'], true],
  [0, 'work', '金银社区新时代文明实践站完成阵地提档升级', ['实践站新设党员活动室、图书阅览室和志愿服务站，“八有”标准全部达标。'], false],
  [4, 'volunteer', '志愿风采｜“红马甲”护学岗守护上学路', ['每天早晚高峰，护学岗志愿者准时出现在校门口，护送学生安全过街。'], false],
];

const DRAFTS: Item[] = [
  [1, 'activity', '龙井湖社区义诊活动报道', ['活动照片待补充。'], false],
  ['institute', 'work', '第三季度新时代文明实践工作总结', ['待实践所领导审阅。'], false],
];

const html = (paragraphs: string[]) => paragraphs.map((p) => `<p>${p}</p>`).join('');

/** ~8 published news across the institute and stations (some on held activities), 2 drafts, 信息报送 history. */
export async function seedNews(trx: Trx, now: Date, p: SeedPeople): Promise<void> {
  const accounts = await trx
    .selectFrom('accounts')
    .select(['id', 'display_name'])
    .where('id', 'in', [p.adminAccountId, ...p.stationAdminIds])
    .execute();
  const nameOf = new Map(accounts.map((a) => [a.id, a.display_name]));
  const authorOf = (unit: 'institute' | number) => (unit === 'institute' ? p.adminAccountId : (p.stationAdminIds[unit] ?? p.adminAccountId));
  const unitOf = (unit: 'institute' | number) => (unit === 'institute' ? p.instituteId : (p.stationIds[unit] ?? p.instituteId));
  const held = await trx
    .selectFrom('activities')
    .select(['id', 'unit_id'])
    .where('unit_id', 'in', p.stationIds.slice(0, 5))
    .where('status', 'in', ['ended', 'summarised'])
    .orderBy('starts_at', 'desc')
    .execute();

  const items: NewsItemsTable[] = [];
  const subs: NewsSubmissionsTable[] = [];
  const make = ([unit, category, title, paragraphs, link]: Item, i: number, published: boolean) => {
    const author = authorOf(unit);
    const unitId = unitOf(unit);
    const at = new Date(now.getTime() - (i * 4 + 2) * DAY).toISOString();
    const row: NewsItemsTable = {
      id: randomUUID(),
      unit_id: unitId,
      title,
      category,
      body_html: html(paragraphs),
      summary: null,
      cover_file_id: null,
      image_file_ids: '[]',
      activity_id: link ? (held.find((a) => a.unit_id === unitId)?.id ?? null) : null,
      programme_id: null,
      status: published ? 'published' : 'draft',
      published_at: published ? at : null,
      published_by: published ? author : null,
      published_by_name: published ? (nameOf.get(author) ?? '工作人员') : null,
      withdrawn_at: null,
      withdraw_reason: null,
      created_by: author,
      created_by_name: nameOf.get(author) ?? '工作人员',
      created_at: at,
      updated_at: at,
    };
    items.push(row);
    return row;
  };
  const pub = PUBLISHED.map((it, i) => make(it, i, true));
  for (const [i, it] of DRAFTS.entries()) make(it, i, false);

  // 信息报送: adopted, returned (one resubmitted and adopted), one still waiting.
  const step = (n: NewsItemsTable, seq: number, status: NewsSubmissionsTable['status'], hoursAfter: number, reason: string | null = null) => {
    const reviewer = status === 'submitted' ? (n.created_by ?? p.adminAccountId) : p.adminAccountId;
    subs.push({
      id: randomUUID(),
      news_id: n.id,
      unit_id: n.unit_id,
      seq,
      status,
      reason,
      by_account: reviewer,
      by_name: nameOf.get(reviewer) ?? '工作人员',
      created_at: new Date(new Date(n.published_at ?? n.created_at).getTime() + hoursAfter * HOUR).toISOString(),
    });
  };
  const [a, b, c, d, e, , g] = pub;
  for (const n of [a, b, e]) {
    if (!n) continue;
    step(n, 1, 'submitted', 1);
    step(n, 2, 'adopted', 26);
  }
  if (c) {
    step(c, 1, 'submitted', 1);
    step(c, 2, 'returned', 20, '请补充活动现场照片和参与人数');
    step(c, 3, 'submitted', 30);
    step(c, 4, 'adopted', 50);
  }
  if (d) {
    step(d, 1, 'submitted', 2);
    step(d, 2, 'returned', 24, '内容与专栏主题不符');
  }
  if (g) step(g, 1, 'submitted', 3);

  await trx.insertInto('news_items').values(items).execute();
  await trx.insertInto('news_submissions').values(subs).execute();
}
