import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import * as api from '../../../shared/accounts.endpoints';
import { ctxOf } from '../../platform/auth';
import type { Deps } from '../../platform/deps';
import { register } from '../../platform/register';
import { createAccount, listAccounts, resetAccountPassword, revokeSessions, setAccountDisabled } from './accounts.service';

export function accountsRoutes(deps: Deps): FastifyPluginAsyncZod {
  return async (app) => {
    register(app, api.listAccounts, async (req) => listAccounts(deps, ctxOf(req), req.query));
    register(app, api.createAccount, async (req) => createAccount(deps, ctxOf(req), req.body));
    register(app, api.disableAccount, async (req) => setAccountDisabled(deps, ctxOf(req), req.params.id, true));
    register(app, api.enableAccount, async (req) => setAccountDisabled(deps, ctxOf(req), req.params.id, false));
    register(app, api.resetPassword, async (req) => resetAccountPassword(deps, ctxOf(req), req.params.id));
    register(app, api.revokeSessions, async (req) => revokeSessions(deps, ctxOf(req), req.params.id));
  };
}
