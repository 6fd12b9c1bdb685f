import { z } from 'zod';
import { Id, IdParams, Paged, PageQuery } from './common';
import { defineEndpoint } from './endpoint';
import { named } from './openapi';
import { BrandInput, BrandView, ProgrammeInput, ProgrammeListQuery, ProgrammeView, UpdateProgrammeInput } from './programmes';
import { routes } from './routes';

named({ ProgrammeView, BrandView });
const tags = ['programmes'];

export const listProgrammes = defineEndpoint({
  ...routes.listProgrammes,
  summary: '实践项目',
  description: '本人可见单位（及其上级单位）的实践项目，分页（按排序号、名称）；工作人员按管辖范围，志愿者与群众按所属站点。默认不含已归档的项目。',
  tags,
  query: ProgrammeListQuery,
  responses: { 200: Paged(ProgrammeView) },
});

export const createProgramme = defineEndpoint({
  ...routes.createProgramme,
  summary: '新增实践项目',
  description: '管辖范围内的工作人员为本单位新增一个实践项目；同一单位内项目名称不能重复。',
  tags,
  body: ProgrammeInput,
  responses: { 201: ProgrammeView },
  errors: ['not_found', 'access.denied', 'programmes.duplicate_name'],
});

export const updateProgramme = defineEndpoint({
  ...routes.updateProgramme,
  summary: '修改实践项目',
  description: '修改实践项目的板块、名称、简介、排序，或将其归档；同一单位内项目名称不能重复。',
  tags,
  params: IdParams,
  body: UpdateProgrammeInput,
  responses: { 200: ProgrammeView },
  errors: ['not_found', 'access.denied', 'programmes.duplicate_name'],
});

export const listBrands = defineEndpoint({
  ...routes.listBrands,
  summary: '一所一品、一社区一特色',
  description: '各实践所、实践站设置的品牌项目，分页（按单位排序）。',
  tags,
  query: PageQuery,
  responses: { 200: Paged(BrandView) },
});

export const setBrand = defineEndpoint({
  ...routes.setBrand,
  summary: '设置本单位品牌',
  description: '实践所或实践站的工作人员设置本单位的品牌名称、简介、照片与对应的实践项目；照片须为本人可使用的已上传文件。',
  tags,
  params: z.strictObject({ unitId: Id }),
  body: BrandInput,
  responses: { 200: BrandView },
  errors: ['not_found', 'access.denied', 'hours.evidence_missing'],
});

export const listPublicBrands = defineEndpoint({
  ...routes.listPublicBrands,
  summary: '门户：品牌展示',
  description: '门户首页展示的各单位品牌项目，无需登录。',
  tags: ['public', 'programmes'],
  access: 'public',
  query: PageQuery,
  responses: { 200: Paged(BrandView) },
});
