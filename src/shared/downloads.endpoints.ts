import { z } from 'zod';
import { Id } from './common';
import { routes } from './routes';
import { defineEndpoint, MIME } from './endpoint';
import { ImportReport, NationalExportInput, VolunteerListQuery } from './volunteers';

/*
 * The file endpoints of volunteers and activities: roster template, import (multipart), exports
 * (XLSX, CSV) and the iCalendar feeds. The rest of those two features is still registered inline.
 */

export const volunteerImportTemplate = defineEndpoint({
  ...routes.downloadVolunteerImportTemplate,
  summary: '下载志愿者名册导入模板（.xlsx）',
  description: '按全国志愿服务信息系统字段顺序的空白名册模板，填好后用“导入志愿者名册”上传。',
  tags: ['volunteers'],
  responses: {},
  produces: [MIME.xlsx],
  errors: ['access.denied'],
});

export const importVolunteers = defineEndpoint({
  ...routes.importVolunteers,
  summary: '导入志愿者名册：dryRun=true 只检查不写入；确认导入需 consentFileId（签字登记表扫描件）',
  description: '上传填好的名册（multipart 字段 file）。先以 dryRun=true 检查每一行，再附签字登记表扫描件确认导入；全部成功或全部不变。',
  tags: ['volunteers'],
  query: z.strictObject({ dryRun: z.enum(['true', 'false']).default('true'), consentFileId: z.uuid().optional() }),
  multipart: true,
  responses: { 200: ImportReport },
  errors: ['access.denied', 'volunteer.consent_evidence_required', 'import.xlsx_too_large'],
});

export const exportVolunteersXlsx = defineEndpoint({
  ...routes.exportVolunteersXlsx,
  summary: '导出志愿者名册（Excel，证件号码脱敏）',
  description: '按人才库的筛选条件导出管辖范围内的志愿者；证件号码脱敏，导出记入审计。',
  tags: ['volunteers'],
  query: VolunteerListQuery,
  responses: {},
  produces: [MIME.xlsx],
  errors: ['access.denied'],
});

export const exportVolunteersCsv = defineEndpoint({
  ...routes.exportVolunteersCsv,
  summary: '导出志愿者（全国志愿服务信息系统字段顺序，CSV）',
  description: '按全国志愿服务信息系统的字段顺序导出 CSV，便于批量上报；导出记入审计。',
  tags: ['volunteers'],
  query: VolunteerListQuery,
  responses: {},
  produces: [MIME.csv],
  errors: ['access.denied'],
});

export const exportVolunteersNational = defineEndpoint({
  ...routes.exportVolunteersNational,
  summary: '导出至全国志愿服务信息系统（Excel，完整证件号码）',
  description:
    '按全国志愿服务信息系统的字段（且仅这些字段）导出，证件号码和手机号码完整，证件类型、性别按全国系统代码；仅实践所管理员可用，须填写原因，原因、行数和导出人记入审计。',
  tags: ['volunteers'],
  body: NationalExportInput,
  responses: {},
  produces: [MIME.xlsx],
  errors: ['access.denied'],
});

export const unitCalendar = defineEndpoint({
  ...routes.unitActivityCalendar,
  summary: '单位公开活动日历（iCalendar）',
  description: '某实践所或实践站已发布活动的日历订阅（iCalendar），无需登录。',
  tags: ['activities'],
  access: 'public',
  params: z.strictObject({ unitId: Id }),
  responses: {},
  produces: [MIME.ics],
  errors: ['not_found'],
});

export const volunteerCalendar = defineEndpoint({
  ...routes.myActivityCalendar,
  summary: '个人活动日历（私密链接）',
  description: '本人已报名活动的日历订阅；链接即凭证，可在“我的”中作废重建。',
  tags: ['activities'],
  access: 'public',
  params: z.strictObject({ token: z.string().regex(/^[\w-]{20,64}$/) }),
  responses: {},
  produces: [MIME.ics],
  errors: ['not_found'],
});
