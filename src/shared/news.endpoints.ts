import { IdParams, Paged } from './common';
import { defineEndpoint, MIME } from './endpoint';
import {
  NewsCountsQuery,
  NewsCountsView,
  NewsInput,
  NewsListQuery,
  NewsReasonInput,
  NewsSummary,
  NewsUpdateInput,
  NewsView,
  PublicNewsQuery,
  PublicNewsSummary,
  PublicNewsView,
} from './news';
import { named } from './openapi';
import { routes } from './routes';

named({ NewsSummary, News: NewsView, PublicNewsSummary, PublicNews: PublicNewsView, NewsSubmissionCounts: NewsCountsView });
const tags = ['news'];
const publicTags = ['public', 'news'];

export const listNews = defineEndpoint({
  ...routes.listNews,
  summary: '新闻列表',
  description: '管辖范围内各实践所、实践站的新闻，按更新时间倒序；可按单位、类别、发布状态、报送状态和标题关键字筛选。',
  tags,
  query: NewsListQuery,
  responses: { 200: Paged(NewsSummary) },
});

export const createNews = defineEndpoint({
  ...routes.createNews,
  summary: '撰写新闻',
  description:
    '实践所或实践站的管理员撰写一条新闻（草稿）：标题、类别、正文（富文本，服务器按白名单清理，只保留段落、标题、加粗、列表、引用、链接和本系统上传的图片）、封面，可关联活动或实践项目。',
  tags,
  body: NewsInput,
  responses: { 201: NewsView },
  errors: ['not_found', 'access.denied', 'news.empty_body', 'news.bad_file', 'news.bad_link'],
});

export const getNews = defineEndpoint({
  ...routes.getNews,
  summary: '新闻详情',
  description: '新闻的正文、发布与撤回情况和信息报送记录。',
  tags,
  params: IdParams,
  responses: { 200: NewsView },
  errors: ['not_found'],
});

export const updateNews = defineEndpoint({
  ...routes.updateNews,
  summary: '修改新闻',
  description: '修改新闻的标题、类别、正文、封面和关联；已发布的新闻也可修改，每次修改记入审计日志。',
  tags,
  params: IdParams,
  body: NewsUpdateInput,
  responses: { 200: NewsView },
  errors: ['not_found', 'access.denied', 'news.empty_body', 'news.bad_file', 'news.bad_link'],
});

export const publishNews = defineEndpoint({
  ...routes.publishNews,
  summary: '发布新闻',
  description: '发布草稿或已撤回的新闻，发布后在门户公开显示；记录发布时间和发布人。',
  tags,
  params: IdParams,
  responses: { 200: NewsView },
  errors: ['not_found', 'access.denied', 'news.already_published'],
});

export const withdrawNews = defineEndpoint({
  ...routes.withdrawNews,
  summary: '撤回新闻',
  description: '写明原因撤回已发布的新闻，门户不再显示；可修改后重新发布。',
  tags,
  params: IdParams,
  body: NewsReasonInput,
  responses: { 200: NewsView },
  errors: ['not_found', 'access.denied', 'news.not_published'],
});

export const submitNews = defineEndpoint({
  ...routes.submitNews,
  summary: '信息报送',
  description: '把新闻报送到区“新时代文明实践”专栏；未报送或被退回的可以报送，每次报送留一条记录。',
  tags,
  params: IdParams,
  responses: { 200: NewsView },
  errors: ['not_found', 'access.denied', 'news.already_submitted'],
});

export const adoptNews = defineEndpoint({
  ...routes.adoptNews,
  summary: '报送采用',
  description: '专栏（实践所管理员代为登记）采用一条已报送的信息；只增不改。',
  tags,
  params: IdParams,
  responses: { 200: NewsView },
  errors: ['not_found', 'access.denied', 'news.not_submitted'],
});

export const returnNews = defineEndpoint({
  ...routes.returnNews,
  summary: '报送退回',
  description: '写明原因退回一条已报送的信息；退回后可修改再报送。',
  tags,
  params: IdParams,
  body: NewsReasonInput,
  responses: { 200: NewsView },
  errors: ['not_found', 'access.denied', 'news.not_submitted'],
});

export const newsSubmissionCounts = defineEndpoint({
  ...routes.newsSubmissionCounts,
  summary: '信息报送统计',
  description: '某月（北京时间）管辖范围内各单位报送、采用、退回的信息条数，考核可据此读取。',
  tags,
  query: NewsCountsQuery,
  responses: { 200: NewsCountsView },
});

export const exportNewsSubmissionCounts = defineEndpoint({
  ...routes.exportNewsSubmissionCounts,
  summary: '导出信息报送统计',
  description: '某月各单位信息报送、采用、退回条数（Excel）。',
  tags,
  query: NewsCountsQuery,
  responses: {},
  produces: [MIME.xlsx],
});

export const listPublicNews = defineEndpoint({
  ...routes.listPublicNews,
  summary: '门户：新闻',
  description: '无需登录：已发布的新闻，按发布时间倒序，可按单位和类别筛选。',
  tags: publicTags,
  access: 'public',
  query: PublicNewsQuery,
  responses: { 200: Paged(PublicNewsSummary) },
});

export const getPublicNews = defineEndpoint({
  ...routes.getPublicNews,
  summary: '门户：新闻正文',
  description: '无需登录：一条已发布的新闻；草稿和已撤回的不公开。',
  tags: publicTags,
  access: 'public',
  params: IdParams,
  responses: { 200: PublicNewsView },
  errors: ['not_found'],
});

export const readPublicNewsImage = defineEndpoint({
  ...routes.readPublicNewsImage,
  summary: '门户：新闻图片',
  description: '无需登录：已发布新闻的封面和正文图片；其他文件不会公开。',
  tags: publicTags,
  access: 'public',
  params: IdParams,
  responses: {},
  produces: ['image/jpeg', 'image/png'],
  errors: ['not_found'],
});
