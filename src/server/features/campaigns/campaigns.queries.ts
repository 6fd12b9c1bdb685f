import type {
  CampaignDecisionsTable,
  CampaignNominationsTable,
  CampaignObjectionResolutionsTable,
  CampaignObjectionsTable,
  CampaignsTable,
  CampaignWithdrawalsTable,
} from '../../db/schema';
import type { DbOrTrx } from '../../platform/db';

export function insertCampaign(db: DbOrTrx, row: CampaignsTable) {
  return db.insertInto('campaigns').values(row).execute();
}

export function getCampaign(db: DbOrTrx, id: string) {
  return db.selectFrom('campaigns').selectAll().where('id', '=', id).executeTakeFirst();
}
export type CampaignRow = CampaignsTable;

/** Holds the campaign row until the transaction ends (PostgreSQL), so counts against its quota are taken one at a time. */
export async function lockCampaign(db: DbOrTrx, id: string, lock: boolean): Promise<void> {
  if (lock) await db.selectFrom('campaigns').select('id').where('id', '=', id).forUpdate().execute();
}

export async function listCampaigns(db: DbOrTrx, instituteIds: string[], year: number | undefined, page: { offset: number; limit: number }) {
  if (instituteIds.length === 0) return { rows: [], total: 0 };
  let b = db.selectFrom('campaigns').where('institute_id', 'in', instituteIds);
  if (year !== undefined) b = b.where('year', '=', year);
  const counted = await b.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirst();
  const rows = await b
    .selectAll()
    .select((eb) =>
      eb
        .selectFrom('campaign_nominations')
        .leftJoin('campaign_withdrawals', 'campaign_withdrawals.nomination_id', 'campaign_nominations.id')
        .whereRef('campaign_nominations.campaign_id', '=', 'campaigns.id')
        .where('campaign_withdrawals.id', 'is', null)
        .select((e) => e.fn.countAll<number>().as('c'))
        .as('nominations'),
    )
    .orderBy('year', 'desc')
    .orderBy('created_at', 'desc')
    .orderBy('id')
    .offset(page.offset)
    .limit(page.limit)
    .execute();
  return { rows, total: Number(counted?.n ?? 0) };
}

/** A campaign's status moves only from the one expected: false when someone else moved it first. */
export async function moveStatus(db: DbOrTrx, id: string, from: CampaignsTable['status'], set: Partial<CampaignsTable>): Promise<boolean> {
  const r = await db.updateTable('campaigns').set(set).where('id', '=', id).where('status', '=', from).executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}

/** Nominations with station name, withdrawal, decision and the upheld objection's reply (if any). */
function nominations(db: DbOrTrx) {
  return db
    .selectFrom('campaign_nominations')
    .innerJoin('units', 'units.id', 'campaign_nominations.station_id')
    .leftJoin('campaign_withdrawals', 'campaign_withdrawals.nomination_id', 'campaign_nominations.id')
    .leftJoin('campaign_decisions', 'campaign_decisions.nomination_id', 'campaign_nominations.id')
    .selectAll('campaign_nominations')
    .select([
      'units.name as station_name',
      'units.sort as station_sort',
      'campaign_withdrawals.reason as withdraw_reason',
      'campaign_withdrawals.by_name as withdrawn_by_name',
      'campaign_withdrawals.created_at as withdrawn_at',
      'campaign_decisions.selected as selected',
      'campaign_decisions.reason as decision_reason',
      'campaign_decisions.by_name as decided_by_name',
      'campaign_decisions.created_at as decided_at',
    ])
    .select((eb) =>
      eb
        .selectFrom('campaign_objections')
        .innerJoin('campaign_objection_resolutions', 'campaign_objection_resolutions.objection_id', 'campaign_objections.id')
        .whereRef('campaign_objections.nomination_id', '=', 'campaign_nominations.id')
        .where('campaign_objection_resolutions.upheld', '=', 1)
        .select((e) => e.fn.min('campaign_objection_resolutions.reply').as('r'))
        .as('removed_reply'),
    );
}

export function nominationsOf(db: DbOrTrx, campaignIds: string[]) {
  if (campaignIds.length === 0) return Promise.resolve([]);
  return nominations(db)
    .where('campaign_nominations.campaign_id', 'in', campaignIds)
    .orderBy('units.sort')
    .orderBy('campaign_nominations.created_at')
    .orderBy('campaign_nominations.id')
    .execute();
}

