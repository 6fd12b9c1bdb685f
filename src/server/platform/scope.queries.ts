import type { DbOrTrx } from './db';

export interface UnitNode {
  id: string;
  kind: 'district' | 'institute' | 'station';
  parent_id: string | null;
}

/** Every unit's place in the tree. A district has a few hundred units at most. */
export function listUnitNodes(db: DbOrTrx): Promise<UnitNode[]> {
  return db.selectFrom('units').select(['id', 'kind', 'parent_id']).execute();
}

/**
 * The counters that say whether a cached copy is still true: `org_version` moves with every unit
 * create, edit and move; `rules_version` with every rule set or reset. Rows, not process memory,
 * so every process on the database sees the change.
 */
export const VERSION_COUNTERS = { org: 'org_version', rules: 'rules_version' } as const;
export type Versions = { org: number; rules: number };

export async function readVersions(db: DbOrTrx): Promise<Versions> {
  const rows = await db.selectFrom('counters').select(['name', 'value']).where('name', 'in', Object.values(VERSION_COUNTERS)).execute();
  const of = (name: string) => Number(rows.find((r) => r.name === name)?.value ?? 0);
  return { org: of(VERSION_COUNTERS.org), rules: of(VERSION_COUNTERS.rules) };
}

/** One institute's stored rule values (raw JSON text); the defaults fill the rest. */
export function listRuleValues(db: DbOrTrx, instituteId: string) {
  // With the district's defaults (issue 13): the rows of the unit's parent, which the unit's own override.
  return db
    .selectFrom('settings')
    .select(['unit_id', 'key', 'value'])
    .where((eb) => eb.or([eb('unit_id', '=', instituteId), eb('unit_id', '=', eb.selectFrom('units').select('parent_id').where('id', '=', instituteId))]))
    .execute();
}

/** The caller's own volunteer record, if they have one. */
export function findVolunteerOfPerson(db: DbOrTrx, personId: string) {
  return db.selectFrom('volunteers').select(['id', 'station_id', 'status']).where('person_id', '=', personId).executeTakeFirst();
}
