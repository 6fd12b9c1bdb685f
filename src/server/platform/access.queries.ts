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
