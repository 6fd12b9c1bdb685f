import { randomUUID } from 'node:crypto';
import { maskIdNumber } from '../../../shared/mask';
import { ageOn, birthDateFromId, genderFromId, idNumberProblem, normaliseIdNumber } from '../../../shared/rules/id-number';
import { ADULT_AGE, MIN_VOLUNTEER_AGE, type RegisterVolunteerInput } from '../../../shared/volunteers';
import type { VolunteersTable } from '../../db/schema';
import { appendAudit } from '../../platform/audit';
import type { Config } from '../../platform/config';
import { encrypt, hmacHex } from '../../platform/crypto';
import { type DbOrTrx, isUniqueViolation, type Trx } from '../../platform/db';
import type { Deps } from '../../platform/deps';
import type { Scope } from '../../platform/scope';
import { AppError } from '../../platform/errors';
import { createLogin } from '../accounts/accounts.logins';
import * as q from './volunteers.queries';
import { sealEmergencyPhone, sealGuardianPhone } from './volunteers.sealing';

/**
 * Writing a volunteer, whichever the way in (staff, the person themself, a sign-up with a new
 * login, an Excel import): the identity checks, the duplicate check and the one transaction.
 */
interface Identity {
  idType: string;
  idNumber: string;
  birthDate: string;
  gender: 'male' | 'female';
  age: number;
}

/**
 * 办法 第五条 fields, checked once: the ID's check digit, birth date and gender derived from a
 * resident ID, and the age rules (under 14 refused; 14–17 only with a guardian's consent).
 */
export function checkIdentity(input: Pick<RegisterVolunteerInput, 'idType' | 'idNumber' | 'gender' | 'birthDate' | 'guardian'>, today: string): Identity {
  const idType = input.idType ?? '01';
  const idNumber = idType === '01' ? normaliseIdNumber(input.idNumber) : input.idNumber.trim().toUpperCase();
  let birthDate: string | null;
  let gender: 'male' | 'female' | null;
  if (idType === '01') {
    if (idNumberProblem(idNumber)) throw new AppError('volunteer.bad_id_number', { fields: [{ path: 'body.idNumber', message: '证件号码不正确' }] });
    birthDate = birthDateFromId(idNumber);
    gender = genderFromId(idNumber);
  } else {
    birthDate = input.birthDate ?? null;
    gender = input.gender ?? null;
  }
  if (!birthDate || !gender) throw new AppError('volunteer.birth_gender_required');
  const age = ageOn(birthDate, today);
  if (age < MIN_VOLUNTEER_AGE) throw new AppError('volunteer.too_young');
  if (age < ADULT_AGE && !input.guardian) throw new AppError('volunteer.guardian_required');
  return { idType, idNumber, birthDate, gender, age };
}

export interface NewVolunteer {
  input: RegisterVolunteerInput;
  identity: Identity;
  consent: { method: VolunteersTable['consent_method']; by: string | null; fileId: string | null; note: string | null };
  registeredBy: string | null;
  /** An existing person (a signed-in resident) to attach to, instead of a new one. */
  personId?: string;
  /** Sign-up on the phone: the login account made in the same transaction. */
  account?: { username: string; passwordHash: string };
}

/** Finds a clash by ID number or phone; says where the existing record is if the caller may see it. */
async function assertNotDuplicate(
  db: DbOrTrx,
  scope: Set<string> | null,
  idHash: string,
  phone: string,
  personId?: string,
): Promise<{ reusePersonId: string | null }> {
  const byId = await q.findPersonByIdHash(db, idHash);
  const byPhone = await q.findPersonByPhone(db, phone);
  for (const p of [byId, byPhone]) {
    if (!p || p.id === personId) continue;
    const v = await q.volunteerForPerson(db, p.id);
    if (v || (byId && byPhone && byId.id !== byPhone.id) || (p.id_number_hash && p.id_number_hash !== idHash)) {
      const existingId = v && scope?.has(v.station_id) ? v.id : null;
      throw new AppError('volunteer.duplicate', { details: existingId ? { existingId } : {} });
    }
  }
  // A person already known by phone (e.g. a resident account made by staff) becomes the volunteer.
  return { reusePersonId: personId ?? byPhone?.id ?? byId?.id ?? null };
}

/**
 * Scope for telling staff where an existing record is; null for people registering themselves.
 * The staff paths have already asked the scope (`require`), so its tree is in hand: no query here,
 * which matters inside an import's transaction.
 */
async function readScope(scope: Scope | null): Promise<Set<string> | null> {
  if (!scope?.hasRole('volunteers.read')) return null;
  return scope.units('volunteers.read');
}

/**
 * Writes one volunteer (and their person, and for a sign-up their account) with its audit row.
 * Runs in `outer` when given — a roster import puts every row in one transaction.
 */
