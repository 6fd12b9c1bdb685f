import { AuditCheckpointFile, AuditEntryView, AuditQuery, AuditVerifyBody, AuditVerifyView } from './audit';
import { Paged } from './common';
import { defineEndpoint } from './endpoint';
import { named } from './openapi';
import { routes } from './routes';

named({ AuditEntryView, AuditVerifyView, AuditCheckpointFile });
const tags = ['audit'];

export const listAudit = defineEndpoint({
  ...routes.listAudit,
  summary: '审计日志（分页，最新在前）',
  description:
    '本人管辖范围内的审计记录：谁、何时、对什么做了什么，结果如何。每次查阅本身也记一条“查阅审计日志”（含筛选条件）；这类记录只在按该操作筛选时列出，翻页因此不会错位。',
  tags,
  query: AuditQuery,
  responses: { 200: Paged(AuditEntryView) },
  errors: ['access.denied'],
});

export const verifyAudit = defineEndpoint({
  ...routes.verifyAudit,
  summary: '校验审计链，指出第一条被篡改的记录',
  description:
    '从第一条起逐条校验审计日志的哈希链和链头签名，并对照系统记录的检查点及（可选）在系统外保存的检查点文件：发现修改、缺失、截断或链头被改写时指出第一条出问题的记录。校验本身记入审计日志。',
  tags,
  body: AuditVerifyBody,
  responses: { 200: AuditVerifyView },
  errors: ['access.denied'],
});

export const exportAuditCheckpoint = defineEndpoint({
  ...routes.exportAuditCheckpoint,
  summary: '导出签名的审计检查点',
  description: '先校验审计链，通过后对链头（序号 + 哈希）签名，生成检查点文件供在系统外保存；系统同时记录签发的检查点。导出本身记入审计日志，且被检查点覆盖。',
  tags,
  responses: { 200: AuditCheckpointFile },
  errors: ['access.denied', 'audit.chain_broken'],
});
