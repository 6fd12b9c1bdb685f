import type { DbOrTrx } from '../../platform/db';
import * as q from './recognition.queries';

/** What other features may read of recognition; they never import `recognition.queries`. */

/** 个人信息权利: a volunteer's awards and their public-list consent in force. */
export async function recognitionForExport(db: DbOrTrx, volunteerId: string) {
  return { awards: await q.awardsOfVolunteer(db, volunteerId), publicListConsent: (await q.latestConsent(db, volunteerId)) ?? null };
}
