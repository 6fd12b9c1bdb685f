import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { Id } from '../../../shared/common';
import { RuleParams, RuleView, SettingsView, UpdateRuleInput } from '../../../shared/settings';
import { ctxOf } from '../../platform/auth';
import type { Deps } from '../../platform/deps';
import { resetRule, updateRule, viewSettings } from './settings.service';

export function settingsRoutes(deps: Deps): FastifyPluginAsyncZod {
  return async (app) => {
    const tags = ['settings'];
    app.get('/api/settings', { schema: { tags, summary: '本人所属实践所的规则', response: { 200: SettingsView } } }, async (req) => viewSettings(deps, ctxOf(req)));
    app.get(
      '/api/settings/:unitId',
      { schema: { tags, summary: '某实践所的规则', params: z.strictObject({ unitId: Id }), response: { 200: SettingsView } } },
      async (req) => viewSettings(deps, ctxOf(req), req.params.unitId),
    );
    app.put(
      '/api/settings/:unitId/rules/:key',
      { schema: { tags, summary: '修改一项规则', params: RuleParams, body: UpdateRuleInput, response: { 200: RuleView } } },
      async (req) => updateRule(deps, ctxOf(req), req.params.unitId, req.params.key, req.body.value),
    );
    app.delete(
      '/api/settings/:unitId/rules/:key',
      { schema: { tags, summary: '恢复默认值', params: RuleParams, response: { 200: RuleView } } },
      async (req) => resetRule(deps, ctxOf(req), req.params.unitId, req.params.key),
    );
  };
}
