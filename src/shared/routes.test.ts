import { describe, expect, it } from 'vitest';
import * as accounts from './accounts.endpoints';
import * as activities from './activities.endpoints';
import * as audit from './audit.endpoints';
import * as care from './care.endpoints';
import * as certificates from './certificates.endpoints';
import type { EndpointSpec } from './endpoint';
import * as hours from './hours.endpoints';
import * as notifications from './notifications.endpoints';
import * as org from './org.endpoints';
import * as programmes from './programmes.endpoints';
import { routes } from './routes';
import * as teams from './teams.endpoints';
import * as venues from './venues.endpoints';

const declared = [accounts, activities, audit, care, certificates, hours, notifications, org, programmes, teams, venues]
  .flatMap((m) => Object.values(m))
  .filter((e): e is EndpointSpec => typeof e === 'object' && e !== null && 'operationId' in e && 'path' in e);

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
