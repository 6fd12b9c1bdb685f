import { IdParams, Paged } from './common';
import {
  CampaignInput,
  CampaignListQuery,
  CampaignSummary,
  CampaignView,
  DecisionInput,
  NominationInput,
  NominationView,
  ObjectionInput,
  ObjectionReceipt,
  ObjectionView,
  PublicCampaignsView,
  ResolveObjectionInput,
  WithdrawNominationInput,
} from './campaigns';
import { defineEndpoint } from './endpoint';
import { named } from './openapi';
import { routes } from './routes';

named({ CampaignSummary, Campaign: CampaignView, CampaignNomination: NominationView, CampaignObjection: ObjectionView, PublicCampaigns: PublicCampaignsView });
const tags = ['campaigns'];
const publicTags = ['public', 'campaigns'];

export const listCampaigns = defineEndpoint({
  ...routes.listCampaigns,
  summary: '评选活动',
  description: '本实践所的评选活动（十星文明户、福美院落、清洁户、身边好人、道德模范、乡贤），按年度倒序，可按年度筛选；实践站看到所属实践所的评选。',
  tags,
  query: CampaignListQuery,
  responses: { 200: Paged(CampaignSummary) },
});

export const createCampaign = defineEndpoint({
  ...routes.createCampaign,
  summary: '发起评选',
  description: '实践所发起某年度的一项评选：类别、名称、评选条件、推荐时间和每站名额（可不限）。',
  tags,
  body: CampaignInput,
  responses: { 201: CampaignView },
  errors: ['not_found', 'access.denied'],
});

export const getCampaign = defineEndpoint({
  ...routes.getCampaign,
  summary: '评选详情',
  description: '评选的条件、状态和推荐名单（实践站只看到本站的推荐）；实践所管理员还看到公示期收到的异议及处理情况。',
  tags,
  params: IdParams,
  responses: { 200: CampaignView },
  errors: ['not_found'],
});

export const nominate = defineEndpoint({
  ...routes.nominate,
  summary: '推荐对象',
  description:
    '实践站在推荐时间内推荐本站的对象：户类填户主姓名、地址、家庭人数，个人类填姓名、性别、年龄段；写明事迹和证明材料，可附照片；须确认被推荐人同意公示并写明由谁记录。',
  tags,
  params: IdParams,
  body: NominationInput,
  responses: { 201: NominationView },
  errors: [
    'not_found',
    'access.denied',
    'campaigns.bad_station',
    'campaigns.not_nominating',
    'campaigns.wrong_subject',
    'campaigns.quota_full',
    'campaigns.bad_photo',
  ],
});

export const withdrawNomination = defineEndpoint({
  ...routes.withdrawNomination,
  summary: '撤回推荐',
  description: '公示前，推荐的实践站（或实践所）写明原因撤回一条推荐；原记录保留，撤回的推荐不参加评审，也不出现在结果中。',
  tags,
  params: IdParams,
  body: WithdrawNominationInput,
  responses: { 200: NominationView },
  errors: ['not_found', 'access.denied', 'campaigns.not_open', 'campaigns.already_withdrawn'],
});

export const decideNomination = defineEndpoint({
  ...routes.decideNomination,
  summary: '评审推荐',
  description: '实践所对一条推荐作出入选或不入选的结论并写明理由；结论只增不改，同时提交的两个结论只有一个生效。',
  tags,
  params: IdParams,
  body: DecisionInput,
  responses: { 200: NominationView },
  errors: ['not_found', 'access.denied', 'campaigns.not_open', 'campaigns.already_withdrawn', 'campaigns.already_decided'],
});

export const publishCampaign = defineEndpoint({
  ...routes.publishCampaign,
  summary: '发布公示',
  description: '全部推荐评审完毕后，实践所发布入选名单进行公示；公示期按规则“评选结果公示期（工作日）”（默认 5 个工作日）计算，节假日和调休按工作日历。',
  tags,
  params: IdParams,
  responses: { 200: CampaignView },
  errors: ['not_found', 'access.denied', 'campaigns.not_open', 'campaigns.undecided', 'campaigns.none_selected'],
});

export const finaliseCampaign = defineEndpoint({
  ...routes.finaliseCampaign,
  summary: '确定评选结果',
  description: '公示期结束且异议全部处理后，实践所确定结果；结果按年度保存并在门户公布。',
  tags,
  params: IdParams,
  responses: { 200: CampaignView },
  errors: ['not_found', 'access.denied', 'campaigns.not_in_notice', 'campaigns.notice_running', 'campaigns.objections_open'],
});

export const resolveObjection = defineEndpoint({
  ...routes.resolveObjection,
  summary: '处理异议',
  description: '实践所处理公示期收到的异议：异议成立则该对象从结果中移除并写明理由，不成立则答复。',
  tags,
  params: IdParams,
  body: ResolveObjectionInput,
  responses: { 200: ObjectionView },
  errors: ['not_found', 'access.denied', 'campaigns.already_resolved'],
});

export const listPublicCampaigns = defineEndpoint({
  ...routes.listPublicCampaigns,
  summary: '门户：评选公示与结果',
  description:
    '无需登录：正在公示的评选名单，以及往年评选结果（身边好人即善行义举榜，乡贤即乡贤榜）。只显示姓名、所属实践站和事迹，不含证明材料、照片和异议人信息。',
  tags: publicTags,
  access: 'public',
  responses: { 200: PublicCampaignsView },
});

export const fileObjection = defineEndpoint({
  ...routes.fileObjection,
  summary: '门户：对公示对象提出异议',
  description: '无需登录：公示期内任何人可对公示名单中的对象提出异议（姓名可不填，须留联系方式）；公示期结束后不再受理。每个地址每分钟限 5 次。',
  tags: publicTags,
  access: 'public',
  params: IdParams,
  body: ObjectionInput,
  responses: { 201: ObjectionReceipt },
  errors: ['not_found', 'campaigns.objection_closed', 'campaigns.bad_nominee', 'auth.rate_limited'],
});
