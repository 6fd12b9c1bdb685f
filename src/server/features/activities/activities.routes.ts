import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  ActivityInput,
  ActivityListQuery,
  ActivitySummaryView,
  ActivityView,
  CheckinInput,
  CheckinTokenView,
  CheckinResult,
  MonthlyTableView,
  SignupInput,
  SignupResultView,
  SignupView,
  StaffCheckinInput,
  SummaryInput,
  TransitionInput,
  UpdateActivityInput,
} from '../../../shared/activities';
import { Id, IdParams, OkView, Paged } from '../../../shared/common';
import { ctxOf } from '../../platform/auth';
import { publicBaseUrl } from '../../platform/config';
import type { Deps } from '../../platform/deps';
import { checkIn, checkinToken, staffCheck } from './activities.checkin';
import { issueIcalToken, revokeIcal, unitFeedActivities, volunteerFeedActivities } from './activities.ical';
import { createActivity, getSummary, submitSummary, transitionActivity, updateActivity } from './activities.lifecycle';
import { getActivity, listActivities } from './activities.listing';
import { monthlyTable } from './activities.monthly';
import { cancelSignup, decideSignup, listSignups, signUp } from './activities.signups';
import { register } from '../../platform/register';
import * as files from '../../../shared/downloads.endpoints';
import type { ActivityRow } from './activities.queries';
import { buildCalendar } from './ical.format';

