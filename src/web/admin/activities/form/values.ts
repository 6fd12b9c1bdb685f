import dayjs, { type Dayjs } from 'dayjs';
import { ActivityInput, type ActivityType, PositionInput } from '../../../../shared/activities';
import { chinaWallClock, fromChinaWallClock } from '../../../../shared/china-time';
import type { ActivityView, UpdateActivityInput } from '../../../lib/queries/activities';

// The activity form's values and how they map to and from the API; the field schemas the
// sections take their rules and limits from.

export const LOCKED = ['in_progress', 'ended', 'summarised', 'cancelled'];
export const PICKER_FORMAT = 'YYYY-MM-DD HH:mm';

/** The shared schemas of the fields (`rulesFrom` / `limitsOf` read their limits). */
export const FIELDS = ActivityInput.shape;
export const POSITION = PositionInput.shape;
export const REPEAT_COUNT = ActivityInput.shape.repeat.unwrap().shape.count;

export interface FormValues {
  unitId: string;
  programmeId?: string;
  type: ActivityType;
  title: string;
  content?: string;
  venueId?: string;
  roomId?: string;
  address?: string;
  lng?: number;
  lat?: number;
  geofenceMeters?: number;
  startsAt?: Dayjs;
  endsAt?: Dayjs;
  creditHours?: number;
  positions: { id?: string; name: string; headcount: number }[];
  minAge?: number;
  maxAge?: number;
  requiredSkills: string[];
  insuranceRequired: boolean;
  signupOpensAt?: Dayjs;
  signupClosesAt?: Dayjs;
  cancelCutoffAt?: Dayjs;
  needsApproval: boolean;
  waitlist: boolean;
  contactName?: string;
  contactPhone?: string;
  repeatRule: 'none' | 'weekly' | 'monthly';
  repeatCount?: number;
  scope: 'one' | 'following';
}

/** The picker shows China wall-clock time, whatever zone the browser is in. */
export const toIso = (d: Dayjs | undefined | null) => (d ? fromChinaWallClock(d.format('YYYY-MM-DDTHH:mm')) : undefined);
const toPicker = (iso: string | null | undefined) => (iso ? dayjs(chinaWallClock(iso)) : undefined);
const blank = (v: string | undefined | null) => {
  const t = v?.trim();
  return t ? t : undefined;
};

export const NEW_ACTIVITY: Partial<FormValues> = {
  type: 'service',
  positions: [{ name: '志愿者', headcount: 10 }],
  requiredSkills: [],
  insuranceRequired: false,
  needsApproval: false,
  waitlist: true,
  repeatRule: 'none',
  repeatCount: 4,
  scope: 'one',
};

export function activityToValues(a: ActivityView): FormValues {
  return {
    unitId: a.unitId,
    programmeId: a.programmeId ?? undefined,
    type: a.type,
    title: a.title,
    content: a.content ?? undefined,
    venueId: a.venueId ?? undefined,
    roomId: a.roomId ?? undefined,
    address: a.address ?? undefined,
    lng: a.lng ?? undefined,
    lat: a.lat ?? undefined,
    geofenceMeters: a.geofenceMeters ?? undefined,
    startsAt: toPicker(a.startsAt),
    endsAt: toPicker(a.endsAt),
    creditHours: a.creditHours,
    positions: a.positions.map((p) => ({ id: p.id, name: p.name, headcount: p.headcount })),
    minAge: a.minAge ?? undefined,
    maxAge: a.maxAge ?? undefined,
    requiredSkills: a.requiredSkills,
    insuranceRequired: a.insuranceRequired,
    signupOpensAt: toPicker(a.signupOpensAt),
    signupClosesAt: toPicker(a.signupClosesAt),
    cancelCutoffAt: toPicker(a.cancelCutoffAt),
    needsApproval: a.needsApproval,
    waitlist: a.waitlist,
    contactName: a.contactName ?? undefined,
    contactPhone: a.contactPhone ?? undefined,
    repeatRule: 'none',
    scope: 'one',
  };
}

/** An edit: only what can change after creation. */
export function updateInputOf(values: FormValues, activity: ActivityView): UpdateActivityInput {
  return {
    title: values.title.trim(),
    content: blank(values.content) ?? null,
    programmeId: values.programmeId ?? null,
    startsAt: toIso(values.startsAt),
    endsAt: toIso(values.endsAt),
    address: blank(values.address) ?? null,
    contactName: blank(values.contactName) ?? null,
    contactPhone: blank(values.contactPhone) ?? null,
    positions: values.positions.map((p) => ({ ...(p.id ? { id: p.id } : {}), name: p.name.trim(), headcount: p.headcount })),
    scope: activity.seriesId ? values.scope : 'one',
  };
}

/** A new activity (or series); `credits` is false for types that count no service hours. */
export function createInputOf(values: FormValues, credits: boolean) {
  return {
    unitId: values.unitId,
    programmeId: values.programmeId,
    type: values.type,
    title: values.title.trim(),
    content: blank(values.content),
    venueId: values.venueId,
    roomId: values.roomId,
    address: blank(values.address),
    lng: values.venueId ? undefined : (values.lng ?? undefined),
    lat: values.venueId ? undefined : (values.lat ?? undefined),
    geofenceMeters: values.geofenceMeters ?? undefined,
    startsAt: toIso(values.startsAt) as string,
    endsAt: toIso(values.endsAt) as string,
    creditHours: credits ? values.creditHours : undefined,
    positions: values.positions.map((p) => ({ name: p.name.trim(), headcount: p.headcount })),
    minAge: values.minAge ?? undefined,
    maxAge: values.maxAge ?? undefined,
    requiredSkills: values.requiredSkills.map((s) => s.trim()).filter(Boolean),
    insuranceRequired: values.insuranceRequired,
    signupOpensAt: toIso(values.signupOpensAt),
    signupClosesAt: toIso(values.signupClosesAt),
    cancelCutoffAt: toIso(values.cancelCutoffAt),
    needsApproval: values.needsApproval,
    waitlist: values.waitlist,
    contactName: blank(values.contactName),
    contactPhone: blank(values.contactPhone),
    repeat: values.repeatRule !== 'none' && values.repeatCount ? { rule: values.repeatRule, count: values.repeatCount } : undefined,
  };
}

/**
 * What the activity plans pass in the address (`?planAssignment=…&unitId=…&title=…&content=…&
 * programmeId=…&date=YYYY-MM-DD`): the form starts from the plan item's unit, name, content and
 * programme, on the suggested day from 09:00 to 11:00.
 */
export function prefillFrom(search: URLSearchParams): Partial<FormValues> {
  const out: Partial<FormValues> = {};
  const text = (k: string, max: number) => search.get(k)?.trim().slice(0, max) || undefined;
  const unitId = text('unitId', 36);
  const title = text('title', 60);
  const content = text('content', 2000);
  const programmeId = text('programmeId', 36);
  if (unitId) out.unitId = unitId;
  if (title) out.title = title;
  if (content) out.content = content;
  if (programmeId) out.programmeId = programmeId;
  const date = search.get('date');
  if (date && /^\d{4}-\d{2}-\d{2}$/.test(date)) {
    out.startsAt = dayjs(`${date}T09:00`);
    out.endsAt = dayjs(`${date}T11:00`);
  }
  return out;
}
