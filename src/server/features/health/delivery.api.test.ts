import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { brotliCompressSync, brotliDecompressSync, gunzipSync, gzipSync } from 'node:zlib';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type World, makeWorld } from '../../../../test/support/factories';
import { buildApp } from '../../app';

/** How the product is delivered to browsers: compressed replies and caching of the web build. */
let w: World;
let web: FastifyInstance;
const script = `console.log(${JSON.stringify('实践'.repeat(800))});\n`;

beforeAll(async () => {
  w = await makeWorld();
  // A small web build as `npm run build:web` lays it out: hashed assets with their .br and .gz.
  const webDir = mkdtempSync(path.join(tmpdir(), 'shijian-web-'));
  mkdirSync(path.join(webDir, 'assets'));
  writeFileSync(path.join(webDir, 'index.html'), '<!doctype html><title>实践</title><script src="/assets/app-AbCd_12x.js"></script>');
  writeFileSync(path.join(webDir, 'assets', 'app-AbCd_12x.js'), script);
  writeFileSync(path.join(webDir, 'assets', 'app-AbCd_12x.js.br'), brotliCompressSync(script));
  writeFileSync(path.join(webDir, 'assets', 'app-AbCd_12x.js.gz'), gzipSync(script));
  writeFileSync(path.join(webDir, 'favicon.svg'), '<svg xmlns="http://www.w3.org/2000/svg"/>');
  web = await buildApp({ ...w.t.deps, config: { ...w.t.deps.config, webDir } }, { logger: false });
  await web.ready();
});
afterAll(async () => {
  await web?.close();
  await w?.close();
});

describe('delivery', () => {
  it('sends a hashed asset pre-compressed to a browser that accepts brotli or gzip, immutable for a year', async () => {
    const br = await web.inject({ method: 'GET', url: '/assets/app-AbCd_12x.js', headers: { 'accept-encoding': 'gzip, deflate, br' } });
    expect([br.statusCode, br.headers['content-encoding'], br.headers['cache-control']]).toEqual([200, 'br', 'public, max-age=31536000, immutable']);
    expect(brotliDecompressSync(br.rawPayload).toString()).toBe(script);
    expect(br.rawPayload.length).toBeLessThan(Buffer.byteLength(script) / 4);

    const gz = await web.inject({ method: 'GET', url: '/assets/app-AbCd_12x.js', headers: { 'accept-encoding': 'gzip' } });
    expect(gz.headers['content-encoding']).toBe('gzip');
    expect(gunzipSync(gz.rawPayload).toString()).toBe(script);

    const plain = await web.inject({ method: 'GET', url: '/assets/app-AbCd_12x.js' });
    expect([plain.headers['content-encoding'], plain.body]).toEqual([undefined, script]);
  });

  it('has browsers revalidate index.html and unhashed files, so a new release is seen at once', async () => {
    const page = await web.inject({ method: 'GET', url: '/admin/activities', headers: { 'accept-encoding': 'br' } });
    expect([page.statusCode, page.headers['cache-control']]).toEqual([200, 'no-cache']);
    const icon = await web.inject({ method: 'GET', url: '/favicon.svg' });
    expect([icon.statusCode, icon.headers['cache-control']]).toEqual([200, 'no-cache']);
  });

  it('compresses API replies over 1 KB for clients that ask, and leaves small ones and other clients alone', async () => {
    const big = await web.inject({ method: 'GET', url: '/api/openapi.json', headers: { 'accept-encoding': 'gzip' } });
    expect([big.statusCode, big.headers['content-encoding']]).toEqual([200, 'gzip']);
    const doc = JSON.parse(gunzipSync(big.rawPayload).toString());
    expect(doc.openapi).toMatch(/^3\./);

    const small = await web.inject({ method: 'GET', url: '/api/live', headers: { 'accept-encoding': 'gzip, br' } });
    expect([small.statusCode, small.headers['content-encoding']]).toEqual([200, undefined]);

    const none = await web.inject({ method: 'GET', url: '/api/openapi.json' });
    expect([none.headers['content-encoding'], none.json().openapi]).toEqual([undefined, doc.openapi]);
  });
});
