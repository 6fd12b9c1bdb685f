import { afterEach, describe, expect, it, vi } from 'vitest';
import type { SessionView } from '../../shared/accounts';
import type * as programmes from '../../shared/programmes.endpoints';
import { routes } from '../../shared/routes';
import { ApiError, api, callRoute, fileNameFrom, itemsOf, onSessionLost, setCsrfToken, upload, withQuery } from './api';
import { homeFor, safeNext } from './session';

type Call = { url: string; init: RequestInit };

function stubFetch(...responses: { status: number; body?: unknown }[]): Call[] {
  const calls: Call[] = [];
  const queue = [...responses];
  vi.stubGlobal('fetch', async (url: string, init: RequestInit) => {
    calls.push({ url, init });
    const next = queue.shift() ?? { status: 200, body: {} };
    return new Response(next.body === undefined ? null : JSON.stringify(next.body), { status: next.status });
  });
  return calls;
}

const header = (call: Call, name: string) => (call.init.headers as Record<string, string>)[name];

afterEach(() => {
  vi.unstubAllGlobals();
  setCsrfToken(null);
});

describe('api client', () => {
  it('reaches a declared route without its schemas: method, filled path and query from the zod-free table', async () => {
    const calls = stubFetch({ status: 200, body: { items: [], total: 0, page: 2, pageSize: 200 } }, { status: 200, body: {} });
    const page = await callRoute<typeof programmes.listProgrammes>(routes.listProgrammes, { query: { page: 2, pageSize: 200 } });
    expect(page.total).toBe(0);
    expect([calls[0].url, calls[0].init.method]).toEqual(['/api/programmes?page=2&pageSize=200', 'GET']);
    await callRoute<typeof programmes.setBrand>(routes.setBrand, { params: { unitId: 'u 1' }, body: { name: '品牌', photoFileIds: [] } });
    expect([calls[1].url, calls[1].init.method, calls[1].init.body]).toEqual(['/api/brands/u%201', 'PUT', JSON.stringify({ name: '品牌', photoFileIds: [] })]);
  });

  it('keeps the CSRF token from a session response and sends it on writes only', async () => {
    const calls = stubFetch({ status: 200, body: { csrfToken: 'tok-1' } }, { status: 200, body: {} }, { status: 200, body: {} });
    await api.post('/api/auth/login', { username: 'a', password: 'b' });
    await api.get('/api/org/units');
    await api.put('/api/settings/u/rules/k', { value: 1 });
    expect(header(calls[0], 'x-csrf-token')).toBeUndefined();
    expect(header(calls[1], 'x-csrf-token')).toBeUndefined();
    expect(header(calls[2], 'x-csrf-token')).toBe('tok-1');
    expect(calls[2].init.credentials).toBe('same-origin');
  });

  it("turns an error body into ApiError with the server's message, fields and extra details", async () => {
    stubFetch({ status: 423, body: { code: 'auth.locked', message: '已临时锁定', requestId: 'r1', lockedUntil: '2026-01-01T01:45:00Z' } });
    const error = await api.post('/api/auth/login', {}).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ApiError);
    expect(error).toMatchObject({ status: 423, code: 'auth.locked', message: '已临时锁定', details: { lockedUntil: '2026-01-01T01:45:00Z' } });

    stubFetch({
      status: 400,
      body: { code: 'validation.failed', message: '提交的内容有误', fields: [{ path: 'body.phone', message: '请输入有效的电话号码' }] },
    });
    const invalid = (await api.patch('/api/org/units/x', {}).catch((e: unknown) => e)) as ApiError;
    expect(invalid.fields).toEqual([{ path: 'body.phone', message: '请输入有效的电话号码' }]);
  });

  it('falls back to the Chinese message for the code, or for the status when there is no body', async () => {
    stubFetch({ status: 403, body: { code: 'access.denied' } }, { status: 502 });
    await expect(api.get('/api/a')).rejects.toMatchObject({ code: 'access.denied', message: '没有权限进行此操作' });
    await expect(api.get('/api/b')).rejects.toMatchObject({ status: 502, code: 'internal', message: '系统出现问题，请稍后再试' });
  });

  it('reports a network failure in Chinese', async () => {
    vi.stubGlobal('fetch', async () => {
      throw new TypeError('Failed to fetch');
    });
    await expect(api.get('/api/a')).rejects.toMatchObject({ status: 0, code: 'network', message: '网络连接失败，请检查网络后重试' });
  });

  it('announces a lost session, except for the quiet "who am I" probe', async () => {
    const lost = vi.fn();
    const stop = onSessionLost(lost);
    stubFetch({ status: 401, body: { code: 'auth.session_expired', message: '登录已过期' } }, { status: 401, body: { code: 'auth.required' } });
    await api.get('/api/org/units').catch(() => undefined);
    await api.get('/api/auth/me', { quietAuth: true }).catch(() => undefined);
    stop();
    expect(lost).toHaveBeenCalledTimes(1);
  });

  it('refreshes a stale CSRF token once and retries the write', async () => {
    setCsrfToken('old');
    const calls = stubFetch({ status: 403, body: { code: 'csrf.invalid' } }, { status: 200, body: { csrfToken: 'new' } }, { status: 200, body: { ok: true } });
    await expect(api.post('/api/accounts/x/disable')).resolves.toEqual({ ok: true });
    expect(calls.map((c) => c.url)).toEqual(['/api/accounts/x/disable', '/api/auth/me', '/api/accounts/x/disable']);
    expect(header(calls[2], 'x-csrf-token')).toBe('new');
  });

  it('builds query strings without empty values and reads lists in either shape', () => {
    expect(withQuery('/api/accounts', { q: '张', unitId: undefined, page: 2, pageSize: 20, x: '' })).toBe('/api/accounts?q=%E5%BC%A0&page=2&pageSize=20');
    expect(withQuery('/api/audit', {})).toBe('/api/audit');
    expect(itemsOf({ items: [1, 2] })).toEqual([1, 2]);
    expect(itemsOf([3])).toEqual([3]);
    expect(itemsOf(undefined)).toEqual([]);
  });
});

