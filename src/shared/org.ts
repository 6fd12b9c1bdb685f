import { z } from 'zod';
import { Id, PageQuery, Phone, Text } from './common';

export const UNIT_KINDS = {
  district: '区新时代文明实践中心',
  institute: '新时代文明实践所',
  station: '新时代文明实践站',
} as const;
export type UnitKind = keyof typeof UNIT_KINDS;
export const UnitKind = z.enum(['district', 'institute', 'station']);

/** Which kind of unit may sit under which (the plan's "1+20" two levels, under an optional district). */
export const PARENT_KIND: Record<UnitKind, UnitKind | null> = {
  district: null,
  institute: 'district',
  station: 'institute',
};

const Longitude = z.number().min(-180).max(180);
const Latitude = z.number().min(-90).max(90);

export const UnitView = z.object({
  id: Id,
  kind: UnitKind,
  name: z.string(),
  shortName: z.string().nullable(),
  parentId: Id.nullable(),
  address: z.string().nullable(),
  lng: z.number().nullable(),
  lat: z.number().nullable(),
  phone: z.string().nullable(),
  intro: z.string().nullable(),
  sort: z.number().int(),
  archived: z.boolean(),
  updatedAt: z.string(),
});
export type UnitView = z.infer<typeof UnitView>;

const UnitFields = {
  name: Text(60, 2),
  shortName: Text(20).nullable().optional(),
  address: Text(120).nullable().optional(),
  lng: Longitude.nullable().optional(),
  lat: Latitude.nullable().optional(),
  phone: z
    .string()
    .trim()
    .regex(/^[0-9-]{7,20}$/, { message: '请输入有效的电话号码' })
    .nullable()
    .optional(),
  intro: Text(2000).nullable().optional(),
  sort: z.number().int().min(0).max(9999).optional(),
};

export const CreateUnitInput = z.strictObject({ kind: z.enum(['institute', 'station']), parentId: Id, ...UnitFields });
export type CreateUnitInput = z.infer<typeof CreateUnitInput>;

export const UpdateUnitInput = z.strictObject({
  name: UnitFields.name.optional(),
  shortName: UnitFields.shortName,
  address: UnitFields.address,
  lng: UnitFields.lng,
  lat: UnitFields.lat,
  phone: UnitFields.phone,
  intro: UnitFields.intro,
  sort: UnitFields.sort,
  archived: z.boolean().optional(),
});
export type UpdateUnitInput = z.infer<typeof UpdateUnitInput>;

export const UnitListQuery = PageQuery.extend({
  kind: UnitKind.optional(),
  parentId: Id.optional(),
  /** Part of the name or short name: a district has more units than one page holds. */
  q: z.string().trim().max(50).optional(),
  includeArchived: z.enum(['true', 'false']).optional(),
});

/** Posts from the plan's 二、(一): who leads the institute and each station. */
export const POSTS = {
  director: { label: '所长', unit: 'institute' },
  deputy_director: { label: '副所长', unit: 'institute' },
  office_head: { label: '办公室主任', unit: 'institute' },
  deputy_office_head: { label: '办公室副主任', unit: 'institute' },
  station_head: { label: '站长', unit: 'station' },
  deputy_station_head: { label: '副站长', unit: 'station' },
  staff: { label: '工作人员', unit: 'any' },
} as const;
export type PostKind = keyof typeof POSTS;
export const PostKind = z.enum(Object.keys(POSTS) as [PostKind, ...PostKind[]]);

export function postFitsUnit(post: PostKind, kind: UnitKind): boolean {
  const unit = POSTS[post].unit;
  return unit === 'any' || unit === kind;
}

export const PostView = z.object({
  id: Id,
  unitId: Id,
  post: PostKind,
  holderName: z.string(),
  title: z.string().nullable(),
  phoneMasked: z.string().nullable(),
  sort: z.number().int(),
});
export type PostView = z.infer<typeof PostView>;

export const PostInput = z.strictObject({
  post: PostKind,
  holderName: Text(32),
  title: Text(60).nullable().optional(),
  phone: Phone.nullable().optional(),
  sort: z.number().int().min(0).max(9999).optional(),
});
export type PostInput = z.infer<typeof PostInput>;

/** The plan's staffing rule (二、(二)3) against the people who actually hold 工作人员 posts. */
export const StaffingView = z.object({
  unitId: Id,
  unitName: z.string(),
  kind: UnitKind,
  required: z.object({ min: z.number().int(), max: z.number().int() }),
  actual: z.number().int(),
  status: z.enum(['short', 'ok', 'over']),
});
export type StaffingView = z.infer<typeof StaffingView>;

/** The staffing check, a page at a time; `unitId` asks for one unit's line (a unit's own page). */
export const StaffingQuery = PageQuery.extend({ unitId: Id.optional() });

export const LEADING_GROUP_ROLES = { leader: '组长', deputy: '副组长', member: '成员' } as const;
export const LeadingGroupRole = z.enum(['leader', 'deputy', 'member']);

export const LeadingGroupMemberView = z.object({
  id: Id,
  unitId: Id,
  name: z.string(),
  groupRole: LeadingGroupRole,
  title: z.string().nullable(),
  duty: z.string().nullable(),
  sort: z.number().int(),
});
export type LeadingGroupMemberView = z.infer<typeof LeadingGroupMemberView>;

export const LeadingGroupMemberInput = z.strictObject({
  name: Text(32),
  groupRole: LeadingGroupRole,
  title: Text(60).nullable().optional(),
  duty: Text(200).nullable().optional(),
  sort: z.number().int().min(0).max(9999).optional(),
});
export type LeadingGroupMemberInput = z.infer<typeof LeadingGroupMemberInput>;

export function staffingStatus(actual: number, min: number, max: number): 'short' | 'ok' | 'over' {
  if (actual < min) return 'short';
  if (actual > max) return 'over';
  return 'ok';
}

export const PublicUnitView = z.object({
  id: Id,
  kind: UnitKind,
  name: z.string(),
  shortName: z.string().nullable(),
  parentId: Id.nullable(),
  address: z.string().nullable(),
  phone: z.string().nullable(),
  lng: z.number().nullable(),
  lat: z.number().nullable(),
});
export type PublicUnitView = z.infer<typeof PublicUnitView>;

export const PublicSiteView = z.object({
  district: z.object({ name: z.string() }).nullable(),
  institutes: z.array(
    z.object({
      id: Id,
      name: z.string(),
      shortName: z.string().nullable(),
      address: z.string().nullable(),
      phone: z.string().nullable(),
      intro: z.string().nullable(),
      stationCount: z.number().int(),
    }),
  ),
});
export type PublicSiteView = z.infer<typeof PublicSiteView>;
