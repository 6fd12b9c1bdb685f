import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type World, PASSWORD, makeWorld } from '../../../test/support/factories';
import { loadConfig, plainHttpWarning } from './config';

/**
 * The session cookie is Secure (and `__Host-`) when the request came over HTTPS, so a production
 * install reached at a plain-http intranet address still signs in instead of looping on 登录已过期.
 * COOKIE_SECURE=true forces Secure, COOKIE_SECURE=false never sets it.
 */
async function signIn(w: World, headers: Record<string, string> = {}) {
  return w.t.app.inject({ method: 'POST', url: '/api/auth/login', headers, payload: { username: w.admin.username, password: PASSWORD } });
}

describe('session cookie by request (production, behind a trusted proxy)', () => {
  let w: World;
  beforeAll(async () => {
    w = await makeWorld({ config: { env: 'production', cookieSecure: 'auto', trustProxy: true } });
  });
  afterAll(() => w?.close());

  it('over plain http: a plain `sid` without Secure, and the next request is signed in', async () => {
    const res = await signIn(w);
    expect(res.statusCode).toBe(200);
    const c = res.cookies.find((x) => x.name === 'sid');
    expect(c).toBeDefined();
    expect(c?.secure).toBeFalsy();
    expect(res.cookies.find((x) => x.name === '__Host-sid')).toBeUndefined();
    const me = await w.t.app.inject({ method: 'GET', url: '/api/auth/me', headers: { cookie: `sid=${c?.value}` } });
    expect(me.statusCode).toBe(200);
  });

  it('over HTTPS (X-Forwarded-Proto from the trusted proxy): `__Host-sid` with Secure, read back over HTTPS', async () => {
    const https = { 'x-forwarded-proto': 'https' };
    const res = await signIn(w, https);
    expect(res.statusCode).toBe(200);
    const c = res.cookies.find((x) => x.name === '__Host-sid');
    expect(c?.secure).toBe(true);
    expect(c?.path).toBe('/');
    expect(res.headers['strict-transport-security']).toBeDefined();
    const me = await w.t.app.inject({ method: 'GET', url: '/api/auth/me', headers: { ...https, cookie: `__Host-sid=${c?.value}` } });
    expect(me.statusCode).toBe(200);
    // The same cookie under the plain name over http is not a session (a browser would not send it anyway).
    const plain = await w.t.app.inject({ method: 'GET', url: '/api/auth/me', headers: { cookie: `__Host-sid=${c?.value}` } });
    expect(plain.statusCode).toBe(401);
  });
});

describe('COOKIE_SECURE=true forces Secure even over http', () => {
  let w: World;
  beforeAll(async () => {
    w = await makeWorld({ config: { env: 'production', cookieSecure: true } });
  });
  afterAll(() => w?.close());

  it('sets `__Host-sid; Secure`', async () => {
    const res = await signIn(w);
    expect(res.cookies.find((x) => x.name === '__Host-sid')?.secure).toBe(true);
  });
});

describe('configuration', () => {
  const env = (extra: Record<string, string>) => loadConfig({ NODE_ENV: 'production', DATA_DIR: '/tmp/shijian-cookie-config', ...extra });

  it('COOKIE_SECURE unset means by the request; true and false are kept', () => {
    expect(env({}).cookieSecure).toBe('auto');
    expect(env({ COOKIE_SECURE: 'true' }).cookieSecure).toBe(true);
    expect(env({ COOKIE_SECURE: 'false' }).cookieSecure).toBe(false);
  });

  it('a production start without HTTPS in sight warns; PUBLIC_URL https or COOKIE_SECURE=true does not', () => {
    expect(plainHttpWarning(env({}))).toMatch(/HTTPS/);
    expect(plainHttpWarning(env({ PUBLIC_URL: 'http://10.1.2.3:3000' }))).toMatch(/HTTPS/);
    expect(plainHttpWarning(env({ PUBLIC_URL: 'https://shijian.example.gov.cn' }))).toBeNull();
    expect(plainHttpWarning(env({ COOKIE_SECURE: 'true' }))).toBeNull();
    expect(plainHttpWarning(loadConfig({ NODE_ENV: 'development', DATA_DIR: '/tmp/shijian-cookie-config' }))).toBeNull();
  });
});
