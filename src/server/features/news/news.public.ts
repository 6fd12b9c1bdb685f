/** The portal's news: published items only, no login; images through the public route. */
import type { z } from 'zod';
import type { PublicNewsQuery, PublicNewsView } from '../../../shared/news';
import type { Deps } from '../../platform/deps';
import { notFound } from '../../platform/errors';
import { activitiesForPlanItems } from '../activities/activities.lookup';
import { programmeUnitOf } from '../programmes/programmes.lookup';
import { readImageForPublic } from '../files/files.service';
import { presentPublicSummary } from './news.presenter';
import * as q from './news.queries';
import { publicBody } from './news.sanitize';

export async function listPublicNews(deps: Deps, query: z.infer<typeof PublicNewsQuery>) {
  const { rows, total } = await q.listPublished(
    deps.db,
    { unitId: query.unitId, category: query.category },
    { offset: (query.page - 1) * query.pageSize, limit: query.pageSize },
  );
  return { items: rows.map(presentPublicSummary), total, page: query.page, pageSize: query.pageSize };
}

export async function getPublicNews(deps: Deps, id: string): Promise<PublicNewsView> {
  const n = await q.getNews(deps.db, id);
  if (n?.status !== 'published') throw notFound();
  const activity = n.activity_id ? (await activitiesForPlanItems(deps.db, [n.activity_id]))[0] : undefined;
  const programme = n.programme_id ? await programmeUnitOf(deps.db, n.programme_id) : null;
  return { ...presentPublicSummary(n), body: publicBody(n.body_html), activityTitle: activity?.title ?? null, programmeName: programme?.name ?? null };
}

/** An image a published item shows; 404 for every other upload. */
export async function readPublicNewsImage(deps: Deps, fileId: string) {
  if (!(await q.isPublishedImage(deps.db, fileId))) throw notFound();
  return readImageForPublic(deps, fileId);
}