describe('file uploads and downloads', () => {
  it('uploads as multipart field `file` with the CSRF token and no JSON content type', async () => {
    const calls = stubFetch({ status: 200, body: { csrfToken: 'tok-2' } }, { status: 201, body: { id: 'f1', name: 'a.png', mime: 'image/png', size: 3 } });
    await api.post('/api/auth/login', {});
    const file = new Blob([new Uint8Array([1, 2, 3])], { type: 'image/png' });
    const saved = await upload<{ id: string }>('/api/files?purpose=evidence', file, 'a.png');
    expect(saved.id).toBe('f1');
    const body = calls[1].init.body as FormData;
    expect(body).toBeInstanceOf(FormData);
    expect((body.get('file') as File).name).toBe('a.png');
    expect(header(calls[1], 'content-type')).toBeUndefined();
    expect(header(calls[1], 'x-csrf-token')).toBe('tok-2');
  });

  it("reads the download's Chinese file name from content-disposition", () => {
    expect(fileNameFrom(`attachment; filename*=UTF-8''${encodeURIComponent('志愿者名册.xlsx')}`, 'x.xlsx')).toBe('志愿者名册.xlsx');
    expect(fileNameFrom('attachment; filename="plain.csv"', 'x.csv')).toBe('plain.csv');
    expect(fileNameFrom(null, 'fallback.csv')).toBe('fallback.csv');
  });
});

describe('where people go after signing in', () => {
  const session = (over: Partial<SessionView['account']>, isStaff: boolean): SessionView => ({
    account: { id: 'a', username: 'u', displayName: '张三', phoneMasked: null, mustChangePassword: false, totpEnrolmentRequired: false, ...over },
    roles: [],
    isStaff,
    csrfToken: 't',
    idleTimeoutSeconds: 1800,
    expiresAt: '2026-01-01T00:00:00Z',
  });

  it('never follows an off-site `next`', () => {
    expect(safeNext('/admin/org')).toBe('/admin/org');
    expect(safeNext('//evil.example')).toBeNull();
    expect(safeNext('/\\evil.example')).toBeNull();
    expect(safeNext('https://evil.example')).toBeNull();
    expect(safeNext(null)).toBeNull();
  });

  it('sends staff to the console, others to the H5, and a forced password change first', () => {
    expect(homeFor(session({}, true), '/admin/audit')).toBe('/admin/audit');
    expect(homeFor(session({}, true), null)).toBe('/admin');
    expect(homeFor(session({}, false), '/admin/org')).toBe('/m');
    expect(homeFor(session({}, false), '/m/me')).toBe('/m/me');
    expect(homeFor(session({}, false), '/activities/3f2c')).toBe('/activities/3f2c');
    expect(homeFor(session({ mustChangePassword: true }, true), '/admin/org')).toBe('/admin/password');
    expect(homeFor(session({ mustChangePassword: true }, false), null)).toBe('/m/password');
    // The rule requires two-factor login and it is not set up: 账号安全 first (after a forced password change).
    expect(homeFor(session({ totpEnrolmentRequired: true }, true), '/admin/org')).toBe('/admin/security');
    expect(homeFor(session({ totpEnrolmentRequired: true, mustChangePassword: true }, true), null)).toBe('/admin/password');
  });
});
