import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import * as api from '../../../shared/meetings.endpoints';
import { ctxOf } from '../../platform/auth';
import type { Deps } from '../../platform/deps';
import { register } from '../../platform/register';
import { sendXlsx } from '../../platform/xlsx';
import * as attendance from './meetings.attendance';
import * as exports from './meetings.export';
import { renderMinutesPdf } from './meetings.pdf';
import * as resolutions from './meetings.resolutions';
import * as meetings from './meetings.service';
import { contentDisposition } from '../../platform/download';

export function meetingsRoutes(deps: Deps): FastifyPluginAsyncZod {
  return async (app) => {
    register(app, api.listMeetings, async (req) => meetings.listMeetings(deps, ctxOf(req), req.query));
    register(app, api.attendeeCandidates, async (req) => meetings.attendeeCandidates(deps, ctxOf(req), req.query));
    register(app, api.createMeeting, async (req) => meetings.createMeeting(deps, ctxOf(req), req.body));
    register(app, api.getMeeting, async (req) => meetings.getMeeting(deps, ctxOf(req), req.params.id));
    register(app, api.updateMeeting, async (req) => meetings.updateMeeting(deps, ctxOf(req), req.params.id, req.body));
    register(app, api.markHeld, async (req) => meetings.advanceMeeting(deps, ctxOf(req), req.params.id, 'held'));
    register(app, api.publishMinutes, async (req) => meetings.advanceMeeting(deps, ctxOf(req), req.params.id, 'published'));
    register(app, api.minutesPdf, async (req, reply) => {
      const detail = await meetings.getMeeting(deps, ctxOf(req), req.params.id);
      const pdf = await renderMinutesPdf(detail, deps.clock.now());
      return reply
        .header('content-type', 'application/pdf')
        .header('content-disposition', contentDisposition('inline', `会议纪要-${detail.title}.pdf`))
        .send(pdf);
    });
    register(app, api.signInToken, async (req) => attendance.signInToken(deps, ctxOf(req), req.params.id));
    register(app, api.mySeat, async (req) => attendance.mySeat(deps, ctxOf(req), req.params.id));
    register(app, api.signIn, async (req) => attendance.signIn(deps, ctxOf(req), req.params.id, req.body.token));
    register(app, api.markAttendance, async (req) => attendance.markAttendance(deps, ctxOf(req), req.params.id, req.params.attendeeId, req.body));
    register(app, api.addResolution, async (req) => resolutions.addResolution(deps, ctxOf(req), req.params.id, req.body));
    register(app, api.exportMeetings, async (req, reply) => sendXlsx(reply, await exports.exportMeetings(deps, ctxOf(req), req.query)));
    register(app, api.exportResolutions, async (req, reply) => sendXlsx(reply, await exports.exportResolutions(deps, ctxOf(req), req.query)));
    register(app, api.listResolutions, async (req) => resolutions.listResolutions(deps, ctxOf(req), req.query));
    register(app, api.getResolution, async (req) => resolutions.getResolution(deps, ctxOf(req), req.params.id));
    register(app, api.followUp, async (req) => resolutions.followUp(deps, ctxOf(req), req.params.id, req.body));
  };
}
