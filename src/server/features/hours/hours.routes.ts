import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { IdParams, Paged } from '../../../shared/common';
import {
  AwardInput,
  AwardView,
  BackfillInput,
  BulkApproveInput,
  CorrectionInput,
  CorrectionRequestInput,
  CorrectionRequestView,
  DecideInput,
  HoursQuery,
  HoursSummaryView,
  RecognitionView,
  ResolveCorrectionRequestInput,
  ServiceRecordView,
  TrainingInput,
  TrainingView,
} from '../../../shared/hours';
import { ctxOf } from '../../platform/auth';
import type { Deps } from '../../platform/deps';
import * as hours from './hours.service';

export function hoursRoutes(deps: Deps): FastifyPluginAsyncZod {
  return async (app) => {
    const tags = ['hours'];
    const items = <T extends z.ZodType>(t: T) => z.object({ items: z.array(t) });

    app.get('/api/hours', { schema: { tags, summary: '服务记录（管辖范围）', querystring: HoursQuery, response: { 200: Paged(ServiceRecordView) } } }, async (req) =>
      hours.listRecords(deps, ctxOf(req), req.query),
    );
    app.get('/api/hours/mine', { schema: { tags, summary: '我的服务记录', querystring: HoursQuery, response: { 200: Paged(ServiceRecordView) } } }, async (req) =>
      hours.listMyRecords(deps, ctxOf(req), req.query),
    );
    app.get('/api/hours/mine/summary', { schema: { tags, summary: '我的时长与星级', response: { 200: HoursSummaryView } } }, async (req) => hours.mySummary(deps, ctxOf(req)));
    app.get('/api/hours/:id', { schema: { tags, summary: '一条服务记录', params: IdParams, response: { 200: ServiceRecordView } } }, async (req) =>
      hours.getRecord(deps, ctxOf(req), req.params.id),
    );
    app.post('/api/hours/backfill', { schema: { tags, summary: '补录服务记录（需证明材料和原因）', body: BackfillInput, response: { 201: ServiceRecordView } } }, async (req, reply) =>
      reply.code(201).send(await hours.enterBackfill(deps, ctxOf(req), req.body)),
    );
    app.post('/api/hours/:id/decision', { schema: { tags, summary: '审核：认定或不予认定', params: IdParams, body: DecideInput, response: { 200: ServiceRecordView } } }, async (req) =>
      hours.decideRecord(deps, ctxOf(req), req.params.id, req.body),
    );
    app.post('/api/hours/approve', { schema: { tags, summary: '批量认定（全部成功或全部不变）', body: BulkApproveInput, response: { 200: z.object({ approved: z.number().int() }) } } }, async (req) =>
      hours.approveMany(deps, ctxOf(req), req.body.ids),
    );
    app.post(
      '/api/hours/:id/corrections',
      { schema: { tags, summary: '对已认定记录提交更正（冲正记录，不改原记录）', params: IdParams, body: CorrectionInput, response: { 201: ServiceRecordView } } },
      async (req, reply) => reply.code(201).send(await hours.correctRecord(deps, ctxOf(req), req.params.id, req.body)),
    );
    app.get('/api/volunteers/:id/hours-summary', { schema: { tags, summary: '志愿者时长、年度合计与星级说明', params: IdParams, response: { 200: HoursSummaryView } } }, async (req) =>
      hours.hoursSummary(deps, ctxOf(req), req.params.id),
    );
    app.get('/api/stars/recognitions', {
      schema: { tags: ['hours'], summary: '星级晋升表彰名单', response: { 200: items(RecognitionView) } },
    }, async (req) => hours.recognitionList(deps, ctxOf(req)));

    app.get('/api/volunteers/:id/training', { schema: { tags, summary: '培训记录', params: IdParams, response: { 200: items(TrainingView) } } }, async (req) =>
      hours.listTraining(deps, ctxOf(req), req.params.id),
    );
    app.post('/api/volunteers/:id/training', { schema: { tags, summary: '新增培训记录', params: IdParams, body: TrainingInput, response: { 201: TrainingView } } }, async (req, reply) =>
      reply.code(201).send(await hours.addTraining(deps, ctxOf(req), req.params.id, req.body)),
    );
    app.get('/api/volunteers/:id/awards', { schema: { tags, summary: '表彰记录', params: IdParams, response: { 200: items(AwardView) } } }, async (req) =>
      hours.listAwards(deps, ctxOf(req), req.params.id),
    );
    app.post('/api/volunteers/:id/awards', { schema: { tags, summary: '新增表彰记录', params: IdParams, body: AwardInput, response: { 201: AwardView } } }, async (req, reply) =>
      reply.code(201).send(await hours.addAward(deps, ctxOf(req), req.params.id, req.body)),
    );

    app.get('/api/correction-requests', {
      schema: { tags, summary: '更正申请（工作人员看管辖范围，志愿者看自己的）', querystring: z.strictObject({ status: z.enum(['open', 'resolved', 'declined']).optional() }), response: { 200: items(CorrectionRequestView) } },
    }, async (req) => hours.listCorrectionRequests(deps, ctxOf(req), req.query.status));
    app.post('/api/correction-requests', { schema: { tags, summary: '志愿者申请更正记录', body: CorrectionRequestInput, response: { 201: CorrectionRequestView } } }, async (req, reply) =>
      reply.code(201).send(await hours.requestCorrection(deps, ctxOf(req), req.body)),
    );
    app.post('/api/correction-requests/:id/resolve', {
      schema: { tags, summary: '处理更正申请', params: IdParams, body: ResolveCorrectionRequestInput, response: { 200: CorrectionRequestView } },
    }, async (req) => hours.resolveCorrection(deps, ctxOf(req), req.params.id, req.body));
  };
}
