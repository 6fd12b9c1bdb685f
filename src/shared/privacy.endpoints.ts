import { defineEndpoint, MIME } from './endpoint';
import { named } from './openapi';
import { PrivacyDecisionInput, PrivacyRequestInput, PrivacyRequestList, PrivacyRequestQuery, PrivacyRequestView } from './privacy';
import { IdParams } from './common';
import { routes } from './routes';

named({ PrivacyRequest: PrivacyRequestView });
const tags = ['privacy'];

export const exportMyData = defineEndpoint({
  ...routes.exportMyData,
  summary: '下载我的个人信息',
  description:
    '当前登录者下载本平台保存的关于本人的全部信息（JSON 文件，中文键名）：个人信息（含本人完整证件号码）、志愿者登记与同意记录、队伍、服务时长记录、星级、积分、表彰、活动报名、下的和服务的订单。只能下载本人的，每次下载记入审计（个人信息保护法 第四十五条）。',
  tags,
  responses: {},
  produces: [MIME.json],
});

export const listMyPrivacyRequests = defineEndpoint({
  ...routes.listMyPrivacyRequests,
  summary: '我的删除申请',
  description: '当前登录者提出的个人信息删除申请及处理结果。',
  tags,
  responses: { 200: PrivacyRequestList },
});

export const requestDeletion = defineEndpoint({
  ...routes.requestDeletion,
  selfService: true,
  summary: '申请删除我的个人信息',
  description:
    '当前登录者申请删除本人的个人信息（理由可不填），由所在实践站或所的管理员处理；已有处理中的申请时答 409。记入审计（个人信息保护法 第四十七条）。',
  tags,
  body: PrivacyRequestInput,
  responses: { 201: PrivacyRequestView },
  errors: ['privacy.request_open', 'privacy.no_unit'],
});

export const listPrivacyRequests = defineEndpoint({
  ...routes.listPrivacyRequests,
  summary: '个人信息删除申请',
  description: '管辖范围内的个人信息删除申请，默认只列处理中的。',
  tags,
  query: PrivacyRequestQuery,
  responses: { 200: PrivacyRequestList },
  errors: ['access.denied'],
});

export const decidePrivacyRequest = defineEndpoint({
  ...routes.decidePrivacyRequest,
  summary: '处理删除申请：同意并删除，或拒绝',
  description:
    '所或申请人所在实践站的管理员处理：同意后在同一事务中将此人匿名化（姓名改为“已注销用户”，清除手机号、证件、邮箱、紧急联系人、监护人等，停用账号并使其全部登录失效），时长、积分、物资和审计台账保留记录但不再能识别到本人；拒绝须写明理由（如法定保存期限未满）。只能处理一次，记入审计。',
  tags,
  params: IdParams,
  body: PrivacyDecisionInput,
  responses: { 200: PrivacyRequestView },
  errors: ['not_found', 'access.denied', 'privacy.already_decided', 'privacy.self_decision'],
});
