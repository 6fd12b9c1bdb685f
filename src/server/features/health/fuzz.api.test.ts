import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Agent, TestApp } from '../../../../test/support/app';
import { type World, makeWorld } from '../../../../test/support/factories';

/**
 * Bad input never gets a 500: every operation in the OpenAPI document is called with malformed
 * ids, wrong types, hostile strings and junk bodies, as a signed-in institute admin (so requests
 * get past authentication and reach validation and the services).
 */
let w: World;
let t: TestApp;
let admin: Agent;
beforeAll(async () => {
  w = await makeWorld();
  t = w.t;
  // Some of every kind of thing, so ids and lists reach real rows, not only the empty answers.
  const station = await w.makeStation();
  await w.makeVolunteer({ stationId: station.id });
  await w.makeActivity({ unitId: station.id });
  await w.makeOrder({ stationId: station.id });
  await w.makeCareRecipient({ stationId: station.id });
  admin = w.admin.agent;
});
afterAll(async () => w?.close());

const NASTY = [
  '',
  ' ',
  '\u0000',
  '\uD800',
  '‮evil',
  '１２３',
  "' OR 1=1 --",
  '<script>alert(1)</script>',
  '../../etc/passwd',
  'x'.repeat(5000),
  '11010519491231002Y',
  '-1',
  '1e309',
  'null',
];
const BODIES: unknown[] = [
  {},
  [],
  'string',
  42,
  null,
  { id: 1, name: ['a'], unitId: 'not-a-uuid', startsAt: 'yesterday', positions: 'many' },
  Object.fromEntries(NASTY.map((v, i) => [`f${i}`, v])),
  { name: NASTY[7], unitId: randomUUID(), stationId: randomUUID(), title: NASTY[9], description: NASTY[3], phone: NASTY[5], idNumber: NASTY[10] },
  JSON.parse('{"__proto__":{"admin":true},"constructor":{"prototype":{"x":1}}}'),
];

/** A lone surrogate cannot be URI-encoded; send the raw (invalid UTF-8) bytes instead. */
function enc(s: string): string {
  try {
    return encodeURIComponent(s);
  } catch {
    return '%ED%A0%80';
  }
}

describe('fuzzing every operation', () => {
  it('answers 4xx (never 5xx) to malformed requests on every route', async () => {
    const doc = (await t.app.inject({ method: 'GET', url: '/api/openapi.json' })).json() as { paths: Record<string, Record<string, unknown>> };
    const failures: string[] = [];
    let sent = 0;
    for (const [path, methods] of Object.entries(doc.paths)) {
      if (path.includes('/auth/logout') || path.includes('/auth/password')) continue; // would end the fuzzing session
      for (const method of Object.keys(methods)) {
        const variants = [randomUUID(), 'not-a-uuid', NASTY[7], '%00'];
        for (const idValue of variants) {
          const url = path.replace(/\{[^}]+\}/g, enc(idValue));
          const payloads = method === 'get' || method === 'delete' ? [undefined] : BODIES;
          for (const body of payloads) {
            const res = await t.app.inject({
              method: method.toUpperCase() as 'GET',
              url: `${url}${method === 'get' ? `?page=${enc(NASTY[sent % NASTY.length])}&q=${enc(NASTY[(sent + 3) % NASTY.length])}` : ''}`,
              headers: { cookie: admin.cookie, 'x-csrf-token': admin.csrfToken, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
              ...(body === undefined ? {} : { payload: JSON.stringify(body) }),
            });
            sent++;
            if (res.statusCode >= 500)
              failures.push(`${method.toUpperCase()} ${url} ${JSON.stringify(body)?.slice(0, 80)} → ${res.statusCode} ${res.body.slice(0, 120)}`);
          }
        }
      }
    }
    expect(sent).toBeGreaterThan(500);
    expect(failures).toEqual([]);
  }, 300_000);
});
