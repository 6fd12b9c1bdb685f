import { z } from 'zod';
import { IdParams, Paged } from './common';
import { routes } from './routes';
import { defineEndpoint, MIME } from './endpoint';
import {
  AttendeeCandidate,
  AttendeeView,
  CandidatesQuery,
  FollowUpInput,
  MarkAttendanceInput,
  MeetingDetail,
  MeetingExportQuery,
  MeetingInput,
  MeetingListItem,
  MeetingListQuery,
  MySeat,
  ResolutionDetail,
  ResolutionExportQuery,
  ResolutionInput,
  ResolutionListQuery,
  ResolutionView,
  SignInInput,
  SignInResult,
  SignInToken,
  UpdateMeetingInput,
} from './meetings';
import { named } from './openapi';

named({ MeetingListItem, MeetingDetail, AttendeeView, ResolutionView, ResolutionDetail, AttendeeCandidate });
const tags = ['meetings'];
const AttendeeParams = z.strictObject({ id: IdParams.shape.id, attendeeId: IdParams.shape.id });

export const listMeetings = defineEndpoint({
  ...routes.listMeetings,
  summary: '会议列表',
  description: '管辖范围内实践所召开的联席会议、工作例会和专题会议，按时间倒序；区中心可查看全部。',
  tags,
  query: MeetingListQuery,
  responses: { 200: Paged(MeetingListItem) },
});

export const createMeeting = defineEndpoint({
  ...routes.createMeeting,
  summary: '计划会议',
  description: '实践所工作人员计划一次会议：标题、类型、时间、地点、议程和参会人员（领导小组成员与所、站工作人员）。',
  tags,
  body: MeetingInput,
  responses: { 201: MeetingDetail },
  errors: ['not_found', 'access.denied', 'meetings.not_institute', 'meetings.bad_attendee', 'meetings.bad_file'],
});

export const getMeeting = defineEndpoint({
  ...routes.getMeeting,
  summary: '会议详情',
  description: '会议的议程、参会与签到情况、纪要、附件和议定事项。',
  tags,
  params: IdParams,
  responses: { 200: MeetingDetail },
  errors: ['not_found'],
});

export const updateMeeting = defineEndpoint({
  ...routes.updateMeeting,
  summary: '修改会议、填写纪要',
  description: '修改会议信息、议程、附件或纪要；参会人员只能在会议召开前调整；纪要发布后不能再修改。',
  tags,
  params: IdParams,
  body: UpdateMeetingInput,
  responses: { 200: MeetingDetail },
  errors: ['not_found', 'access.denied', 'meetings.bad_status', 'meetings.bad_attendee', 'meetings.bad_file'],
});

export const markHeld = defineEndpoint({
  ...routes.markMeetingHeld,
  summary: '标记会议已召开',
  tags,
  params: IdParams,
  responses: { 200: MeetingDetail },
  errors: ['not_found', 'access.denied', 'meetings.bad_status'],
});

export const publishMinutes = defineEndpoint({
  ...routes.publishMeetingMinutes,
  summary: '发布会议纪要',
  description: '会议召开后发布纪要；纪要不能为空，发布后不再修改。',
  tags,
  params: IdParams,
  responses: { 200: MeetingDetail },
  errors: ['not_found', 'access.denied', 'meetings.bad_status', 'meetings.minutes_required'],
});

export const minutesPdf = defineEndpoint({
  ...routes.downloadMeetingMinutesPdf,
  summary: '导出会议纪要 PDF',
  description: '会议纪要（议程、参会情况、纪要正文、议定事项）的中文 PDF。',
  tags,
  params: IdParams,
  responses: {},
  produces: [MIME.pdf],
  errors: ['not_found'],
});

export const attendeeCandidates = defineEndpoint({
  ...routes.listMeetingAttendeeCandidates,
  summary: '可选参会人员',
  description: '实践所领导小组成员，以及实践所和各实践站的工作人员账号。',
  tags,
  query: CandidatesQuery,
  responses: { 200: Paged(AttendeeCandidate) },
  errors: ['not_found', 'access.denied', 'meetings.not_institute'],
});

