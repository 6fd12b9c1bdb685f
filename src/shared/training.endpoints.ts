import { IdParams, Paged } from './common';
import { defineEndpoint, MIME } from './endpoint';
import { named } from './openapi';
import { routes } from './routes';
import {
  AttendanceInput,
  CoverageDetail,
  CoverageDetailQuery,
  CoverageQuery,
  CoverageRow,
  MaterialsInput,
  MyTrainingSeat,
  TraineeQuery,
  TraineeView,
  TrainingExportQuery,
  TrainingListQuery,
  TrainingSessionInput,
  TrainingSessionView,
  TrainingSignInInput,
  TrainingSignInResult,
  TrainingSignInToken,
  UnitIdParams,
} from './training';

named({ TrainingSessionView, TraineeView, CoverageRow, CoverageDetail });
const tags = ['training'];

export const listTrainingSessions = defineEndpoint({
  ...routes.listTrainingSessions,
  summary: '培训列表',
  description: '区中心和实践所举办的培训，按时间倒序；实践站可查看上级举办的培训。',
  tags,
  query: TrainingListQuery,
  responses: { 200: Paged(TrainingSessionView) },
});

export const createTrainingSession = defineEndpoint({
  ...routes.createTrainingSession,
  summary: '新建培训',
  description: '实践所工作人员登记一次培训：主题、内容、授课人、学时、地点、时间和培训材料。',
  tags,
  body: TrainingSessionInput,
  responses: { 201: TrainingSessionView },
  errors: ['not_found', 'access.denied', 'training.bad_unit', 'training.bad_file'],
});

export const getTrainingSession = defineEndpoint({
  ...routes.getTrainingSession,
  summary: '培训详情',
  tags,
  params: IdParams,
  responses: { 200: TrainingSessionView },
  errors: ['not_found'],
});

export const listTrainees = defineEndpoint({
  ...routes.listTrainees,
  summary: '培训参训人员',
  description: '举办单位及下属单位的工作人员（或志愿者），以及各自在本次培训的出勤情况。',
  tags,
  params: IdParams,
  query: TraineeQuery,
  responses: { 200: Paged(TraineeView) },
  errors: ['not_found'],
});

export const markTrainingAttendance = defineEndpoint({
  ...routes.markTrainingAttendance,
  summary: '登记培训出勤',
  description:
    '工作人员登记某人出席或缺席；重复登记不会重复记录。志愿者出席时写入其培训记录（办法 第八条），培训随之标为已举办；已登记出席的志愿者改为缺席时，其培训记录以冲减记录撤销（不修改原记录）。',
  tags,
  params: IdParams,
  body: AttendanceInput,
  responses: { 200: TraineeView },
  errors: ['not_found', 'access.denied', 'training.bad_trainee'],
});

export const listTrainingCoverage = defineEndpoint({
  ...routes.listTrainingCoverage,
  summary: '培训覆盖情况',
  description: '某年度各实践所、实践站工作人员参加培训的比例；无人参训的单位标红。实践站只看本站。',
  tags,
  query: CoverageQuery,
  responses: { 200: Paged(CoverageRow) },
});

export const getTrainingCoverage = defineEndpoint({
  ...routes.getTrainingCoverage,
  summary: '单位培训覆盖明细',
  description: '某单位某年度的工作人员及其是否参加过培训。',
  tags,
  params: UnitIdParams,
  query: CoverageDetailQuery,
  responses: { 200: CoverageDetail },
  errors: ['not_found'],
});

export const exportTrainingSessions = defineEndpoint({
  ...routes.exportTrainingSessions,
  summary: '导出培训列表（Excel）',
  description: '按列表的筛选条件导出可查看的全部培训（不分页），中文表头；导出记入审计。',
  tags,
  query: TrainingExportQuery,
  responses: {},
  produces: [MIME.xlsx],
});

export const exportTrainingCoverage = defineEndpoint({
  ...routes.exportTrainingCoverage,
  summary: '导出培训覆盖情况（Excel）',
  description: '某年度管辖范围内各实践所、实践站工作人员的参训人数和覆盖率（全部单位，不分页）；导出记入审计。',
  tags,
  query: CoverageDetailQuery,
  responses: {},
  produces: [MIME.xlsx],
});

export const setTrainingMaterials = defineEndpoint({
  ...routes.setTrainingMaterials,
  summary: '设置培训材料',
  description: '举办单位的工作人员上传课件、讲义等培训材料（先上传文件，再提交文件 id 列表，按顺序展示）；举办单位及下属单位的工作人员可查看。记入审计。',
  tags,
  params: IdParams,
  body: MaterialsInput,
  responses: { 200: TrainingSessionView },
  errors: ['not_found', 'access.denied', 'training.bad_file'],
});

export const trainingSignInToken = defineEndpoint({
  ...routes.trainingSignInToken,
  summary: '培训签到二维码',
  description: '培训现场屏幕上显示的签到二维码内容，每 30 秒更换一次。',
  tags,
  params: IdParams,
  responses: { 200: TrainingSignInToken },
  errors: ['not_found', 'access.denied'],
});

export const myTrainingSeat = defineEndpoint({
  ...routes.myTrainingSeat,
  summary: '我的培训签到信息',
  description: '手机签到页：培训的时间地点和本人的出勤情况。',
  tags,
  params: IdParams,
  responses: { 200: MyTrainingSeat },
  errors: ['not_found', 'training.not_trainee'],
});

export const signInToTraining = defineEndpoint({
  ...routes.signInToTraining,
  selfService: true,
  summary: '参训人员扫码签到',
  description:
    '举办单位及下属单位的工作人员或志愿者用手机扫描培训现场的二维码签到（培训开始前 1 小时至开始后 12 小时）；重复签到不改变首次签到的时间。志愿者签到同时写入其培训记录。',
  tags,
  params: IdParams,
  body: TrainingSignInInput,
  responses: { 200: TrainingSignInResult },
  errors: ['not_found', 'training.not_trainee', 'training.bad_token', 'training.sign_in_closed'],
});
