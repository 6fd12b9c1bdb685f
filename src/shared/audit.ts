import { z } from 'zod';
import { Id } from './common';

export const AuditEntryView = z.object({
  seq: z.number().int(),
  at: z.string(),
  actorName: z.string().nullable(),
  action: z.string(),
  objectType: z.string().nullable(),
  objectId: z.string().nullable(),
  unitId: z.string().nullable(),
  ip: z.string().nullable(),
  requestId: z.string().nullable(),
  outcome: z.enum(['success', 'failure']),
  changes: z.record(z.string(), z.object({ before: z.unknown(), after: z.unknown() })).nullable(),
  hash: z.string(),
});
export type AuditEntryView = z.infer<typeof AuditEntryView>;

export const AuditQuery = z.strictObject({
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(50),
  action: z.string().trim().max(64).optional(),
  objectId: z.string().trim().max(64).optional(),
  outcome: z.enum(['success', 'failure']).optional(),
  from: z.iso.datetime({ offset: true }).optional(),
  to: z.iso.datetime({ offset: true }).optional(),
});
export type AuditQuery = z.infer<typeof AuditQuery>;

/** The file an institute admin exports and keeps outside the system (docs/security.md 审计检查点). */
export const AUDIT_CHECKPOINT_FORMAT = 'shijian-audit-checkpoint/1';
export const AuditCheckpointFile = z.strictObject({
  format: z.literal(AUDIT_CHECKPOINT_FORMAT),
  seq: z.number().int().min(1),
  hash: z.string().regex(/^[0-9a-f]{64}$/),
  at: z.iso.datetime(),
  keyFingerprint: z.string().max(100),
  publicKey: z.string().max(500),
  signature: z.string().max(200),
});
export type AuditCheckpointFile = z.infer<typeof AuditCheckpointFile>;

/** One checkpoint held against the chain: one the system recorded, or the file the admin brought. */
export const AuditCheckpointCheck = z.object({
  source: z.enum(['recorded', 'provided']),
  seq: z.number().int(),
  at: z.string(),
  ok: z.boolean(),
  message: z.string(),
});
export type AuditCheckpointCheck = z.infer<typeof AuditCheckpointCheck>;

export const AuditVerifyView = z.object({
  ok: z.boolean(),
  checked: z.number().int(),
  firstBrokenSeq: z.number().int().nullable(),
  reason: z.string().nullable(),
  headSeq: z.number().int().nullable(),
  /** Whether the head's (seq, hash) carries this system's signature. */
  headSigned: z.boolean(),
  /** The last recorded checkpoint (and any recorded one that fails), then the provided file, if any. */
  checkpoints: z.array(AuditCheckpointCheck),
});
export type AuditVerifyView = z.infer<typeof AuditVerifyView>;

/** Verify optionally against a checkpoint file kept outside the system. */
export const AuditVerifyBody = z.strictObject({ checkpoint: AuditCheckpointFile.optional() });
export type AuditVerifyBody = z.infer<typeof AuditVerifyBody>;

/** Chinese names for audit actions; an unknown action shows its code. */
export const AUDIT_ACTIONS: Record<string, string> = {
  'auth.login': '登录',
  'auth.login_failed': '登录失败',
  'auth.logout': '退出登录',
  'auth.password_changed': '修改密码',
  'auth.locked': '账号锁定',
  'org.unit_created': '新增单位',
  'org.unit_updated': '修改单位',
  'org.post_created': '新增岗位任职',
  'org.post_updated': '修改岗位任职',
  'org.post_deleted': '删除岗位任职',
  'org.leading_group_member_created': '新增领导小组成员',
  'org.leading_group_member_updated': '修改领导小组成员',
  'org.leading_group_member_deleted': '删除领导小组成员',
  'accounts.created': '新建账号',
  'accounts.disabled': '停用账号',
  'accounts.enabled': '启用账号',
  'accounts.password_reset': '重置密码',
  'accounts.sessions_revoked': '强制下线',
  'settings.rule_updated': '修改规则',
  'settings.rule_reset': '恢复默认规则',
  'audit.read': '查阅审计日志',
  'audit.verified': '校验审计链',
  'audit.checkpoint_exported': '导出审计检查点',
  'files.uploaded': '上传文件',
  'activities.ical_token_issued': '生成日历订阅链接',
  'activities.ical_token_revoked': '删除日历订阅链接',
  'notifications.read': '消息标为已读',
  'notifications.read_all': '消息全部标为已读',
  'auth.totp_challenge': '登录：密码正确，待输入验证码',
  'auth.totp_setup_started': '获取双因素登录密钥',
  'auth.totp_enabled': '启用双因素登录',
  'auth.totp_enable_failed': '启用双因素登录失败',
  'auth.totp_disabled': '关闭双因素登录',
  'auth.totp_disable_failed': '关闭双因素登录失败',
};

export const AuditIdParams = z.strictObject({ unitId: Id });
