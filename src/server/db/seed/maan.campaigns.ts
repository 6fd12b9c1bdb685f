import { randomUUID } from 'node:crypto';
import { addDays, chinaDay } from '../../../shared/china-time';
import { noticeEndsOn } from '../../../shared/rules/campaigns';
import { RULES } from '../../../shared/settings';
import type { Trx } from '../../platform/db';
import type {
  CampaignDecisionsTable,
  CampaignNominationsTable,
  CampaignObjectionResolutionsTable,
  CampaignObjectionsTable,
  CampaignsTable,
  CampaignWithdrawalsTable,
} from '../schema';
import type { SeedPeople } from './maan-volunteers';

const CAL = { holidays: [...RULES['calendar.holidays'].default], makeupWorkdays: [...RULES['calendar.makeupWorkdays'].default] };

const HOUSEHOLDS: [name: string, address: string, members: number, deeds: string][] = [
  ['李德明家', '金银路 18 号 2 栋', 5, '三代同堂，孝老爱亲，常年照顾瘫痪在床的老母亲；主动参与楼道清洁和垃圾分类'],
  ['王秀英家', '龙井湖小区 5 栋', 4, '家风淳朴，子女勤学上进；多年义务为邻居代收快递、照看孩子'],
  ['陈国强家', '马鞍大道 66 号附 3 号', 3, '带头移风易俗，婚事新办简办；庭院整洁，种植花木美化院落'],
  ['刘桂兰家', '望州路 12 号 1 单元', 6, '热心公益，每年参加无偿献血；家庭和睦，邻里关系融洽'],
  ['赵建华家', '金银路 30 号', 4, '遵纪守法、诚信经营，带动周边商户参与文明城市创建'],
  ['杨春梅家', '龙井湖小区 9 栋', 2, '空巢老人自强自立，坚持参加社区文艺队，为邻居义务缝补衣物'],
  ['黄志勇家', '马鞍大道 88 号', 5, '勤劳致富后不忘乡邻，出资修缮小区健身设施'],
];

const GOOD_PEOPLE: [name: string, gender: 'male' | 'female', age: string, deeds: string][] = [
  ['周玉芬', 'female', '60-79岁', '退休后坚持十年照看独居老人，风雨无阻上门送餐'],
  ['吴振华', 'male', '36-59岁', '跳入江中救起落水儿童，事后婉拒家属酬谢'],
  ['郑小燕', 'female', '18-35岁', '利用周末为社区留守儿童义务辅导功课三年'],
  ['孙宏伟', 'male', '60-79岁', '自费购置工具，义务为居民修理家电上千次'],
];

const SAGES: [name: string, gender: 'male' | 'female', age: string, deeds: string][] = [
  ['何守正', 'male', '60-79岁', '退休教师，牵头修订居民公约，调解邻里纠纷数十起'],
  ['林淑珍', 'female', '60-79岁', '返乡创业带动三十余户增收，捐资设立助学金'],
];

const names = new Map<string, string>();
const nameOf = (accountId: string) => names.get(accountId) ?? '工作人员';

interface Built {
  campaigns: CampaignsTable[];
  nominations: CampaignNominationsTable[];
  withdrawals: CampaignWithdrawalsTable[];
  decisions: CampaignDecisionsTable[];
  objections: CampaignObjectionsTable[];
  resolutions: CampaignObjectionResolutionsTable[];
}

function campaign(
  p: SeedPeople,
  over: Partial<CampaignsTable> & Pick<CampaignsTable, 'year' | 'kind' | 'title' | 'nominate_from' | 'nominate_until' | 'status'>,
): CampaignsTable {
  return {
    id: randomUUID(),
    institute_id: p.instituteId,
    criteria: '',
    criteria_items: '[]',
    quota_per_station: 2,
    published_at: null,
    notice_ends_on: null,
    finalised_at: null,
    created_by: p.adminAccountId,
    created_at: `${over.nominate_from}T01:00:00.000Z`,
    ...over,
  };
}

/**
 * 评选 in the Ma'an demo: this year's 十星文明户 in 公示 now (nominations from five stations, one
 * withdrawn, one not selected, one objection waiting to be handled) and last year's 身边好人 and 乡贤,
 * finalised (the portal's 善行义举榜 and 乡贤榜). No photos: the demo has none of real households.
 */
