import { randomUUID } from 'node:crypto';
import type { FundBudgetLinesTable, FundEntriesTable } from '../schema';
import type { Trx } from '../../platform/db';
import type { SeedPeople } from './maan-volunteers';

/**
 * 经费 of the demo (工作方案 五、(四)): the 2026 budget of the institute and four stations from the
 * three sources, and a year's plausible spending against it, with one counter-entry (a receipt
 * entered twice and reversed). Amounts are integer fen. Written straight into the ledger tables
 * (insert only, as the ledger itself does); the demo is seeded in one transaction.
 */
export async function seedFunds(trx: Trx, now: Date, p: SeedPeople): Promise<void> {
  const at = now.toISOString();
  const programmes = new Map((await trx.selectFrom('programmes').select(['id', 'name']).execute()).map((x) => [x.name, x.id]));
  const station = (i: number) => p.stationIds[i] as string;
  const stationAdmin = (i: number) => p.stationAdminIds[i] ?? p.adminAccountId;

  const lines: FundBudgetLinesTable[] = [];
  const line = (
    unitId: string,
    kind: 'construction' | 'operation',
    source: 'fiscal' | 'social' | 'coordinated',
    yuan: number,
    extra: Partial<FundBudgetLinesTable> = {},
  ) => {
    const row: FundBudgetLinesTable = {
      id: randomUUID(),
      year: 2026,
      unit_id: unitId,
      programme_id: null,
      kind,
      source,
      department: null,
      amount_fen: yuan * 100,
      note: null,
      corrects_id: null,
      reason: null,
      created_by: p.adminAccountId,
      created_at: at,
      ...extra,
    };
    lines.push(row);
    return row;
  };
  // The institute: building from pooled departments' funds with a fiscal backstop, running from the fiscal budget.
  const instBuild = line(p.instituteId, 'construction', 'fiscal', 300_000, { note: '实践所阵地改造（财政兜底）' });
  const instCoord = line(p.instituteId, 'construction', 'coordinated', 120_000, { department: '区文化和旅游委员会', note: '文化活动室设备整合' });
  const instRun = line(p.instituteId, 'operation', 'fiscal', 180_000, { note: '年度运行经费' });
  const instKids = line(p.instituteId, 'operation', 'social', 50_000, { programme_id: programmes.get('温暖润童心') ?? null, note: '爱心企业捐赠' });
  // Four stations: running money from the street's budget; two have social funds, one a department's.
  const stRun = [0, 1, 2, 3].map((i) =>
    line(station(i), 'operation', 'fiscal', [30_000, 24_000, 20_000, 18_000][i] as number, { created_by: p.adminAccountId }),
  );
  const st0Social = line(station(0), 'operation', 'social', 8_000, { note: '辖区商户众筹', programme_id: programmes.get('共享邻里情') ?? null });
  const st1Coord = line(station(1), 'construction', 'coordinated', 15_000, { department: '区妇联', note: '“妇女之家”场地整合' });
  const st2Build = line(station(2), 'construction', 'fiscal', 40_000, { note: '新时代文明实践站标识标牌' });
  await trx.insertInto('fund_budget_lines').values(lines).execute();
  // One adjustment: the institute's running budget topped up mid-year.
  await trx
    .insertInto('fund_budget_lines')
    .values({
      ...instRun,
      id: randomUUID(),
      amount_fen: 20_000_00,
      note: null,
      corrects_id: instRun.id,
      reason: '年中追加：理论宣讲进小区',
      created_at: at,
    })
    .execute();

  const entries: FundEntriesTable[] = [];
  const entry = (
    l: FundBudgetLinesTable,
    spentOn: string,
    fen: number,
    purpose: string,
    payee: string,
    by: string = p.adminAccountId,
    extra: Partial<FundEntriesTable> = {},
  ) => {
    const row: FundEntriesTable = {
      id: randomUUID(),
      spent_on: spentOn,
      unit_id: l.unit_id,
      programme_id: l.programme_id,
      budget_line_id: l.id,
      kind: l.kind,
      source: l.source,
      department: l.department,
      amount_fen: fen,
      purpose,
      payee,
      receipt_file_ids: '[]',
      corrects_id: null,
      reason: null,
      created_by: by,
      created_at: at,
      ...extra,
    };
    entries.push(row);
    return row;
  };
  entry(instBuild, '2026-03-12', 128_650_00, '实践所一楼多功能厅改造（第一期）', '涪陵区恒力装饰工程有限公司');
  entry(instBuild, '2026-06-20', 96_300_00, '实践所一楼多功能厅改造（第二期）', '涪陵区恒力装饰工程有限公司');
  entry(instCoord, '2026-04-08', 46_800_00, '文化活动室音响、投影设备', '重庆声远电子科技有限公司');
  entry(instRun, '2026-01-18', 12_480_50, '理论宣讲资料印制', '涪陵区新华印务有限公司', p.adminAccountId, {
    programme_id: programmes.get('理论讲习所') ?? null,
  });
  entry(instRun, '2026-02-28', 3_260_00, '志愿者保险（第一季度）', '中国人寿涪陵支公司');
  entry(instRun, '2026-05-15', 8_795_80, '“我们的节日”端午活动物资', '马鞍街道便民超市', p.adminAccountId, {
    programme_id: programmes.get('我们的舞台·我们的风采') ?? null,
  });
  entry(instRun, '2026-07-02', 21_600_00, '水电、网络与物业费（上半年）', '马鞍街道物业服务中心');
  const dup = entry(instRun, '2026-07-02', 21_600_00, '水电、网络与物业费（上半年）', '马鞍街道物业服务中心');
  entry(instKids, '2026-07-20', 18_420_00, '七彩假期课堂教具与午餐', '涪陵区童心文具店');
  entry(stRun[0] as FundBudgetLinesTable, '2026-03-05', 2_350_00, '学雷锋志愿服务活动物资', '金银社区便民超市', stationAdmin(0));
  entry(stRun[0] as FundBudgetLinesTable, '2026-06-11', 4_180_60, '四点半课堂文具与图书', '涪陵区童心文具店', stationAdmin(0));
  entry(st0Social, '2026-05-09', 3_600_00, '空巢老人义诊体检', '涪陵区中医院', stationAdmin(0));
  entry(stRun[1] as FundBudgetLinesTable, '2026-04-22', 5_200_00, '读书座谈与亲子阅读活动', '涪陵区新华书店', stationAdmin(1));
  entry(st1Coord, '2026-03-30', 15_900_00, '“妇女之家”桌椅与展板', '涪陵区美家家具城', stationAdmin(1));
  entry(stRun[2] as FundBudgetLinesTable, '2026-02-14', 1_920_00, '元宵节猜灯谜活动', '马鞍大道日杂店', stationAdmin(2));
  entry(st2Build, '2026-05-27', 36_750_00, '实践站门头标识与宣传栏', '涪陵区鑫艺广告有限公司', stationAdmin(2));
  entry(stRun[3] as FundBudgetLinesTable, '2026-06-05', 2_880_40, '坝坝舞比赛奖品与饮用水', '望州路综合商店', stationAdmin(3));
  await trx.insertInto('fund_entries').values(entries).execute();
  // The utilities were entered twice: the second entry is reversed in full by a counter-entry.
  await trx
    .insertInto('fund_entries')
    .values({
      ...dup,
      id: randomUUID(),
      amount_fen: -dup.amount_fen,
      receipt_file_ids: '[]',
      corrects_id: dup.id,
      reason: '重复登记，冲减',
      created_at: at,
    })
    .execute();
}
