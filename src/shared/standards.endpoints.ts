import { IdParams } from './common';
import { defineEndpoint, MIME } from './endpoint';
import { named } from './openapi';
import { routes } from './routes';
import {
  BoardQuery,
  BoardView,
  ConfirmationView,
  ConfirmInput,
  EvidenceInput,
  EvidenceView,
  UnitParams,
  UnitStandardsView,
  WithdrawEvidenceInput,
} from './standards';

named({
  StandardsBoard: BoardView,
  UnitStandards: UnitStandardsView,
  StandardEvidence: EvidenceView,
  StandardConfirmation: ConfirmationView,
});
const tags = ['standards'];

export const standardsBoard = defineEndpoint({
  ...routes.standardsBoard,
  summary: '“八有”达标看板',
  description:
    '一个实践所及其下属实践站逐项对照“八有”标准（统一标识、办公场所、工作人员、志愿队伍、规范制度、活动项目、靓丽品牌、成果展示）的达标情况：达标、部分达标或未达标，并说明原因；页脚按标准统计。实践站管理员只看到本站一行。能由业务数据证明的自动判定，其余以实践所对证明材料的最新确认为准。',
  tags,
  query: BoardQuery,
  responses: { 200: BoardView },
  errors: ['not_found', 'standards.bad_unit'],
});

export const exportStandardsBoard = defineEndpoint({
  ...routes.exportStandardsBoard,
  summary: '导出“八有”达标看板（Excel）',
  description: '看板及逐项原因，未达标标红、部分达标标黄；导出记入审计。',
  tags,
  query: BoardQuery,
  responses: {},
  produces: [MIME.xlsx],
  errors: ['not_found', 'standards.bad_unit'],
});

export const standardsOfUnit = defineEndpoint({
  ...routes.standardsOfUnit,
  summary: '单位“八有”详情',
  description: '一个单位逐项的达标情况、原因、所依据的记录（可点击查看）、证明材料（含已撤回的）和实践所的确认记录。',
  tags,
  params: UnitParams,
  responses: { 200: UnitStandardsView },
  errors: ['not_found', 'standards.bad_unit'],
});

export const addStandardEvidence = defineEndpoint({
  ...routes.addStandardEvidence,
  summary: '提交证明材料',
  description:
    '单位管理员为统一标识、办公场所或成果展示提交证明材料（标牌、徽标、服装、帽子、文化墙、展示厅、短视频、宣传折页、媒体报道等的照片或文件，或链接）；文件先通过文件上传接口上传。实践所管理员可为下属任一实践站提交。',
  tags,
  body: EvidenceInput,
  responses: { 201: EvidenceView },
  errors: ['not_found', 'access.denied', 'standards.bad_unit', 'standards.not_confirmable', 'standards.evidence_empty', 'standards.bad_file'],
});

export const withdrawStandardEvidence = defineEndpoint({
  ...routes.withdrawStandardEvidence,
  summary: '撤回证明材料',
  description: '撤回一项证明材料并写明原因；记录保留，不再计入达标判定。',
  tags,
  params: IdParams,
  body: WithdrawEvidenceInput,
  responses: { 200: EvidenceView },
  errors: ['not_found', 'access.denied', 'standards.withdrawn'],
});

export const confirmStandard = defineEndpoint({
  ...routes.confirmStandard,
  summary: '确认或不予确认达标',
  description:
    '实践所管理员根据证明材料确认某单位的统一标识、办公场所或成果展示达标（须有未撤回的证明材料）或不达标，须写明理由；每次确认都保留，最新的一次为准。',
  tags,
  body: ConfirmInput,
  responses: { 201: ConfirmationView },
  errors: ['not_found', 'access.denied', 'standards.bad_unit', 'standards.not_confirmable', 'standards.no_evidence'],
});
