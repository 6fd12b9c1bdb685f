import { describe, expect, it } from 'vitest';
import * as accounts from './accounts.endpoints';
import * as activities from './activities.endpoints';
import * as audit from './audit.endpoints';
import * as care from './care.endpoints';
import * as certificates from './certificates.endpoints';
import * as downloads from './downloads.endpoints';
import type { EndpointSpec } from './endpoint';
import * as files from './files';
import * as funds from './funds.endpoints';
import * as health from './health.endpoints';
import * as hours from './hours.endpoints';
import * as meetings from './meetings.endpoints';
import * as activityPlans from './activity-plans.endpoints';
import * as needs from './needs.endpoints';
import * as plan from './plan.endpoints';
import * as notifications from './notifications.endpoints';
import * as open311 from './open311';
import * as orders from './orders.endpoints';
import * as org from './org.endpoints';
import * as programmes from './programmes.endpoints';
import { routes } from './routes';
import * as settings from './settings.endpoints';
import * as standards from './standards.endpoints';
import * as teams from './teams.endpoints';
import * as training from './training.endpoints';
import * as assessment from './assessment.endpoints';
import * as venues from './venues.endpoints';
import * as volunteers from './volunteers.endpoints';
import * as campaigns from './campaigns.endpoints';
import * as recognition from './recognition.endpoints';
import * as points from './points.endpoints';
import * as market from './market.endpoints';
import * as showcase from './showcase.endpoints';
import * as dashboard from './dashboard.endpoints';
import * as reports from './reports.endpoints';
import * as news from './news.endpoints';
import * as privacy from './privacy.endpoints';
import * as district from './district.endpoints';

// Every endpoint module; the GeoReport endpoints (/open311/…) serve outside clients, not the web, so they are not in the table.
const modules: unknown[] = (
  [
    district,
    accounts,
    activities,
    audit,
    care,
    certificates,
    downloads,
    files,
    funds,
    health,
    hours,
    meetings,
    plan,
    needs,
    activityPlans,
    notifications,
    open311,
    orders,
    org,
    programmes,
    settings,
    standards,
    teams,
    training,
    assessment,
    venues,
    volunteers,
    campaigns,
    recognition,
    points,
    market,
    showcase,
    dashboard,
    reports,
    news,
    privacy,
  ] as object[]
).flatMap((m) => Object.values(m));
const declared = [...new Set(modules)]
  .filter((e): e is EndpointSpec => typeof e === 'object' && e !== null && 'operationId' in e && 'path' in e)
  .filter((e) => !e.path.startsWith('/open311/'));

describe('the zod-free route table', () => {
  it('is keyed by operationId', () => {
    for (const [key, route] of Object.entries(routes)) expect(route.operationId).toBe(key);
  });

  it('is where the declarations take their method and path from, one route each', () => {
    const byId = new Map(declared.map((e) => [e.operationId, e]));
    for (const route of Object.values(routes)) expect(byId.get(route.operationId), route.operationId).toMatchObject(route);
    expect(declared.filter((e) => !(e.operationId in routes)).map((e) => e.operationId)).toEqual([]);
  });
});
