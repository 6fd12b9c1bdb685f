import { defineEndpoint, MIME } from './endpoint';
import { named } from './openapi';
import { ReportQuery, ReportView } from './reports';
import { routes } from './routes';

named({ ReportView });
const tags = ['reports'];

const errors = ['not_found', 'access.denied', 'reports.bad_period', 'reports.not_institute'] as const;

export const getReport = defineEndpoint({
  ...routes.getReport,
  summary: '工作报表（月报/年报）',
  description:
    '某实践所某月（period=YYYY-MM）或某年（period=YYYY）的工作报表，全部由已录入的数据生成：活动（按项目、按站）、志愿者与服务时长（以时长台账为准）、' +
    '群众点单（及时率、满意度）、“八有”达标、培训与覆盖率、经费预算执行、联席会议与议定事项。实践所管理员看本所，区中心看各所；实践站不看实践所报表。',
  tags,
  query: ReportQuery,
  responses: { 200: ReportView },
  errors,
});

export const exportReportExcel = defineEndpoint({
  ...routes.exportReportExcel,
  summary: '导出工作报表（Excel）',
  description: '同一报表的 Excel：第一张为封面/汇总，之后每个部分一张工作表，中文表头。导出记入审计。',
  tags,
  query: ReportQuery,
  responses: {},
  produces: [MIME.xlsx],
  errors,
});

export const exportReportPdf = defineEndpoint({
  ...routes.exportReportPdf,
  summary: '导出工作报表（PDF）',
  description: '同一报表的中文 PDF：标题如“XX新时代文明实践所 2026年11月 工作月报”，各部分一节一表，页码与生成时间。导出记入审计。',
  tags,
  query: ReportQuery,
  responses: {},
  produces: [MIME.pdf],
  errors,
});
