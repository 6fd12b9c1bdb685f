import type { RecognitionAwardsTable, RecognitionBenefitsTable, RecognitionConsentsTable, RecognitionRevocationsTable } from '../../db/schema';
import type { DbOrTrx } from '../../platform/db';

export type AwardRow = RecognitionAwardsTable & {
  unit_name: string;
  revoked_at: string | null;
  revoke_reason: string | null;
};

function awardsBase(db: DbOrTrx) {
  return db.selectFrom('recognition_awards as a').innerJoin('units', 'units.id', 'a.unit_id').leftJoin('recognition_revocations as r', 'r.award_id', 'a.id');
}

function awardColumns<T extends ReturnType<typeof awardsBase>>(b: T) {
  return b.selectAll('a').select(['units.name as unit_name', 'r.revoked_at', 'r.reason as revoke_reason']);
}

export function insertAward(db: DbOrTrx, row: RecognitionAwardsTable) {
  return db.insertInto('recognition_awards').values(row).execute();
}

export function insertRevocation(db: DbOrTrx, row: RecognitionRevocationsTable) {
  return db
    .insertInto('recognition_revocations')
    .values(row)
    .onConflict((oc) => oc.column('award_id').doNothing())
    .executeTakeFirst();
}

export async function getAward(db: DbOrTrx, id: string): Promise<AwardRow | undefined> {
  return (await awardColumns(awardsBase(db)).where('a.id', '=', id).executeTakeFirst()) as AwardRow | undefined;
}

export async function pageAwards(
  db: DbOrTrx,
  f: { unitIds: string[]; from?: string; to?: string; volunteerId?: string },
  page: { limit: number; offset: number },
) {
  if (f.unitIds.length === 0) return { rows: [] as AwardRow[], total: 0 };
  let base = awardsBase(db).where('a.unit_id', 'in', f.unitIds);
  if (f.from) base = base.where('a.awarded_on', '>=', f.from);
  if (f.to) base = base.where('a.awarded_on', '<', f.to);
  if (f.volunteerId) base = base.where('a.volunteer_id', '=', f.volunteerId);
  const [{ total }] = await base.select((eb) => eb.fn.countAll<number>().as('total')).execute();
  const rows = await awardColumns(base)
    .orderBy('a.awarded_on', 'desc')
    .orderBy('a.created_at', 'desc')
    .orderBy('a.id')
    .limit(page.limit)
    .offset(page.offset)
    .execute();
  return { rows: rows as AwardRow[], total: Number(total) };
}

export async function awardsOfVolunteer(db: DbOrTrx, volunteerId: string): Promise<AwardRow[]> {
  return (await awardColumns(awardsBase(db)).where('a.volunteer_id', '=', volunteerId).orderBy('a.awarded_on', 'desc').orderBy('a.id').execute()) as AwardRow[];
}

/** Awards given to some teams, newest first: what a member sees of their teams' honours. */
export async function awardsOfTeams(db: DbOrTrx, teamIds: string[]): Promise<AwardRow[]> {
  if (teamIds.length === 0) return [];
  return (await awardColumns(awardsBase(db)).where('a.team_id', 'in', teamIds).orderBy('a.awarded_on', 'desc').orderBy('a.id').execute()) as AwardRow[];
}

/**
 * The public 光荣榜: standing awards of teams, and of volunteers whose latest consent lets them be
 * listed, with that consent's status (to mask the name or not); newest first.
 */
export async function pagePublicAwards(db: DbOrTrx, f: { from?: string; to?: string; number?: string }, page: { limit: number; offset: number }) {
  let base = db
    .selectFrom('recognition_awards as a')
    .innerJoin('units', 'units.id', 'a.unit_id')
    .leftJoin('recognition_revocations as r', 'r.award_id', 'a.id')
    .where('r.id', 'is', null)
    .select((eb) => [
      eb
        .selectFrom('recognition_consents as c')
        .select('c.status')
        .whereRef('c.volunteer_id', '=', 'a.volunteer_id')
        .orderBy('c.at', 'desc')
        .orderBy('c.id', 'desc')
        .limit(1)
        .as('consent'),
    ]);
  if (f.from) base = base.where('a.awarded_on', '>=', f.from);
  if (f.to) base = base.where('a.awarded_on', '<', f.to);
  // Checking one certificate's number (the holder has the paper): it is shown whatever the consent, masked.
  if (f.number) base = base.where('a.number', '=', f.number);
  const inner = db.selectFrom(base.selectAll('a').select('units.name as unit_name').as('x'));
  const listed = f.number ? inner : inner.where((eb) => eb.or([eb('x.recipient_kind', '=', 'team'), eb('x.consent', 'in', ['masked', 'full_name'])]));
  const [{ total }] = await listed.select((eb) => eb.fn.countAll<number>().as('total')).execute();
  const rows = await listed.selectAll('x').orderBy('x.awarded_on', 'desc').orderBy('x.id').limit(page.limit).offset(page.offset).execute();
  return { rows, total: Number(total) };
}

export function insertBenefit(db: DbOrTrx, row: RecognitionBenefitsTable) {
  return db.insertInto('recognition_benefits').values(row).execute();
}

export function updateBenefit(db: DbOrTrx, id: string, patch: Partial<RecognitionBenefitsTable>) {
  return db.updateTable('recognition_benefits').set(patch).where('id', '=', id).execute();
}

export function getBenefit(db: DbOrTrx, id: string) {
  return db.selectFrom('recognition_benefits').selectAll().where('id', '=', id).executeTakeFirst();
}

export function benefitsOfUnit(db: DbOrTrx, unitId: string) {
  return db.selectFrom('recognition_benefits').selectAll().where('unit_id', '=', unitId).orderBy('min_level').orderBy('title').orderBy('id').execute();
}

export function insertConsent(db: DbOrTrx, row: RecognitionConsentsTable) {
  return db.insertInto('recognition_consents').values(row).execute();
}

export function latestConsent(db: DbOrTrx, volunteerId: string) {
  return db
    .selectFrom('recognition_consents')
    .selectAll()
    .where('volunteer_id', '=', volunteerId)
    .orderBy('at', 'desc')
    .orderBy('id', 'desc')
    .limit(1)
    .executeTakeFirst();
}
