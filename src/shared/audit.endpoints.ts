import { AuditEntryView, AuditQuery, AuditVerifyView } from './audit';
import { Paged } from './common';
import { defineEndpoint } from './endpoint';
import { named } from './openapi';
import { routes } from './routes';

named({ AuditEntryView, AuditVerifyView });
const tags = ['audit'];

export const listAudit = defineEndpoint({
  ...routes.listAudit,
  summary: '审计日志（分页，最新在前）',
  description: '本人管辖范围内的审计记录：谁、何时、对什么做了什么，结果如何。',
  tags,
  query: AuditQuery,
  responses: { 200: Paged(AuditEntryView) },
  errors: ['access.denied'],
});

export const verifyAudit = defineEndpoint({
  ...routes.verifyAudit,
  summary: '校验审计链，指出第一条被篡改的记录',
  description: '逐条校验审计日志的哈希链，发现修改、缺失或截断时指出第一条出问题的记录。',
  tags,
  responses: { 200: AuditVerifyView },
  errors: ['access.denied'],
});