export async function seedCampaigns(trx: Trx, now: Date, p: SeedPeople): Promise<void> {
  const today = chinaDay(now);
  const year = Number(today.slice(0, 4));
  const b: Built = { campaigns: [], nominations: [], withdrawals: [], decisions: [], objections: [], resolutions: [] };
  const accounts = await trx
    .selectFrom('accounts')
    .select(['id', 'display_name'])
    .where('id', 'in', [p.adminAccountId, ...p.stationAdminIds])
    .execute();
  for (const a of accounts) names.set(a.id, a.display_name);
  const by = (stationIndex: number) => ({ account: p.stationAdminIds[stationIndex], name: nameOf(p.stationAdminIds[stationIndex]) });

  const published = addDays(today, -1);
  const tenStar = campaign(p, {
    year,
    kind: 'ten_star',
    title: `${year} 年度十星文明户评选`,
    criteria: '爱党爱国、遵纪守法、诚信友善、孝老爱亲、勤劳致富、移风易俗、卫生整洁、邻里和睦、热心公益、学习进取，十星俱全者入选。',
    criteria_items: JSON.stringify(['爱国星', '守法星', '诚信星', '孝亲星', '勤劳星', '新风星', '卫生星', '和睦星', '公益星', '学习星']),
    nominate_from: addDays(today, -30),
    nominate_until: addDays(today, -5),
    status: 'notice',
    published_at: `${published}T02:00:00.000Z`,
    notice_ends_on: noticeEndsOn(published, RULES['campaigns.noticeWorkingDays'].default, CAL),
  });
  b.campaigns.push(tenStar);
  HOUSEHOLDS.forEach(([name, address, members, deeds], i) => {
    const si = i % 5;
    const n = nomination(tenStar, p, si, addDays(today, -20 + i), { nominee_name: name, address, members, deeds });
    b.nominations.push(n);
    if (i === 6) {
      b.withdrawals.push({
        id: randomUUID(),
        nomination_id: n.id,
        reason: '户主本人表示暂不参评',
        by_account: by(si).account,
        by_name: by(si).name,
        created_at: `${addDays(today, -6)}T03:00:00.000Z`,
      });
      return;
    }
    const selected = i !== 4;
    b.decisions.push(decision(p, n.id, selected, selected ? '事迹属实，十星俱全，同意入选' : '“新风星”材料不足，本年度暂不入选', addDays(today, -3)));
  });
  b.objections.push({
    id: randomUUID(),
    campaign_id: tenStar.id,
    nomination_id: b.nominations[2].id,
    name: null,
    contact: '13800009999',
    content: '该户院内有违章搭建的棚子，与“卫生星”不符，请核实。',
    created_at: now.toISOString(),
  });

  finalCampaign(b, p, year - 1, 'good_person', `${year - 1} 年度“身边好人”评选`, '助人为乐、见义勇为、诚实守信、敬业奉献、孝老爱亲的身边好人。', GOOD_PEOPLE);
  finalCampaign(b, p, year - 1, 'sage', `${year - 1} 年度乡贤评选`, '品德高尚、热心乡梓、在群众中有威望的新乡贤。', SAGES);

  await trx.insertInto('campaigns').values(b.campaigns).execute();
  await trx.insertInto('campaign_nominations').values(b.nominations).execute();
  await trx.insertInto('campaign_withdrawals').values(b.withdrawals).execute();
  await trx.insertInto('campaign_decisions').values(b.decisions).execute();
  await trx.insertInto('campaign_objections').values(b.objections).execute();
  if (b.resolutions.length > 0) await trx.insertInto('campaign_objection_resolutions').values(b.resolutions).execute();
}

function nomination(
  c: CampaignsTable,
  p: SeedPeople,
  si: number,
  day: string,
  who: Partial<CampaignNominationsTable> & { nominee_name: string; deeds: string },
): CampaignNominationsTable {
  return {
    id: randomUUID(),
    campaign_id: c.id,
    station_id: p.stationIds[si],
    address: null,
    members: null,
    gender: null,
    age_band: null,
    evidence: '社区走访记录、居民评议会意见',
    photo_file_ids: '[]',
    consent_recorded_by: '社区网格员',
    consent_on: day,
    created_by: p.stationAdminIds[si],
    created_by_name: nameOf(p.stationAdminIds[si]),
    created_at: `${day}T02:00:00.000Z`,
    ...who,
  };
}

function decision(p: SeedPeople, nominationId: string, selected: boolean, reason: string, day: string): CampaignDecisionsTable {
  return {
    id: randomUUID(),
    nomination_id: nominationId,
    selected: selected ? 1 : 0,
    reason,
    by_account: p.adminAccountId,
    by_name: nameOf(p.adminAccountId),
    created_at: `${day}T03:00:00.000Z`,
  };
}

function finalCampaign(b: Built, p: SeedPeople, year: number, kind: string, title: string, criteria: string, people: typeof GOOD_PEOPLE) {
  const published = `${year}-11-10`;
  const c = campaign(p, {
    year,
    kind,
    title,
    criteria,
    nominate_from: `${year}-10-08`,
    nominate_until: `${year}-10-31`,
    status: 'final',
    published_at: `${published}T02:00:00.000Z`,
    notice_ends_on: noticeEndsOn(published, 5, CAL),
    finalised_at: `${year}-11-20T02:00:00.000Z`,
  });
  b.campaigns.push(c);
  people.forEach(([name, gender, age, deeds], i) => {
    const n = nomination(c, p, (i * 3) % p.stationIds.length, `${year}-10-${String(10 + i).padStart(2, '0')}`, {
      nominee_name: name,
      gender,
      age_band: age,
      deeds,
    });
    b.nominations.push(n);
    b.decisions.push(decision(p, n.id, true, '事迹感人，群众公认', `${year}-11-05`));
  });
}
