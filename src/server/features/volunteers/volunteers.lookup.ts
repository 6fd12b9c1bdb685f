import type { Config } from '../../platform/config';
import type { DbOrTrx } from '../../platform/db';
import * as q from './volunteers.queries';
import { openEmergencyPhone, openGuardianPhone } from './volunteers.sealing';

/**
 * What other features may read of volunteers and people: the one door into this feature's tables
 * from outside it (they never import `volunteers.queries`). The caller's own record is
 * `ctx.scope.me()`; these are for someone else's, by id.
 */
export type Volunteer = q.VolunteerRow;

/** A volunteer with their person's name, contact and station, or undefined. Safe inside a transaction. */
export function volunteerById(db: DbOrTrx, id: string): Promise<Volunteer | undefined> {
  return q.getVolunteer(db, id);
}

/** A person already known by this phone number (staff placing an order for a resident), or undefined. */
export async function personIdByPhone(db: DbOrTrx, phone: string): Promise<string | undefined> {
  return (await q.findPersonByPhone(db, phone))?.id;
}

/** The assessment's facts: volunteers of the given stations certified within [from, to), in one statement. */
export function volunteersJoinedForAssessment(db: DbOrTrx, stationIds: string[], from: string, to: string) {
  return q.certifiedBetween(db, stationIds, from, to);
}

/** How many registrations wait for review at these stations. */
export function reviewingCount(db: DbOrTrx, stationIds: string[]): Promise<number> {
  return q.countReviewing(db, stationIds);
}

/** The reports' volunteers: those of the stations certified before `to`, with their status now (exited ones too, for "new"). */
export function volunteersCertifiedBefore(db: DbOrTrx, stationIds: string[], to: string) {
  return q.certifiedBefore(db, stationIds, to);
}

/**
 * 个人信息权利: what is held about a person (their own export), the volunteer record — with the sealed
 * emergency and guardian phones opened, since it goes to the person themself — and its status history.
 */
export async function personRecordForExport(db: DbOrTrx, keys: Config['keys'], personId: string) {
  const person = await q.personForExport(db, personId);
  const row = await q.volunteerRowOfPerson(db, personId);
  const statusLog = row ? await q.listStatusLog(db, row.id) : [];
  const volunteer = row && { ...row, emergency_phone: openEmergencyPhone(keys, row), guardian_phone: openGuardianPhone(keys, row) };
  return { person, volunteer, statusLog };
}

/** The station of the person's volunteer record, if any. */
export async function volunteerOfPerson(db: DbOrTrx, personId: string) {
  return q.volunteerForPerson(db, personId);
}

/** The volunteer whose person has this ID-number blind index (hmac of `type:number`), or undefined. */
export async function volunteerByIdNumberHash(db: DbOrTrx, hash: string): Promise<Volunteer | undefined> {
  const person = await q.findPersonByIdHash(db, hash);
  const v = person ? await q.volunteerForPerson(db, person.id) : undefined;
  return v ? q.getVolunteer(db, v.id) : undefined;
}

export { parseIdType } from './volunteers.excel';