export function getNomination(db: DbOrTrx, id: string) {
  return nominations(db).where('campaign_nominations.id', '=', id).executeTakeFirst();
}
export type NominationRow = NonNullable<Awaited<ReturnType<typeof getNomination>>>;

export async function liveNominationsAtStation(db: DbOrTrx, campaignId: string, stationId: string): Promise<number> {
  const r = await db
    .selectFrom('campaign_nominations')
    .leftJoin('campaign_withdrawals', 'campaign_withdrawals.nomination_id', 'campaign_nominations.id')
    .where('campaign_nominations.campaign_id', '=', campaignId)
    .where('campaign_nominations.station_id', '=', stationId)
    .where('campaign_withdrawals.id', 'is', null)
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirst();
  return Number(r?.n ?? 0);
}

export function insertNomination(db: DbOrTrx, row: CampaignNominationsTable) {
  return db.insertInto('campaign_nominations').values(row).execute();
}

export function insertWithdrawal(db: DbOrTrx, row: CampaignWithdrawalsTable) {
  return db.insertInto('campaign_withdrawals').values(row).execute();
}

export function insertDecision(db: DbOrTrx, row: CampaignDecisionsTable) {
  return db.insertInto('campaign_decisions').values(row).execute();
}

function objections(db: DbOrTrx) {
  return db
    .selectFrom('campaign_objections')
    .innerJoin('campaign_nominations', 'campaign_nominations.id', 'campaign_objections.nomination_id')
    .leftJoin('campaign_objection_resolutions', 'campaign_objection_resolutions.objection_id', 'campaign_objections.id')
    .selectAll('campaign_objections')
    .select([
      'campaign_nominations.nominee_name',
      'campaign_objection_resolutions.upheld',
      'campaign_objection_resolutions.reply',
      'campaign_objection_resolutions.by_name as resolved_by_name',
      'campaign_objection_resolutions.created_at as resolved_at',
    ]);
}

export function objectionsOf(db: DbOrTrx, campaignId: string) {
  return objections(db)
    .where('campaign_objections.campaign_id', '=', campaignId)
    .orderBy('campaign_objections.created_at')
    .orderBy('campaign_objections.id')
    .execute();
}

export function getObjection(db: DbOrTrx, id: string) {
  return objections(db).where('campaign_objections.id', '=', id).executeTakeFirst();
}
export type ObjectionRow = NonNullable<Awaited<ReturnType<typeof getObjection>>>;

export async function openObjections(db: DbOrTrx, campaignId: string): Promise<number> {
  const r = await db
    .selectFrom('campaign_objections')
    .leftJoin('campaign_objection_resolutions', 'campaign_objection_resolutions.objection_id', 'campaign_objections.id')
    .where('campaign_objections.campaign_id', '=', campaignId)
    .where('campaign_objection_resolutions.id', 'is', null)
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirst();
  return Number(r?.n ?? 0);
}

export function insertObjection(db: DbOrTrx, row: CampaignObjectionsTable) {
  return db.insertInto('campaign_objections').values(row).execute();
}

export function insertResolution(db: DbOrTrx, row: CampaignObjectionResolutionsTable) {
  return db.insertInto('campaign_objection_resolutions').values(row).execute();
}

/** Published campaigns (公示 or final) with their institute's name, for the portal. */
export function publishedCampaigns(db: DbOrTrx) {
  return db
    .selectFrom('campaigns')
    .innerJoin('units', 'units.id', 'campaigns.institute_id')
    .selectAll('campaigns')
    .select('units.name as institute_name')
    .where('campaigns.status', 'in', ['notice', 'final'])
    .orderBy('campaigns.year', 'desc')
    .orderBy('campaigns.published_at', 'desc')
    .limit(200)
    .execute();
}

/** The admins of a unit, to tell them about a new objection. */
export function unitAdmins(db: DbOrTrx, unitId: string) {
  return db
    .selectFrom('role_grants')
    .innerJoin('accounts', 'accounts.id', 'role_grants.account_id')
    .select(['accounts.person_id'])
    .distinct()
    .where('role_grants.unit_id', '=', unitId)
    .where('role_grants.role', '=', 'institute_admin')
    .where('accounts.disabled', '=', 0)
    .execute();
}

/** The units of the nominations citing a file as a photo: staff over them may open it (files' registry). */
export async function unitsWithPhoto(db: DbOrTrx, fileId: string): Promise<string[]> {
  const rows = await db.selectFrom('campaign_nominations').select('station_id').where('photo_file_ids', 'like', `%${fileId}%`).execute();
  return rows.map((r) => r.station_id);
}
