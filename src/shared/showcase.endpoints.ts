import { IdParams, Paged } from './common';
import { defineEndpoint } from './endpoint';
import { named } from './openapi';
import { routes } from './routes';
import { PublicShowcaseItem, PublicShowcaseQuery, ShowcaseInput, ShowcaseItemView, ShowcaseListQuery, ShowcaseUpdate, WithdrawShowcaseInput } from './showcase';

named({ ShowcaseItem: ShowcaseItemView, PublicShowcaseItem });
const tags = ['showcase'];
const publicTags = ['public', 'showcase'];

export const listShowcase = defineEndpoint({
  ...routes.listShowcase,
  summary: '成果展示',
  description: '管辖范围内各单位的成果展示（品牌、精品活动、图片集、短视频、文化墙、宣传折页），可按类别和状态筛选；精选在前，再按排序号。',
  tags,
  query: ShowcaseListQuery,
  responses: { 200: Paged(ShowcaseItemView) },
});

export const createShowcase = defineEndpoint({
  ...routes.createShowcase,
  summary: '新建成果展示',
  description:
    '实践所或实践站新建一项展示（草稿）：类别、标题、说明、封面、按顺序排列的文件（图片集可配说明），精品活动关联一个活动，品牌可关联项目；写明展示中出现的志愿者和居民及其同意记录。',
  tags,
  body: ShowcaseInput,
  responses: { 201: ShowcaseItemView },
  errors: ['not_found', 'access.denied', 'showcase.bad_unit', 'showcase.bad_media', 'showcase.bad_activity', 'showcase.bad_programme'],
});

export const getShowcase = defineEndpoint({
  ...routes.getShowcase,
  summary: '成果展示详情',
  description: '一项展示的全部内容，包括出现人员的同意记录和撤下记录。',
  tags,
  params: IdParams,
  responses: { 200: ShowcaseItemView },
  errors: ['not_found'],
});

export const updateShowcase = defineEndpoint({
  ...routes.updateShowcase,
  summary: '修改成果展示',
  description: '修改草稿或已撤下的展示；已发布的须先撤下。出现人员名单整体替换，原同意记录保留在历史中。',
  tags,
  params: IdParams,
  body: ShowcaseUpdate,
  responses: { 200: ShowcaseItemView },
  errors: ['not_found', 'access.denied', 'showcase.not_editable', 'showcase.bad_media', 'showcase.bad_activity', 'showcase.bad_programme'],
});

export const publishShowcase = defineEndpoint({
  ...routes.publishShowcase,
  summary: '发布成果展示',
  description:
    '发布后在门户“成果展示”中公开，其文件无需登录即可查看。展示中出现的每位志愿者或居民须有同意记录（记录人、日期、范围），或选择隐去姓名，否则不能发布。',
  tags,
  params: IdParams,
  responses: { 200: ShowcaseItemView },
  errors: ['not_found', 'access.denied', 'showcase.already_published', 'showcase.consent_missing'],
});

export const withdrawShowcase = defineEndpoint({
  ...routes.withdrawShowcase,
  summary: '撤下成果展示',
  description: '写明原因撤下已发布的展示：门户不再显示，其文件不再公开；撤下记录保留并记入审计日志。',
  tags,
  params: IdParams,
  body: WithdrawShowcaseInput,
  responses: { 200: ShowcaseItemView },
  errors: ['not_found', 'access.denied', 'showcase.not_published'],
});

export const listPublicShowcase = defineEndpoint({
  ...routes.listPublicShowcase,
  summary: '门户：成果展示',
  description: '无需登录：已发布的成果展示，可按类别筛选；人员只显示已同意公开者的姓名，其余隐去姓名；不含同意记录。',
  tags: publicTags,
  access: 'public',
  query: PublicShowcaseQuery,
  responses: { 200: Paged(PublicShowcaseItem) },
});

export const readPublicShowcaseFile = defineEndpoint({
  ...routes.readPublicShowcaseFile,
  summary: '门户：成果展示的文件',
  description: '无需登录：已发布展示的封面、图片、短视频和宣传折页（及精品活动总结中的照片）；草稿、已撤下展示的文件和其他文件不公开。',
  tags: publicTags,
  access: 'public',
  params: IdParams,
  responses: {},
  produces: ['image/jpeg', 'image/png', 'video/mp4', 'video/webm', 'application/pdf'],
  errors: ['not_found'],
});
