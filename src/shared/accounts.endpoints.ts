import {
  AccountListQuery,
  AccountView,
  ChangePasswordInput,
  CreateAccountInput,
  CreatedAccountView,
  LoginInput,
  LoginResult,
  OneTimePasswordView,
  RevokedSessionsView,
  SessionView,
  TotpChallengeView,
  TotpCodeInput,
  TotpDisableInput,
  TotpLoginInput,
  TotpRecoveryCodesView,
  TotpSetupView,
  TotpStatusView,
} from './accounts';
import { IdParams, OkView, Paged } from './common';
import { defineEndpoint } from './endpoint';
import type { ErrorCode } from './errors';
import { named } from './openapi';
import { routes } from './routes';

named({ AccountView, SessionView, TotpChallengeView });
const tags = ['accounts'];
const PASSWORD_RULES = [
  'password.too_short',
  'password.too_long',
  'password.too_simple',
  'password.common',
  'password.contains_username',
  'password.reused',
] as const satisfies readonly ErrorCode[];

export const listAccounts = defineEndpoint({
  ...routes.listAccounts,
  summary: '账号列表（本人管辖范围）',
  description: '本人管辖范围内的账号，可按单位筛选、按账号名或姓名搜索。',
  tags,
  query: AccountListQuery,
  responses: { 200: Paged(AccountView) },
  errors: ['not_found', 'access.denied'],
});

export const createAccount = defineEndpoint({
  ...routes.createAccount,
  summary: '新建账号（返回一次性密码）',
  description: '工作人员为同事或没有手机的人新建账号；一次性密码只返回这一次，首次登录须修改密码。',
  tags,
  body: CreateAccountInput,
  responses: { 201: CreatedAccountView },
  errors: ['not_found', 'access.denied', 'account.role_unit_mismatch', 'account.duplicate_username', 'account.duplicate_phone'],
});

export const disableAccount = defineEndpoint({
  ...routes.disableAccount,
  summary: '停用账号（立即下线）',
  description: '停用管辖范围内的一个账号，其会话立即失效；不能停用自己的账号。',
  tags,
  params: IdParams,
  responses: { 200: AccountView },
  errors: ['not_found', 'access.denied', 'account.self_disable'],
});

export const enableAccount = defineEndpoint({
  ...routes.enableAccount,
  summary: '启用账号',
  description: '重新启用管辖范围内一个已停用的账号。',
  tags,
  params: IdParams,
  responses: { 200: AccountView },
  errors: ['not_found', 'access.denied', 'account.self_disable'],
});

export const resetPassword = defineEndpoint({
  ...routes.resetAccountPassword,
  summary: '重置密码（返回一次性密码）',
  description: '为管辖范围内的账号重置密码；一次性密码只返回这一次，下次登录须修改密码。',
  tags,
  params: IdParams,
  responses: { 200: OneTimePasswordView },
  errors: ['not_found', 'access.denied'],
});

export const revokeSessions = defineEndpoint({
  ...routes.revokeAccountSessions,
  summary: '强制下线',
  description: '结束管辖范围内一个账号的全部会话。',
  tags,
  params: IdParams,
  responses: { 200: RevokedSessionsView },
  errors: ['not_found', 'access.denied'],
});

export const login = defineEndpoint({
  ...routes.login,
  summary: '登录（账号或手机号 + 密码）',
  description:
    '以账号名或手机号加密码登录，成功后设置会话 Cookie 并返回 csrfToken；连续输错将临时锁定账号。已启用双因素登录的账号返回 step=totp 与一次性的 challengeToken（5 分钟内有效），须再调用 loginWithTotp。',
  tags,
  access: 'public',
  body: LoginInput,
  responses: { 200: LoginResult },
  errors: ['auth.invalid_credentials', 'auth.locked', 'auth.rate_limited'],
});

export const logout = defineEndpoint({
  ...routes.logout,
  selfService: true,
  summary: '退出登录',
  description: '结束当前会话并清除会话 Cookie；须修改密码期间也可调用。',
  tags,
  responses: { 200: OkView },
});

export const me = defineEndpoint({
  ...routes.viewSession,
  summary: '当前登录信息',
  description: '当前会话的账号、角色与 csrfToken；须修改密码期间也可调用。',
  tags,
  responses: { 200: SessionView },
});

export const changePassword = defineEndpoint({
  ...routes.changePassword,
  selfService: true,
  summary: '修改密码（其他会话全部下线）',
  description: '本人修改密码，须提供当前密码；新密码须符合密码规则。成功后签发新会话，其他会话全部下线。',
  tags,
  body: ChangePasswordInput,
  responses: { 200: SessionView },
  errors: ['auth.wrong_password', ...PASSWORD_RULES],
});

export const loginWithTotp = defineEndpoint({
  ...routes.loginWithTotp,
  summary: '登录第二步（身份验证器验证码或恢复码）',
  description:
    '密码正确后，凭 challengeToken 提交身份验证器的 6 位验证码（同一验证码只能用一次，允许前后各 30 秒误差）或一个恢复码（每个只能用一次）；成功后设置会话 Cookie。输错计入账号锁定次数，同一 challengeToken 最多尝试 5 次。',
  tags,
  access: 'public',
  body: TotpLoginInput,
  responses: { 200: SessionView },
  errors: ['auth.totp_invalid', 'auth.totp_challenge_expired', 'auth.locked', 'auth.rate_limited'],
});

export const viewTotp = defineEndpoint({
  ...routes.viewTotp,
  summary: '本人的双因素登录状态',
  description: '是否已启用、本单位规则是否要求、剩余恢复码个数。',
  tags,
  responses: { 200: TotpStatusView },
});

export const startTotpSetup = defineEndpoint({
  ...routes.startTotpSetup,
  selfService: true,
  summary: '获取新的身份验证器密钥',
  description: '生成新的密钥（以文本、otpauth:// 链接和二维码返回），输入验证码确认后才生效；重复调用会换一个新密钥。',
  tags,
  responses: { 200: TotpSetupView },
  errors: ['totp.already_enabled'],
});

export const enableTotp = defineEndpoint({
  ...routes.enableTotp,
  selfService: true,
  summary: '确认验证码，启用双因素登录',
  description: '输入身份验证器显示的验证码以启用；返回 10 个恢复码，只显示这一次，每个只能使用一次。',
  tags,
  body: TotpCodeInput,
  responses: { 200: TotpRecoveryCodesView },
  errors: ['totp.already_enabled', 'totp.not_started', 'totp.invalid_code'],
});

export const disableTotp = defineEndpoint({
  ...routes.disableTotp,
  selfService: true,
  summary: '关闭双因素登录',
  description: '须提供当前密码和一个验证码（或恢复码）；若本单位规则要求，下次登录时须重新启用。',
  tags,
  body: TotpDisableInput,
  responses: { 200: OkView },
  errors: ['auth.wrong_password', 'totp.not_enabled', 'totp.invalid_code'],
});