export async function createVolunteer(
  deps: Deps,
  who: Parameters<typeof appendAudit>[3],
  staff: Scope | null,
  nv: NewVolunteer,
  outer?: Trx,
): Promise<{ volunteerId: string; personId: string }> {
  const { input, identity } = nv;
  const idHash = hmacHex(deps.config.keys.index, `${identity.idType}:${identity.idNumber}`);
  // Inside an outer transaction every query must use it: on SQLite a second connection would wait forever.
  const scope = await readScope(staff);
  const { reusePersonId } = await assertNotDuplicate(outer ?? deps.db, scope, idHash, input.phone, nv.personId);
  const now = deps.clock.now().toISOString();
  const volunteerId = randomUUID();
  const personId = reusePersonId ?? randomUUID();
  const identityCols = {
    name: input.name,
    phone: input.phone,
    gender: identity.gender,
    birth_date: identity.birthDate,
    id_type: identity.idType,
    id_number_enc: encrypt(deps.config.keys.encryption, identity.idNumber),
    id_number_hash: idHash,
    id_number_tail: identity.idNumber.slice(-4),
    id_number_masked: maskIdNumber(identity.idNumber.slice(0, 3), identity.idNumber.slice(-4), identity.idNumber.length),
    updated_at: now,
  };
  const write = async (trx: Trx) => {
    if (reusePersonId) await q.updatePerson(trx, personId, identityCols);
    else await q.insertPerson(trx, { id: personId, created_at: now, ...identityCols });
    if (nv.account) {
      await createLogin(trx, {
        personId,
        username: nv.account.username,
        displayName: input.name,
        passwordHash: nv.account.passwordHash,
        stationId: input.stationId,
        now,
      });
    }
    await q.insertVolunteer(trx, volunteerRow(deps.config.keys, nv, volunteerId, personId, now));
    await q.insertStatusLog(trx, {
      id: randomUUID(),
      volunteer_id: volunteerId,
      from_status: null,
      to_status: 'reviewing',
      reason: null,
      actor_id: nv.registeredBy,
      at: now,
    });
    await appendAudit(trx, deps.config.keys.audit, new Date(now), who, {
      action: 'volunteers.registered',
      objectType: 'volunteer',
      objectId: volunteerId,
      unitId: input.stationId,
      changes: {
        name: { before: null, after: input.name },
        consent: { before: null, after: nv.consent.method },
        ...(identity.age < ADULT_AGE ? { guardian: { before: null, after: input.guardian?.name ?? null } } : {}),
      },
    });
  };
  try {
    if (outer) await write(outer);
    else await deps.db.transaction().execute(write);
  } catch (err) {
    if (isUniqueViolation(err)) throw new AppError('volunteer.duplicate');
    throw err;
  }
  return { volunteerId, personId };
}

/** The new volunteer's row: under review, with consent (and a minor's guardian) as given at registration. */
function volunteerRow(keys: Config['keys'], nv: NewVolunteer, volunteerId: string, personId: string, now: string): VolunteersTable {
  const { input, identity } = nv;
  const minor = identity.age < ADULT_AGE;
  return {
    id: volunteerId,
    person_id: personId,
    station_id: input.stationId,
    volunteer_no: null,
    status: 'reviewing',
    status_reason: null,
    category: input.category,
    political_status: input.politicalStatus ?? null,
    education: input.education ?? null,
    ethnicity: input.ethnicity ?? null,
    email: input.email ?? null,
    employment: input.employment ?? null,
    residence_area: input.residenceArea ?? null,
    skills: JSON.stringify(input.skills ?? []),
    service_categories: JSON.stringify(input.serviceCategories),
    availability: JSON.stringify(input.availability ?? []),
    emergency_name: input.emergencyContact?.name ?? null,
    ...sealEmergencyPhone(keys, input.emergencyContact?.phone ?? null),
    guardian_name: minor ? (input.guardian?.name ?? null) : null,
    ...sealGuardianPhone(keys, minor ? (input.guardian?.phone ?? null) : null),
    guardian_relation: minor ? (input.guardian?.relation ?? null) : null,
    guardian_consent_method: minor ? (input.guardian?.consentMethod ?? null) : null,
    guardian_consent_at: minor ? now : null,
    consent_method: nv.consent.method,
    consent_at: now,
    consent_by: nv.consent.by,
    consent_file_id: nv.consent.fileId,
    consent_note: nv.consent.note,
    registered_by: nv.registeredBy,
    certified_at: null,
    insured_until: null,
    created_at: now,
    updated_at: now,
  };
}

/**
 * The volunteers feature owns the people table: a person known only by name and phone (a staff
 * account made for a colleague) is written here too, in the caller's transaction.
 */
export function recordPerson(trx: DbOrTrx, person: { id: string; name: string; phone: string | null; now: string }) {
  return q.insertPerson(trx, {
    id: person.id,
    name: person.name,
    phone: person.phone,
    gender: null,
    birth_date: null,
    id_type: null,
    id_number_enc: null,
    id_number_hash: null,
    id_number_tail: null,
    id_number_masked: null,
    created_at: person.now,
    updated_at: person.now,
  });
}
