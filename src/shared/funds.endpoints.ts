import { IdParams, Paged } from './common';
import { routes } from './routes';
import { defineEndpoint, MIME } from './endpoint';
import {
  BudgetAdjustmentInput,
  BudgetLineInput,
  BudgetLineQuery,
  BudgetLineView,
  FundCorrectionInput,
  FundEntryInput,
  FundEntryQuery,
  FundEntryView,
  FundTotalsQuery,
  FundTotalsView,
} from './funds';
import { named } from './openapi';

named({ BudgetLineView, FundEntryView, FundTotalsView });
const tags = ['funds'];

export const listBudgetLines = defineEndpoint({
  ...routes.listBudgetLines,
  summary: '年度经费预算',
  description: '管辖范围内各单位某一年度的预算（含每次调整）；实践站管理员只看到本站的，区中心可查看全部。',
  tags,
  query: BudgetLineQuery,
  responses: { 200: Paged(BudgetLineView) },
  errors: ['not_found', 'access.denied'],
});

export const createBudgetLine = defineEndpoint({
  ...routes.createBudgetLine,
  summary: '新增预算',
  description:
    '为实践所或实践站新增一条年度预算：经费性质（建设经费/运行经费）、来源（财政支持/社会筹集/协调整合，协调整合须写明出资部门）、金额（分）、可选的实践项目。预算一经录入不能修改或删除，只能调整。',
  tags,
  body: BudgetLineInput,
  responses: { 201: BudgetLineView },
  errors: ['not_found', 'access.denied', 'funds.bad_unit', 'funds.department_required', 'funds.programme_not_found'],
});

export const adjustBudgetLine = defineEndpoint({
  ...routes.adjustBudgetLine,
  summary: '调整预算（追加或调减）',
  description: '以一条带原因的调整记录追加（正数）或调减（负数）预算，原预算保持不变；调减后预算不能小于 0。',
  tags,
  params: IdParams,
  body: BudgetAdjustmentInput,
  responses: { 201: BudgetLineView },
  errors: ['not_found', 'access.denied', 'funds.correction_exceeds'],
});

export const listFundEntries = defineEndpoint({
  ...routes.listFundEntries,
  summary: '经费支出台账',
  description: '某一年度的支出记录与冲减记录，按日期倒序；可按单位、来源、性质、实践项目筛选。',
  tags,
  query: FundEntryQuery,
  responses: { 200: Paged(FundEntryView) },
  errors: ['not_found', 'access.denied'],
});

export const getFundEntry = defineEndpoint({
  ...routes.getFundEntry,
  summary: '一笔支出',
  tags,
  params: IdParams,
  responses: { 200: FundEntryView },
  errors: ['not_found', 'access.denied'],
});

export const createFundEntry = defineEndpoint({
  ...routes.createFundEntry,
  summary: '登记一笔支出',
  description:
    '登记日期、单位、金额（分）、来源、性质、用途、收款方与票据（已上传文件的编号）；可关联实践项目和预算（须同年度、同单位、同来源与性质）。台账只增不改：登记错了用冲减更正。',
  tags,
  body: FundEntryInput,
  responses: { 201: FundEntryView },
  errors: [
    'not_found',
    'access.denied',
    'funds.bad_unit',
    'funds.department_required',
    'funds.programme_not_found',
    'funds.line_mismatch',
    'funds.receipt_missing',
    'funds.future_date',
  ],
});

export const correctFundEntry = defineEndpoint({
  ...routes.correctFundEntry,
  summary: '冲减更正一笔支出',
  description: '以一条负数金额、写明原因的冲减记录更正原支出；原记录不变。冲减合计不能超过原金额，冲减记录本身不能再冲减。',
  tags,
  params: IdParams,
  body: FundCorrectionInput,
  responses: { 201: FundEntryView },
  errors: ['not_found', 'access.denied', 'funds.correction_exceeds', 'funds.not_correctable'],
});

export const fundTotals = defineEndpoint({
  ...routes.fundTotals,
  summary: '预算执行情况',
  description: '某一年度按单位、实践项目、来源、性质汇总的预算与支出及执行率，并按单位、来源、性质小计。',
  tags,
  query: FundTotalsQuery,
  responses: { 200: FundTotalsView },
  errors: ['not_found', 'access.denied'],
});

export const exportFundStatement = defineEndpoint({
  ...routes.exportFundStatement,
  summary: '导出年度经费报表（Excel）',
  description: '某一年度的预算执行汇总与支出明细（含冲减），中文表头；导出记入审计。',
  tags,
  query: FundTotalsQuery,
  responses: {},
  produces: [MIME.xlsx],
  errors: ['not_found', 'access.denied'],
});
