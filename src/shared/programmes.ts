import { z } from 'zod';
import { Id, PageQuery, Text } from './common';

/** The plan's four content blocks (工作方案 三) and its ten named programmes. */
export const PROGRAMME_BLOCKS = {
  learn: '深入学广泛讲',
  care: '精准关爱帮扶',
  culture: '传承丰富文化',
  civility: '深化乡风文明',
} as const;
export const ProgrammeBlock = z.enum(['learn', 'care', 'culture', 'civility']);

export const PLAN_PROGRAMMES: { block: keyof typeof PROGRAMME_BLOCKS; name: string; intro: string }[] = [
  { block: 'learn', name: '理论讲习所', intro: '依托主题党日、“三会一课”，开展理论宣传、政策宣讲；“榜样面对面”、理论微宣讲、梦想课堂。' },
  { block: 'learn', name: '双创加油站', intro: '为辖区居民、贫困户提供技能培训，组织优秀创业青年开展经验交流，带动就业创业。' },
  { block: 'care', name: '温暖润童心', intro: '依托“青少年之家”“儿童之家”，开展四点半课堂、周末课堂、七彩假期、冬日阳光等关爱留守儿童、困境儿童活动。' },
  { block: 'care', name: '关爱半边天', intro: '依托“妇女之家”，开展实用技术培训、家庭矛盾调解、失独女性关怀、妇女维权、健康体检。' },
  { block: 'care', name: '共享邻里情', intro: '面向空巢老人、困难职工、残疾人，开展居家养老、日间照料、扶残助残、义诊体检、科普教育；开办“慈善超市”。' },
  { block: 'culture', name: '知史爱国', intro: '开展村史馆建设，传承龟陵城古寨文化、高岩口古镇文化。' },
  { block: 'culture', name: '心阅书香', intro: '开展朗读比赛、读书座谈、亲子阅读，诗词书画培训和书画展。' },
  { block: 'culture', name: '我们的舞台·我们的风采', intro: '利用“我们的节日”开展惠民电影、坝坝舞比赛、文艺汇演、体育赛事。' },
  { block: 'civility', name: '文明新风沁民心', intro: '“七加一”阵地建设，十星文明户、福美院落、清洁户评选，身边好人、道德模范选树。' },
  { block: 'civility', name: '文明城区大家创', intro: '加强创文宣传，动员干部群众参与全国文明城区创建。' },
];

export const ProgrammeView = z.object({
  id: Id,
  unitId: Id,
  unitName: z.string(),
  block: ProgrammeBlock,
  name: z.string(),
  intro: z.string().nullable(),
  sort: z.number().int(),
  archived: z.boolean(),
  activityCount: z.number().int(),
});
export type ProgrammeView = z.infer<typeof ProgrammeView>;

export const ProgrammeInput = z.strictObject({
  unitId: Id,
  block: ProgrammeBlock,
  name: Text(40, 2),
  intro: Text(1000).optional(),
  sort: z.number().int().min(0).max(9999).optional(),
});

export const UpdateProgrammeInput = z.strictObject({
  block: ProgrammeBlock.optional(),
  name: Text(40, 2).optional(),
  intro: Text(1000).nullable().optional(),
  sort: z.number().int().min(0).max(9999).optional(),
  archived: z.boolean().optional(),
});

export const BrandView = z.object({
  unitId: Id,
  unitName: z.string(),
  unitKind: z.enum(['institute', 'station']),
  name: z.string(),
  intro: z.string().nullable(),
  photoFileIds: z.array(Id),
  programmeId: Id.nullable(),
  updatedAt: z.string(),
});
export type BrandView = z.infer<typeof BrandView>;

export const BrandInput = z.strictObject({
  name: Text(40, 2),
  intro: Text(2000).optional(),
  photoFileIds: z.array(Id).max(9).default([]),
  programmeId: Id.nullable().optional(),
});

/** `GET /api/programmes`: archived programmes only on request. */
export const ProgrammeListQuery = PageQuery.extend({ includeArchived: z.enum(['true', 'false']).optional() });
