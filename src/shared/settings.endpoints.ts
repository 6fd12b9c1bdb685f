import { z } from 'zod';
import { Id } from './common';
import { routes } from './routes';
import { defineEndpoint } from './endpoint';
import { named } from './openapi';
import { RuleParams, RuleView, SettingsView, UpdateRuleInput } from './settings';

named({ RuleView, SettingsView });
const tags = ['settings'];

export const viewMySettings = defineEndpoint({
  ...routes.viewMySettings,
  summary: '本人所属实践所的规则',
  description: '工作方案中的各项数字（时限、人数、天数等）在本人所属实践所的取值，未修改的为默认值。',
  tags,
  responses: { 200: SettingsView },
  errors: ['not_found', 'access.denied'],
});

export const viewSettings = defineEndpoint({
  ...routes.viewSettings,
  summary: '某实践所的规则',
  description: '指定实践所（或其下属站点所属实践所）的规则取值。',
  tags,
  params: z.strictObject({ unitId: Id }),
  responses: { 200: SettingsView },
  errors: ['not_found', 'access.denied'],
});

export const updateRule = defineEndpoint({
  ...routes.updateRule,
  summary: '修改一项规则',
  description: '实践所管理员修改本所的一项规则，取值须符合该规则的格式与范围；修改记入审计。',
  tags,
  params: RuleParams,
  body: UpdateRuleInput,
  responses: { 200: RuleView },
  errors: ['not_found', 'access.denied', 'settings.unknown_rule', 'settings.bad_value'],
});

export const resetRule = defineEndpoint({
  ...routes.resetRule,
  summary: '恢复默认值',
  description: '把本所的一项规则恢复为工作方案中的默认值。',
  tags,
  params: RuleParams,
  responses: { 200: RuleView },
  errors: ['not_found', 'access.denied', 'settings.unknown_rule'],
});