export function activitiesRoutes(deps: Deps): FastifyPluginAsyncZod {
  return async (app) => {
    const tags = ['activities'];
    const baseUrl = (req: { protocol: string; host: string }) => publicBaseUrl(deps.config, req);

    app.get(
      '/api/activities',
      { schema: { tags, summary: '活动列表（日历、筛选）', querystring: ActivityListQuery, response: { 200: Paged(ActivityView) } } },
      async (req) => listActivities(deps, ctxOf(req), req.query),
    );
    app.post(
      '/api/activities',
      { schema: { tags, summary: '新建活动（可按周/按月重复）', body: ActivityInput, response: { 201: z.object({ items: z.array(ActivityView) }) } } },
      async (req, reply) => reply.code(201).send(await createActivity(deps, ctxOf(req), req.body)),
    );
    app.get(
      '/api/activities/monthly',
      {
        schema: {
          tags,
          summary: '各实践站每月开展文明实践活动情况',
          querystring: z.strictObject({ months: z.coerce.number().int().min(1).max(24).default(6) }),
          response: { 200: MonthlyTableView },
        },
      },
      async (req) => monthlyTable(deps, ctxOf(req), req.query.months),
    );
    app.get('/api/activities/:id', { schema: { tags, summary: '活动详情', params: IdParams, response: { 200: ActivityView } } }, async (req) =>
      getActivity(deps, ctxOf(req), req.params.id),
    );
    app.patch(
      '/api/activities/:id',
      { schema: { tags, summary: '修改活动（单次或本次及以后）', params: IdParams, body: UpdateActivityInput, response: { 200: ActivityView } } },
      async (req) => updateActivity(deps, ctxOf(req), req.params.id, req.body),
    );
    app.post(
      '/api/activities/:id/transitions',
      { schema: { tags, summary: '提交、发布、退回、取消、结束', params: IdParams, body: TransitionInput, response: { 200: ActivityView } } },
      async (req) => transitionActivity(deps, ctxOf(req), req.params.id, req.body.action, req.body.reason),
    );
    app.post(
      '/api/activities/:id/signups',
      {
        schema: { tags, summary: '报名（本人，或工作人员代为报名）', params: IdParams, body: SignupInput, response: { 201: SignupResultView } },
      },
      async (req, reply) => reply.code(201).send(await signUp(deps, ctxOf(req), req.params.id, req.body)),
    );
    app.delete(
      '/api/activities/:id/signups/mine',
      { schema: { tags, summary: '取消本人报名', params: IdParams, response: { 200: ActivityView } } },
      async (req) => cancelSignup(deps, ctxOf(req), req.params.id),
    );
    app.delete(
      '/api/activities/:id/signups/volunteers/:volunteerId',
      {
        schema: { tags, summary: '工作人员取消某人的报名', params: z.strictObject({ id: Id, volunteerId: Id }), response: { 200: ActivityView } },
      },
      async (req) => cancelSignup(deps, ctxOf(req), req.params.id, req.params.volunteerId),
    );
    app.get(
      '/api/activities/:id/signups',
      { schema: { tags, summary: '报名与签到名单', params: IdParams, response: { 200: z.object({ items: z.array(SignupView) }) } } },
      async (req) => listSignups(deps, ctxOf(req), req.params.id),
    );
    app.post(
      '/api/activities/:id/signups/:signupId/decision',
      {
        schema: {
          tags,
          summary: '审核报名',
          params: z.strictObject({ id: Id, signupId: Id }),
          body: z.strictObject({ approve: z.boolean(), reason: z.string().trim().max(200).optional() }),
          response: { 200: z.object({ items: z.array(SignupView) }) },
        },
      },
      async (req) => decideSignup(deps, ctxOf(req), req.params.id, req.params.signupId, req.body.approve, req.body.reason),
    );
    app.get(
      '/api/activities/:id/checkin-token',
      {
        schema: { tags, summary: '现场签到二维码（30 秒刷新）与签到码', params: IdParams, response: { 200: CheckinTokenView } },
      },
      async (req) => checkinToken(deps, ctxOf(req), req.params.id),
    );
    app.post(
      '/api/activities/:id/checkins',
      { schema: { tags, summary: '扫码或输入签到码签到/签退', params: IdParams, body: CheckinInput, response: { 200: CheckinResult } } },
      async (req) => checkIn(deps, ctxOf(req), req.params.id, req.body),
    );
    app.post(
      '/api/activities/:id/checkins/staff',
      { schema: { tags, summary: '工作人员代为签到/签退（记录原因）', params: IdParams, body: StaffCheckinInput, response: { 200: CheckinResult } } },
      async (req) => staffCheck(deps, ctxOf(req), req.params.id, req.body),
    );
    app.post(
      '/api/activities/:id/summary',
      { schema: { tags, summary: '提交活动总结', params: IdParams, body: SummaryInput, response: { 200: ActivityView } } },
      async (req) => submitSummary(deps, ctxOf(req), req.params.id, req.body),
    );
    app.get(
      '/api/activities/:id/summary',
      {
        schema: { tags, summary: '活动总结', params: IdParams, response: { 200: ActivitySummaryView } },
      },
      async (req) => getSummary(deps, ctxOf(req), req.params.id),
    );
    app.post(
      '/api/ical/token',
      { schema: { tags, summary: '生成我的日历订阅链接（旧链接作废）', response: { 200: z.object({ path: z.string() }) } } },
      async (req) => issueIcalToken(deps, ctxOf(req)),
    );
    app.delete('/api/ical/token', { schema: { tags, summary: '作废我的日历订阅链接', response: { 200: OkView } } }, async (req) =>
      revokeIcal(deps, ctxOf(req)),
    );

    const toEvents = (rows: ActivityRow[], base: string) =>
      rows.map((r) => ({
        uid: `${r.id}@shijian`,
        start: r.starts_at,
        end: r.ends_at,
        summary: r.title,
        description: [r.unit_name, r.content].filter(Boolean).join('\n'),
        location: r.address,
        geo: r.lat !== null && r.lng !== null ? { lat: Number(r.lat), lng: Number(r.lng) } : null,
        cancelled: r.status === 'cancelled',
        url: `${base}/m/activities/${r.id}`,
        updated: r.updated_at,
      }));
    const sendIcs = (reply: { header: (k: string, v: string) => unknown; send: (b: string) => unknown }, body: string) => {
      reply.header('content-type', 'text/calendar; charset=utf-8');
      reply.header('cache-control', 'no-cache');
      return reply.send(body);
    };
    register(app, files.unitCalendar, async (req, reply) => {
      const { name, rows } = await unitFeedActivities(deps, req.params.unitId);
      return sendIcs(reply, buildCalendar(`${name}·文明实践活动`, toEvents(rows, baseUrl(req)), deps.clock.now()));
    });
    register(app, files.volunteerCalendar, async (req, reply) => {
      const { name, rows } = await volunteerFeedActivities(deps, req.params.token);
      return sendIcs(reply, buildCalendar(name, toEvents(rows, baseUrl(req)), deps.clock.now()));
    });
  };
}
