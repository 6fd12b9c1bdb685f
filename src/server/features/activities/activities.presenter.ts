import { chinaDay } from '../../../shared/china-time';
import { type ActivityView, allowedActivityActions, type PublicActivityView, type SignupView } from '../../../shared/activities';
import { maskPhone } from '../../../shared/mask';
import { recordDeadline } from '../../../shared/rules/hours';
import { ageOn } from '../../../shared/rules/id-number';
import type { RuleValues } from '../../../shared/settings';
import type { CheckinsTable, PositionsTable, SignupsTable } from '../../db/schema';
import type { Actor } from '../../platform/deps';
import { canManage } from './activities.access';
import type * as q from './activities.queries';
import type { ActivityRow } from './activities.queries';

/**
 * What leaves the server about activities and sign-ups. Pure: every row it needs is loaded before
 * (in one query per kind, see `activityViews`), so a page of activities costs the same few queries
 * whatever its length.
 */
export interface ActivityViewData {
  actor: Actor;
  /** The caller's `activities.manage` scope. */
  manageable: Set<string>;
  /** Beijing date today, for the summary deadline. */
  today: string;
  positions: (PositionsTable & { waitlisted: number })[];
  /** The caller's own sign-ups to these activities (none when they are not a volunteer). */
  mySignups: SignupsTable[];
  /** Sign-up id → place on the waitlist (1 = next), for the caller's waitlisted sign-ups. */
  waitlistPlaces: Map<string, number>;
  /** The rules of each activity's institute, by unit id. */
  rulesByUnit: Map<string, RuleValues>;
}

const num = (v: number | null) => (v === null ? null : Number(v));

function summaryOverdue(r: ActivityRow, rules: RuleValues, today: string): boolean {
  if (r.status !== 'ended' || r.summarised_at) return false;
  const cal = { holidays: rules['calendar.holidays'], makeupWorkdays: rules['calendar.makeupWorkdays'] };
  return today > recordDeadline(chinaDay(new Date(r.ends_at)), rules['activities.summaryDeadlineWorkingDays'], cal);
}

function mySignupOf(r: ActivityRow, d: ActivityViewData): ActivityView['mySignup'] {
  const s = d.mySignups.find((x) => x.activity_id === r.id && x.status !== 'cancelled');
  if (!s) return null;
  const waitlisted = s.status === 'waitlisted' && s.waitlist_seq !== null;
  return { id: s.id, status: s.status, positionId: s.position_id, waitlistPosition: waitlisted ? (d.waitlistPlaces.get(s.id) ?? null) : null };
}

function positionsOf(activityId: string, positions: ActivityViewData['positions']): ActivityView['positions'] {
  return positions
    .filter((p) => p.activity_id === activityId)
    .map((p) => ({ id: p.id, name: p.name, headcount: Number(p.headcount), taken: Number(p.taken), waitlisted: Number(p.waitlisted ?? 0) }));
}

export function presentActivity(r: ActivityRow, d: ActivityViewData): ActivityView {
  const rules = d.rulesByUnit.get(r.unit_id) as RuleValues;
  const manage = canManage(d.actor, d.manageable, r);
  // Publishing and turning back are for the unit's staff, not for the leader who drafted it.
  const actions = manage ? allowedActivityActions(r.status).filter((a) => (a !== 'publish' && a !== 'reject') || d.manageable.has(r.unit_id)) : [];
  return {
    id: r.id,
    unitId: r.unit_id,
    unitName: r.unit_name,
    seriesId: r.series_id,
    programmeId: r.programme_id,
    programmeName: r.programme_name,
    type: r.type,
    title: r.title,
    content: r.content,
    venueId: r.venue_id,
    venueName: r.venue_name,
    roomId: r.room_id,
    roomName: r.room_name,
    address: r.address,
    lng: num(r.lng),
    lat: num(r.lat),
    geofenceMeters: num(r.geofence_m),
    startsAt: r.starts_at,
    endsAt: r.ends_at,
    creditHours: Number(r.credit_minutes) / 60,
    positions: positionsOf(r.id, d.positions),
    minAge: num(r.min_age),
    maxAge: num(r.max_age),
    requiredSkills: JSON.parse(r.required_skills),
    insuranceRequired: Boolean(r.insurance_required),
    signupOpensAt: r.signup_opens_at,
    signupClosesAt: r.signup_closes_at,
    cancelCutoffAt: r.cancel_cutoff_at,
    needsApproval: Boolean(r.needs_approval),
    waitlist: Boolean(r.waitlist),
    contactName: r.contact_name,
    contactPhone: r.contact_phone,
    status: r.status,
    statusReason: r.status_reason,
    allowedActions: actions,
    canManage: manage,
    summarised: Boolean(r.summarised_at),
    summaryOverdue: summaryOverdue(r, rules, d.today),
    mySignup: mySignupOf(r, d),
  };
}

export type SignupRow = Awaited<ReturnType<typeof q.listSignups>>[number];

/**
 * The organiser's list: ages on the day, masked phones, each person's check-ins, and each waitlisted
 * sign-up's place in its position's queue (`places`, from `q.waitlistPlaces`, so a page of the list
 * numbers the same as the whole list).
 */
export function presentSignups(activityId: string, startsAt: string, rows: SignupRow[], checkins: CheckinsTable[], places: Map<string, number>): SignupView[] {
  const day = chinaDay(new Date(startsAt));
  return rows.map((s) => {
    const waitlistPosition = s.status === 'waitlisted' ? (places.get(s.id) ?? null) : null;
    return {
      id: s.id,
      activityId,
      positionId: s.position_id,
      positionName: s.position_name,
      volunteerId: s.volunteer_id,
      volunteerName: s.name,
      volunteerNo: s.volunteer_no,
      age: s.birth_date ? ageOn(s.birth_date, day) : null,
      phoneMasked: maskPhone(s.phone),
      status: s.status,
      waitlistPosition,
      channel: s.channel,
      createdAt: s.created_at,
      checkins: checkins
        .filter((c) => c.volunteer_id === s.volunteer_id)
        .map((c) => ({ inAt: c.in_at, outAt: c.out_at, inMethod: c.in_method, outMethod: c.out_method, flag: c.flag })),
    };
  });
}

/**
 * The public calendar's view (no session): the same positions as `presentActivity`, places left
 * instead of names, and the unit's office phone instead of the contact person's.
 */
export function presentPublicActivity(r: ActivityRow, positions: ActivityViewData['positions'], unitPhone: string | null): PublicActivityView {
  const places = positionsOf(r.id, positions).map((p) => ({ id: p.id, name: p.name, headcount: p.headcount, left: Math.max(0, p.headcount - p.taken) }));
  return {
    id: r.id,
    unitId: r.unit_id,
    unitName: r.unit_name,
    unitPhone,
    programmeId: r.programme_id,
    programmeName: r.programme_name,
    type: r.type,
    title: r.title,
    content: r.content,
    venueName: r.venue_name,
    roomName: r.room_name,
    address: r.address,
    startsAt: r.starts_at,
    endsAt: r.ends_at,
    creditHours: Number(r.credit_minutes) / 60,
    capacity: places.reduce((n, p) => n + p.headcount, 0),
    seatsLeft: places.reduce((n, p) => n + p.left, 0),
    positions: places,
    waitlist: Boolean(r.waitlist),
    minAge: num(r.min_age),
    maxAge: num(r.max_age),
    requiredSkills: JSON.parse(r.required_skills),
    signupOpensAt: r.signup_opens_at,
    signupClosesAt: r.signup_closes_at,
    status: r.status,
  };
}
