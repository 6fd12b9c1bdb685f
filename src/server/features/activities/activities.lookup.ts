import type { DbOrTrx } from '../../platform/db';
import { activitySummariesForPlans } from './activities.queries';

/** What the activity plans read of the activities that carry their items out: unit, title, status, start. */
export function activitiesForPlanItems(db: DbOrTrx, ids: string[]) {
  return activitySummariesForPlans(db, [...new Set(ids)]);
}
