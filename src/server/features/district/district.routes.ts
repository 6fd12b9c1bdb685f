import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import * as api from '../../../shared/district.endpoints';
import { ctxOf } from '../../platform/auth';
import type { Deps } from '../../platform/deps';
import { register } from '../../platform/register';
import { createDistrictAccount, listDistrictAccounts, setDistrictAccountDisabled } from '../accounts/accounts.district-accounts';
import { setStreetAdminDisabled } from '../accounts/accounts.street-admins';
import { districtSummary } from '../dashboard/dashboard.district';
import { createStreet, listStreets } from './district.streets';

/** Issue 13: the district admin's streets and the district's summary across them. */
export function districtRoutes(deps: Deps): FastifyPluginAsyncZod {
  return async (app) => {
    register(app, api.listStreets, async (req) => listStreets(deps, ctxOf(req)));
    register(app, api.createStreet, async (req) => createStreet(deps, ctxOf(req), req.body));
    register(app, api.setStreetAdminStatus, async (req) => setStreetAdminDisabled(deps, ctxOf(req), req.params.accountId, req.body.disabled));
    register(app, api.districtSummary, async (req) => districtSummary(deps, ctxOf(req), req.query));
    register(app, api.listDistrictAccounts, async (req) => listDistrictAccounts(deps, ctxOf(req)));
    register(app, api.createDistrictAccount, async (req) => createDistrictAccount(deps, ctxOf(req), req.body));
    register(app, api.setDistrictAccountStatus, async (req) => setDistrictAccountDisabled(deps, ctxOf(req), req.params.accountId, req.body.disabled));
  };
}
