/** A volunteer as each caller may see them: phone and e-mail masked unless it is the person or their station's staff. */
import { chinaDay } from '../../../shared/china-time';
import { maskPhone } from '../../../shared/mask';
import { ageOn } from '../../../shared/rules/id-number';
import { starLevel } from '../../../shared/rules/stars';
import { ADULT_AGE, allowedVolunteerActions, type VolunteerView } from '../../../shared/volunteers';
import { type UnitTree, unitsInScope } from '../../platform/access';
import type { Config } from '../../platform/config';
import type { Actor, Deps } from '../../platform/deps';
import type { Scope } from '../../platform/scope';
import type * as q from './volunteers.queries';
import { openEmergencyPhone } from './volunteers.sealing';

const parseList = (s: string): string[] => {
  try {
    const v = JSON.parse(s);
    return Array.isArray(v) ? v.map(String) : [];
  } catch {
    return [];
  }
};

/** Full phone numbers go only to the person and to the staff of their own station (issue 3; POLICY `volunteers.contact`). */
function seesPhone(actor: Actor, tree: UnitTree, row: { person_id: string; station_id: string }): boolean {
  return actor.personId === row.person_id || unitsInScope(tree, actor, 'volunteers.contact').has(row.station_id);
}

export function presentVolunteer(row: q.VolunteerRow, actor: Actor, tree: UnitTree, today: string, thresholds: number[], keys: Config['keys']): VolunteerView {
  const full = seesPhone(actor, tree, row);
  const age = row.birth_date ? ageOn(row.birth_date, today) : null;
  const isStaffViewer = actor.personId !== row.person_id;
  return {
    id: row.id,
    volunteerNo: row.volunteer_no,
    name: row.name,
    gender: row.gender === 'male' || row.gender === 'female' ? row.gender : null,
    age,
    birthDate: row.birth_date,
    idType: (row.id_type as VolunteerView['idType']) ?? null,
    idNumberMasked: row.id_number_masked,
    phone: full ? row.phone : maskPhone(row.phone),
    phoneMasked: !full,
    stationId: row.station_id,
    stationName: row.station_name,
    status: row.status,
    statusReason: row.status_reason,
    category: row.category,
    politicalStatus: row.political_status,
    education: row.education,
    ethnicity: row.ethnicity,
    email: full ? row.email : row.email ? row.email.replace(/^(.).*(@.*)$/, '$1***$2') : null,
    employment: row.employment,
    residenceArea: row.residence_area,
    insuredUntil: row.insured_until,
    skills: parseList(row.skills),
    serviceCategories: parseList(row.service_categories),
    availability: parseList(row.availability),
    emergencyContact: row.emergency_name
      ? { name: row.emergency_name, phone: (full ? openEmergencyPhone(keys, row) : row.emergency_phone_masked) ?? '' }
      : null,
    isMinor: age !== null && age < ADULT_AGE,
    guardian: row.guardian_name
      ? {
          name: row.guardian_name,
          relation: row.guardian_relation ?? '',
          consentMethod: row.guardian_consent_method ?? '',
          consentAt: row.guardian_consent_at ?? '',
        }
      : null,
    consent: {
      method: row.consent_method,
      at: row.consent_at,
      byName: row.consent_by ? (row.consent_by_name ?? null) : null,
      hasEvidence: Boolean(row.consent_file_id),
      evidenceFileId: isStaffViewer ? row.consent_file_id : null,
    },
    approvedHours: Math.round((row.approved_minutes / 60) * 10) / 10,
    starLevel: starLevel(row.approved_minutes, thresholds),
    allowedActions: isStaffViewer ? allowedVolunteerActions(row.status) : [],
    createdAt: row.created_at,
    certifiedAt: row.certified_at,
  };
}

export async function present(deps: Deps, scope: Scope, rows: q.VolunteerRow[]): Promise<VolunteerView[]> {
  const tree = await scope.tree();
  const today = chinaDay(deps.clock.now());
  const out: VolunteerView[] = [];
  for (const r of rows) out.push(presentVolunteer(r, scope.actor, tree, today, (await scope.rulesOf(r.station_id))['stars.thresholds'], deps.config.keys));
  return out;
}
