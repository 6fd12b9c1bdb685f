import { z } from 'zod';
import { Username } from './accounts';
import { Id, Phone, Text } from './common';

/** Issue 13: several streets in one deployment, run from the district. */

/** A street's code: the administrative division code or the district's own numbering. */
export const StreetCode = z
  .string()
  .trim()
  .regex(/^[0-9A-Za-z-]{2,20}$/, { message: '街道代码为 2–20 位数字、字母或 -' });

/** A new street (实践所) and its first institute admin, who gets a one-time password. */
export const CreateStreetInput = z.strictObject({
  districtId: Id,
  name: Text(60, 2),
  code: StreetCode,
  address: Text(120).nullable().optional(),
  admin: z.strictObject({
    username: Username,
    displayName: Text(32),
    phone: Phone.optional(),
  }),
});
export type CreateStreetInput = z.infer<typeof CreateStreetInput>;

export const StreetAdminView = z.object({
  accountId: Id,
  username: z.string(),
  displayName: z.string(),
  disabled: z.boolean(),
  lastLoginAt: z.string().nullable(),
});
export type StreetAdminView = z.infer<typeof StreetAdminView>;

export const StreetView = z.object({
  id: Id,
  districtId: Id,
  name: z.string(),
  code: z.string().nullable(),
  address: z.string().nullable(),
  archived: z.boolean(),
  stations: z.number().int(),
  admins: z.array(StreetAdminView),
});
export type StreetView = z.infer<typeof StreetView>;

export const StreetListView = z.object({
  districts: z.array(z.object({ id: Id, name: z.string(), canManage: z.boolean() })),
  items: z.array(StreetView),
});
export type StreetListView = z.infer<typeof StreetListView>;

export const CreatedStreetView = z.object({ street: StreetView, admin: StreetAdminView, oneTimePassword: z.string() });
export type CreatedStreetView = z.infer<typeof CreatedStreetView>;

export const StreetAdminParams = z.strictObject({ accountId: Id });
export const StreetAdminStatusInput = z.strictObject({ disabled: z.boolean() });

/** The district's own accounts: its admins, who manage, and its viewers (区中心查看), who only read. */
export const DISTRICT_ROLES = ['district_admin', 'district_viewer'] as const;
export const DistrictRole = z.enum(DISTRICT_ROLES, { message: '请选择角色' });
export type DistrictRole = z.infer<typeof DistrictRole>;

/** A new account of the district (admin or viewer); it gets a one-time password, shown once. */
export const CreateDistrictAccountInput = z.strictObject({
  districtId: Id,
  username: Username,
  displayName: Text(32),
  role: DistrictRole,
  phone: Phone.optional(),
});
export type CreateDistrictAccountInput = z.infer<typeof CreateDistrictAccountInput>;

export const DistrictAccountView = z.object({
  accountId: Id,
  districtId: Id,
  username: z.string(),
  displayName: z.string(),
  role: DistrictRole,
  disabled: z.boolean(),
  mustChangePassword: z.boolean(),
  lastLoginAt: z.string().nullable(),
  /** The caller's own account: it may not disable itself. */
  self: z.boolean(),
});
export type DistrictAccountView = z.infer<typeof DistrictAccountView>;

export const DistrictAccountListView = z.object({
  districts: z.array(z.object({ id: Id, name: z.string(), canManage: z.boolean() })),
  items: z.array(DistrictAccountView),
});
export type DistrictAccountListView = z.infer<typeof DistrictAccountListView>;

export const CreatedDistrictAccountView = z.object({ account: DistrictAccountView, oneTimePassword: z.string() });
export type CreatedDistrictAccountView = z.infer<typeof CreatedDistrictAccountView>;

export const DistrictSummaryQuery = z.strictObject({
  year: z.coerce.number().int().min(2000).max(2100).optional(),
});

/** One street's figures: the same counts the street's own 数据大屏 shows, for the year asked. */
export const StreetSummary = z.object({
  id: Id,
  name: z.string(),
  code: z.string().nullable(),
  stations: z.number().int(),
  /** Certified volunteers of the street's stations (and the street itself), now. */
  volunteers: z.number().int(),
  /** Approved service hours (counter-entries included) with a service date in the year. */
  approvedHours: z.number(),
  /** Activities published or later that start in the year. */
  activities: z.number().int(),
  ordersPlaced: z.number().int(),
  ordersDone: z.number().int(),
  /** The monthly rule (二、（二）6) in the last finished month: stations that held at least the street's minimum. */
  monthlyRule: z.object({ month: z.string(), minimum: z.number().int(), stationsMeeting: z.number().int(), stations: z.number().int() }),
});
export type StreetSummary = z.infer<typeof StreetSummary>;

export const DistrictSummaryView = z.object({
  year: z.number().int(),
  streets: z.array(StreetSummary),
  totals: StreetSummary.omit({ id: true, name: true, code: true, monthlyRule: true }),
});
export type DistrictSummaryView = z.infer<typeof DistrictSummaryView>;
