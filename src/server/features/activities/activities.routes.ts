import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import * as api from '../../../shared/activities.endpoints';
import * as files from '../../../shared/downloads.endpoints';
import { ctxOf } from '../../platform/auth';
import { publicBaseUrl } from '../../platform/config';
import type { Deps } from '../../platform/deps';
import { register } from '../../platform/register';
import { sendXlsx } from '../../platform/xlsx';
import { checkIn, checkinToken, staffCheck } from './activities.checkin';
import { issueIcalToken, revokeIcal, unitFeedActivities, volunteerFeedActivities } from './activities.ical';
import { createActivity, getSummary, submitSummary, transitionActivity, updateActivity } from './activities.lifecycle';
import { getActivity, listActivities } from './activities.listing';
import { exportMonthlyTable, monthlyTable } from './activities.monthly';
import { getPublicActivity, listPublicActivities, listPublicProgrammes } from './activities.public';
import type { ActivityRow } from './activities.queries';
import { cancelSignup, decideSignup, listSignups, signUp } from './activities.signups';
import { buildCalendar, sequenceOf } from './ical.format';

export function activitiesRoutes(deps: Deps): FastifyPluginAsyncZod {
  return async (app) => {
    const baseUrl = (req: { protocol: string; host: string }) => publicBaseUrl(deps.config, req);

    register(app, api.listActivities, async (req) => listActivities(deps, ctxOf(req), req.query));
    register(app, api.createActivity, async (req) => createActivity(deps, ctxOf(req), req.body));
    register(app, api.monthlyTable, async (req) => monthlyTable(deps, ctxOf(req), req.query));
    register(app, api.exportMonthlyTable, async (req, reply) => sendXlsx(reply, await exportMonthlyTable(deps, ctxOf(req), req.query)));
    register(app, api.getActivity, async (req) => getActivity(deps, ctxOf(req), req.params.id));
    register(app, api.updateActivity, async (req) => updateActivity(deps, ctxOf(req), req.params.id, req.body));
    register(app, api.transitionActivity, async (req) => transitionActivity(deps, ctxOf(req), req.params.id, req.body.action, req.body.reason));
    register(app, api.signUp, async (req) => signUp(deps, ctxOf(req), req.params.id, req.body));
    register(app, api.cancelMySignup, async (req) => cancelSignup(deps, ctxOf(req), req.params.id));
    register(app, api.cancelSignupFor, async (req) => cancelSignup(deps, ctxOf(req), req.params.id, req.params.volunteerId));
    register(app, api.listSignups, async (req) => listSignups(deps, ctxOf(req), req.params.id, req.query));
    register(app, api.decideSignup, async (req) => decideSignup(deps, ctxOf(req), req.params.id, req.params.signupId, req.body.approve, req.body.reason));
    register(app, api.checkinToken, async (req) => checkinToken(deps, ctxOf(req), req.params.id));
    register(app, api.checkIn, async (req) => checkIn(deps, ctxOf(req), req.params.id, req.body));
    register(app, api.staffCheckIn, async (req) => staffCheck(deps, ctxOf(req), req.params.id, req.body));
    register(app, api.submitSummary, async (req) => submitSummary(deps, ctxOf(req), req.params.id, req.body));
    register(app, api.getSummary, async (req) => getSummary(deps, ctxOf(req), req.params.id));
    register(app, api.issueIcalToken, async (req) => issueIcalToken(deps, ctxOf(req)));
    register(app, api.revokeIcalToken, async (req) => revokeIcal(deps, ctxOf(req)));
    register(app, api.listPublicActivities, async (req) => listPublicActivities(deps, req.query));
    register(app, api.getPublicActivity, async (req) => getPublicActivity(deps, req.params.id));
    register(app, api.listPublicProgrammes, async (req) => listPublicProgrammes(deps, req.query));

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
        sequence: sequenceOf(r.created_at, r.updated_at),
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
