import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { AccountListQuery, AccountView, CreateAccountInput, CreatedAccountView } from '../../../shared/accounts';
import { IdParams, Paged } from '../../../shared/common';
import { ctxOf } from '../../platform/auth';
import type { Deps } from '../../platform/deps';
import { createAccount, listAccounts, resetAccountPassword, revokeSessions, setAccountDisabled } from './accounts.service';

export function accountsRoutes(deps: Deps): FastifyPluginAsyncZod {
  return async (app) => {
    const tags = ['accounts'];
    app.get('/api/accounts', { schema: { tags, summary: '账号列表（本人管辖范围）', querystring: AccountListQuery, response: { 200: Paged(AccountView) } } }, async (req) =>
      listAccounts(deps, ctxOf(req), req.query),
    );
    app.post('/api/accounts', { schema: { tags, summary: '新建账号（返回一次性密码）', body: CreateAccountInput, response: { 201: CreatedAccountView } } }, async (req, reply) =>
      reply.code(201).send(await createAccount(deps, ctxOf(req), req.body)),
    );
    app.post('/api/accounts/:id/disable', { schema: { tags, summary: '停用账号（立即下线）', params: IdParams, response: { 200: AccountView } } }, async (req) =>
      setAccountDisabled(deps, ctxOf(req), req.params.id, true),
    );
    app.post('/api/accounts/:id/enable', { schema: { tags, summary: '启用账号', params: IdParams, response: { 200: AccountView } } }, async (req) =>
      setAccountDisabled(deps, ctxOf(req), req.params.id, false),
    );
    app.post(
      '/api/accounts/:id/reset-password',
      { schema: { tags, summary: '重置密码（返回一次性密码）', params: IdParams, response: { 200: z.object({ oneTimePassword: z.string() }) } } },
      async (req) => resetAccountPassword(deps, ctxOf(req), req.params.id),
    );
    app.post(
      '/api/accounts/:id/revoke-sessions',
      { schema: { tags, summary: '强制下线', params: IdParams, response: { 200: z.object({ ended: z.number().int() }) } } },
      async (req) => revokeSessions(deps, ctxOf(req), req.params.id),
    );
  };
}