export const signInToken = defineEndpoint({
  ...routes.meetingSignInToken,
  summary: '会议签到二维码',
  description: '会场屏幕上显示的签到二维码内容，每 30 秒更换一次。',
  tags,
  params: IdParams,
  responses: { 200: SignInToken },
  errors: ['not_found', 'access.denied', 'meetings.sign_in_closed'],
});

export const mySeat = defineEndpoint({
  ...routes.myMeetingSeat,
  summary: '我的参会信息',
  description: '手机签到页：会议的时间地点和本人的签到状态。',
  tags,
  params: IdParams,
  responses: { 200: MySeat },
  errors: ['not_found', 'meetings.not_attendee'],
});

export const signIn = defineEndpoint({
  ...routes.signInToMeeting,
  selfService: true,
  summary: '参会人员扫码签到',
  description: '参会人员用手机扫描会场二维码签到；重复签到不改变首次签到的时间。',
  tags,
  params: IdParams,
  body: SignInInput,
  responses: { 200: SignInResult },
  errors: ['not_found', 'meetings.not_attendee', 'meetings.bad_token', 'meetings.sign_in_closed'],
});

export const markAttendance = defineEndpoint({
  ...routes.markMeetingAttendance,
  summary: '工作人员登记签到或缺席',
  description: '工作人员在后台代为签到，或登记缺席及原因；纪要发布后不能再改。',
  tags,
  params: AttendeeParams,
  body: MarkAttendanceInput,
  responses: { 200: AttendeeView },
  errors: ['not_found', 'access.denied', 'meetings.bad_status', 'meetings.reason_required'],
});

export const addResolution = defineEndpoint({
  ...routes.addMeetingResolution,
  summary: '添加议定事项',
  description: '会议召开后记录议定事项：内容、承办单位（本所或下属实践站）和完成期限。',
  tags,
  params: IdParams,
  body: ResolutionInput,
  responses: { 201: ResolutionView },
  errors: ['not_found', 'access.denied', 'meetings.bad_status', 'meetings.bad_owner'],
});

export const listResolutions = defineEndpoint({
  ...routes.listResolutions,
  summary: '议定事项督办',
  description: '管辖范围内的议定事项：实践所看全部，实践站只看本站承办的；可按承办单位、状态、是否逾期筛选，逾期的排在前面。',
  tags,
  query: ResolutionListQuery,
  responses: { 200: Paged(ResolutionView) },
});

export const getResolution = defineEndpoint({
  ...routes.getResolution,
  summary: '议定事项详情',
  description: '议定事项及其全部跟进记录。',
  tags,
  params: IdParams,
  responses: { 200: ResolutionDetail },
  errors: ['not_found'],
});

export const followUp = defineEndpoint({
  ...routes.followUpResolution,
  summary: '追加跟进记录',
  description: '承办单位或实践所追加跟进记录（只增不改），可同时改变状态；取消须说明原因；已完成或已取消的事项不能再追加。',
  tags,
  params: IdParams,
  body: FollowUpInput,
  responses: { 201: ResolutionDetail },
  errors: ['not_found', 'access.denied', 'meetings.bad_transition', 'meetings.reason_required', 'meetings.resolution_closed'],
});

export const exportMeetings = defineEndpoint({
  ...routes.exportMeetings,
  summary: '导出会议列表（Excel）',
  description: '按列表的筛选条件导出管辖范围内的全部会议（不分页），中文表头；导出记入审计。',
  tags,
  query: MeetingExportQuery,
  responses: {},
  produces: [MIME.xlsx],
});

export const exportResolutions = defineEndpoint({
  ...routes.exportResolutions,
  summary: '导出议定事项督办表（Excel）',
  description: '按督办列表的筛选条件导出管辖范围内的全部议定事项（不分页），含承办单位、期限、状态和是否逾期；导出记入审计。',
  tags,
  query: ResolutionExportQuery,
  responses: {},
  produces: [MIME.xlsx],
});
