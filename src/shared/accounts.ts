import { z } from 'zod';
import { Id, Phone, Text } from './common';
import { ROLES } from './labels';

export { ROLES };

export type Role = keyof typeof ROLES;
export const Role = z.enum(Object.keys(ROLES) as [Role, ...Role[]]);

export const LoginInput = z.strictObject({
  username: z.string().trim().min(1, { message: '请输入账号或手机号' }).max(64),
  password: z.string().min(1, { message: '请输入密码' }).max(256),
});
export type LoginInput = z.infer<typeof LoginInput>;

export const RoleGrantView = z.object({
  role: Role,
  unitId: Id,
  unitName: z.string(),
  teamId: Id.nullable(),
});
export type RoleGrantView = z.infer<typeof RoleGrantView>;

/** What the signed-in person is told about themself. */
export const SessionView = z.object({
  account: z.object({
    id: Id,
    username: z.string(),
    displayName: z.string(),
    phoneMasked: z.string().nullable(),
    mustChangePassword: z.boolean(),
    /** The rule requires two-factor login for a role of this account and it is not enrolled: only 账号安全 is open. */
    totpEnrolmentRequired: z.boolean(),
  }),
  roles: z.array(RoleGrantView),
  isStaff: z.boolean(),
  csrfToken: z.string(),
  idleTimeoutSeconds: z.number().int(),
  expiresAt: z.string(),
});
export type SessionView = z.infer<typeof SessionView>;

export const ChangePasswordInput = z.strictObject({
  currentPassword: z.string().min(1, { message: '请输入当前密码' }).max(256),
  newPassword: z.string().min(1, { message: '请输入新密码' }).max(256),
});
export type ChangePasswordInput = z.infer<typeof ChangePasswordInput>;

export const Username = z
  .string()
  .trim()
  .regex(/^[a-zA-Z][a-zA-Z0-9_.-]{2,31}$/, { message: '账号名为 3–32 位字母、数字或 _ . -，以字母开头' });

export const AccountView = z.object({
  id: Id,
  username: z.string(),
  displayName: z.string(),
  phoneMasked: z.string().nullable(),
  disabled: z.boolean(),
  lockedUntil: z.string().nullable(),
  mustChangePassword: z.boolean(),
  lastLoginAt: z.string().nullable(),
  roles: z.array(RoleGrantView),
});
export type AccountView = z.infer<typeof AccountView>;

export const CreateAccountInput = z.strictObject({
  username: Username,
  displayName: Text(32),
  phone: Phone.optional(),
  role: Role,
  unitId: Id,
});
export type CreateAccountInput = z.infer<typeof CreateAccountInput>;

/** A new account gets a one-time password that the server returns once and never stores in clear. */
export const CreatedAccountView = z.object({ account: AccountView, oneTimePassword: z.string() });

export const AccountListQuery = z.strictObject({
  unitId: Id.optional(),
  q: z.string().trim().max(64).optional(),
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(20),
});

/** `POST /api/accounts/:id/reset-password`: the new one-time password, shown once. */
export const OneTimePasswordView = z.object({ oneTimePassword: z.string() });

/** `POST /api/accounts/:id/revoke-sessions`: how many sessions were ended. */
export const RevokedSessionsView = z.object({ ended: z.number().int() });

/** The password was right and the account has two-factor login: a code is still owed (5 minutes). */
export const TotpChallengeView = z.object({ step: z.literal('totp'), challengeToken: z.string(), expiresAt: z.string() });
export type TotpChallengeView = z.infer<typeof TotpChallengeView>;

/** `POST /api/auth/login`: a session, or the second step when two-factor login is on. */
export const LoginResult = z.union([SessionView, TotpChallengeView]);
export type LoginResult = z.infer<typeof LoginResult>;

export const TotpLoginInput = z.strictObject({
  challengeToken: z.string().min(20).max(100),
  /** `code`: the 6 digits of the authenticator app; `recovery`: one of the ten recovery codes. */
  method: z.enum(['code', 'recovery']),
  code: z.string().trim().min(1, { message: '请输入验证码' }).max(32),
});
export type TotpLoginInput = z.infer<typeof TotpLoginInput>;

export const TotpStatusView = z.object({
  enabled: z.boolean(),
  enabledAt: z.string().nullable(),
  /** The rule of the account's institute requires it for one of its roles. */
  required: z.boolean(),
  recoveryCodesLeft: z.number().int(),
});
export type TotpStatusView = z.infer<typeof TotpStatusView>;

/** A new secret, not yet in force: as text, as an otpauth:// URI and as that URI's QR code (a data: URL made on the server). */
export const TotpSetupView = z.object({ secret: z.string(), uri: z.string(), qrDataUrl: z.string() });
export type TotpSetupView = z.infer<typeof TotpSetupView>;

export const TotpCodeInput = z.strictObject({ code: z.string().trim().min(1, { message: '请输入验证码' }).max(16) });
export type TotpCodeInput = z.infer<typeof TotpCodeInput>;

/** Shown once: the server keeps only their HMACs. */
export const TotpRecoveryCodesView = z.object({ recoveryCodes: z.array(z.string()) });
export type TotpRecoveryCodesView = z.infer<typeof TotpRecoveryCodesView>;

export const TotpDisableInput = z.strictObject({
  password: z.string().min(1, { message: '请输入当前密码' }).max(256),
  /** A code of the authenticator app, or a recovery code. */
  code: z.string().trim().min(1, { message: '请输入验证码或恢复码' }).max(32),
});
export type TotpDisableInput = z.infer<typeof TotpDisableInput>;
