import type { PrivacyDecisionsTable, PrivacyRequestsTable } from '../../db/schema';
import type { DbOrTrx } from '../../platform/db';

export type RequestRow = PrivacyRequestsTable & {
  unit_name: string;
  person_name: string;
  decision: PrivacyDecisionsTable['decision'] | null;
  decision_reason: string | null;
  decided_at: string | null;
  decided_by: string | null;
};

function base(db: DbOrTrx) {
  return db
    .selectFrom('privacy_requests')
    .innerJoin('units', 'units.id', 'privacy_requests.unit_id')
    .innerJoin('people', 'people.id', 'privacy_requests.person_id')
    .leftJoin('privacy_decisions', 'privacy_decisions.request_id', 'privacy_requests.id')
    .selectAll('privacy_requests')
    .select([
      'units.name as unit_name',
      'people.name as person_name',
      'privacy_decisions.decision',
      'privacy_decisions.reason as decision_reason',
      'privacy_decisions.created_at as decided_at',
      'privacy_decisions.by_name as decided_by',
    ]);
}

export function getRequest(db: DbOrTrx, id: string): Promise<RequestRow | undefined> {
  return base(db).where('privacy_requests.id', '=', id).executeTakeFirst() as Promise<RequestRow | undefined>;
}

export function requestsOfPerson(db: DbOrTrx, personId: string): Promise<RequestRow[]> {
  return base(db).where('privacy_requests.person_id', '=', personId).orderBy('privacy_requests.round', 'desc').execute() as Promise<RequestRow[]>;
}

export function requestsOfUnits(db: DbOrTrx, unitIds: string[], status: 'open' | 'closed' | 'all'): Promise<RequestRow[]> {
  let qb = base(db).where('privacy_requests.unit_id', 'in', unitIds.length ? unitIds : ['']);
  if (status === 'open') qb = qb.where('privacy_decisions.request_id', 'is', null);
  if (status === 'closed') qb = qb.where('privacy_decisions.request_id', 'is not', null);
  return qb.orderBy('privacy_requests.created_at', 'desc').orderBy('privacy_requests.id').limit(500).execute() as Promise<RequestRow[]>;
}

export function insertRequest(db: DbOrTrx, row: PrivacyRequestsTable) {
  return db.insertInto('privacy_requests').values(row).execute();
}

export function insertDecision(db: DbOrTrx, row: PrivacyDecisionsTable) {
  return db.insertInto('privacy_decisions').values(row).execute();
}
