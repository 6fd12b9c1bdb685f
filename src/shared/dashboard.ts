import { z } from 'zod';
import { Id } from './common';
import { FEED_KINDS, type FeedKind } from './dashboard-feed';

export { FEED_KINDS, type FeedKind };

/**
 * 数据大屏 (issue 11): the figures of the big screen, for staff (their units) and the public (an
 * institute, counts only). Nothing here names a person: the live feed shows what happened where.
 */

const Count = z.object({ name: z.string(), count: z.number().int() });

export const DashboardView = z.object({
  /** Whose figures: the institute, the station, or the district. */
  title: z.string(),
  generatedAt: z.string(),
  totals: z.object({
    volunteers: z.number().int(),
    approvedHours: z.number(),
    activitiesThisYear: z.number().int(),
    ordersDone: z.number().int(),
    stations: z.number().int(),
    venues: z.number().int(),
  }),
  volunteersByStation: z.array(Count),
  volunteersByCategory: z.array(Count),
  volunteersBySkill: z.array(Count),
  volunteersByStar: z.array(z.object({ level: z.number().int(), name: z.string(), count: z.number().int() })),
  /** The last 12 months (China time), oldest first; approved ledger rows, counter-entries included. */
  hoursByMonth: z.array(z.object({ month: z.string(), hours: z.number() })),
  activitiesByProgramme: z.array(Count),
  activitiesByStation: z.array(Count),
  orderFunnel: z.object({
    placed: z.number().int(),
    dispatched: z.number().int(),
    accepted: z.number().int(),
    done: z.number().int(),
    rated: z.number().int(),
  }),
  /** Dispatched orders whose answer time is known: accepted, or the deadline passed unaccepted. */
  timeliness: z.object({ due: z.number().int(), inTime: z.number().int(), share: z.number().nullable() }),
  /** Ratings given by residents or staff (the system's default rating after the waiting days is left out). */
  satisfaction: z.object({ rated: z.number().int(), average: z.number().nullable() }),
  venues: z.array(z.object({ id: Id, name: z.string(), lat: z.number(), lng: z.number(), stationName: z.string() })),
  stations: z.array(z.object({ id: Id, name: z.string(), lat: z.number().nullable(), lng: z.number().nullable() })),
  feed: z.array(
    z.object({
      at: z.string(),
      kind: z.enum(Object.keys(FEED_KINDS) as [FeedKind, ...FeedKind[]]),
      title: z.string(),
      unitName: z.string(),
      /** Hours approved in that record (hours_approved only). */
      hours: z.number().nullable(),
    }),
  ),
});
export type DashboardView = z.infer<typeof DashboardView>;

export const PublicDashboardQuery = z.strictObject({ instituteId: Id.optional() });
/** Issue 13: the district drills down to one street's screen (a unit in the caller's scope). */
export const DashboardQuery = z.strictObject({ unitId: Id.optional() });
