import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type TestApp, makeTestApp } from '../../../../test/support/app';

let t: TestApp;
beforeAll(async () => {
  t = await makeTestApp();
});
afterAll(async () => t?.close());

const form = (o: Record<string, string>) => new URLSearchParams(o).toString();
const get = (url: string) => t.app.inject({ method: 'GET', url });
const post = (url: string, body: Record<string, string>) =>
  t.app.inject({ method: 'POST', url, headers: { 'content-type': 'application/x-www-form-urlencoded' }, payload: form(body) });

describe('Open311 GeoReport v2', () => {
  it('publishes discovery in JSON and XML with the v2 endpoint and both formats', async () => {
    const json = await get('/open311/discovery.json');
    expect(json.statusCode).toBe(200);
    const d = json.json();
    expect(d.endpoints[0]).toMatchObject({
      specification: 'http://wiki.open311.org/GeoReport_v2',
      type: 'production',
      formats: ['text/xml', 'application/json'],
    });
    expect(d.endpoints[0].url).toMatch(/\/open311\/v2$/);
    const xml = await get('/open311/discovery.xml');
    expect(xml.headers['content-type']).toContain('text/xml');
    expect(xml.body).toMatch(
      /^<\?xml version="1.0" encoding="utf-8"\?>\n<discovery>.*<endpoints><endpoint>.*<formats><format>text\/xml<\/format><format>application\/json<\/format><\/formats>/s,
    );
  });

  it('lists services with the standard fields, in both formats', async () => {
    const services = (await get('/open311/v2/services.json')).json();
    expect(services.length).toBeGreaterThan(5);
    for (const s of services) {
      expect(Object.keys(s).sort()).toEqual(['description', 'group', 'keywords', 'metadata', 'service_code', 'service_name', 'type']);
      expect(s.metadata).toBe(false);
      expect(['realtime', 'batch', 'blackbox']).toContain(s.type);
    }
    const xml = (await get('/open311/v2/services.xml')).body;
    expect(xml).toContain('<services><service><service_code>');
    const def = (await get(`/open311/v2/services/${services[0].service_code}.json`)).json();
    expect(def).toEqual({ service_code: services[0].service_code, attributes: [] });
    const missing = await get('/open311/v2/services/NOPE.xml');
    expect(missing.statusCode).toBe(404);
    expect(missing.body).toMatch(/<errors><error><code>404<\/code><description>.+<\/description><\/error><\/errors>/);
  });

  it('accepts a form-encoded POST with the demo api_key and a location, and answers with the request id', async () => {
    const code = (await get('/open311/v2/services.json')).json().find((s: { service_name: string }) => s.service_name === '上门理发').service_code;
    const noKey = await post('/open311/v2/requests.json', { service_code: code, lat: '29.727', long: '107.372', description: '需要上门理发' });
    expect(noKey.statusCode).toBe(403);
    expect(noKey.json()).toEqual([{ code: 403, description: 'api_key is required' }]);
    const badKey = await post('/open311/v2/requests.xml', { api_key: 'wrong', service_code: code, lat: '29.727', long: '107.372' });
    expect(badKey.statusCode).toBe(403);
    expect(badKey.body).toContain('<errors><error><code>403</code>');
    const noPlace = await post('/open311/v2/requests.json', { api_key: 'demo-open311-key', service_code: code });
    expect(noPlace.statusCode).toBe(400);
    const ok = await post('/open311/v2/requests.json', {
      api_key: 'demo-open311-key',
      service_code: code,
      lat: '29.7269',
      long: '107.3721',
      first_name: '小明',
      last_name: '王',
      phone: '13800002222',
      description: '家里老人需要上门理发',
    });
    expect(ok.statusCode).toBe(200);
    const [created] = ok.json();
    expect(created.service_request_id).toMatch(/^D\d{8}-\d{4}$/);
    expect(created).toHaveProperty('service_notice');
    expect(created).toHaveProperty('account_id');
    // Routed to the nearest station, and now in its queue.
    const order = await t.deps.db
      .selectFrom('orders')
      .innerJoin('units', 'units.id', 'orders.unit_id')
      .select(['units.name', 'orders.channel'])
      .where('number', '=', created.service_request_id)
      .executeTakeFirstOrThrow();
    expect(order).toEqual({ name: '金银社区新时代文明实践站', channel: 'open311' });

    const one = (await get(`/open311/v2/requests/${created.service_request_id}.json`)).json();
    expect(one).toHaveLength(1);
    expect(one[0]).toMatchObject({
      service_request_id: created.service_request_id,
      status: 'open',
      service_code: code,
      agency_responsible: '金银社区新时代文明实践站',
    });
    expect(one[0].status_notes).toBe('已点单');
    expect(one[0].requested_datetime).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\+08:00$/);
    // Personal details are withheld from the public query.
    expect(JSON.stringify(one)).not.toContain('13800002222');
    expect(JSON.stringify(one)).not.toContain('王小明');
    const xml = (await get(`/open311/v2/requests/${created.service_request_id}.xml`)).body;
    expect(xml).toMatch(/<service_requests><request><service_request_id>D\d{8}-\d{4}<\/service_request_id><status>open<\/status>/);
  });

  it('queries requests by id list, status and date range; closed states map to "closed"', async () => {
    const closed = await t.deps.db.selectFrom('orders').select('number').where('status', '=', 'closed').executeTakeFirstOrThrow();
    const res = (await get(`/open311/v2/requests.json?service_request_id=${closed.number}`)).json();
    expect(res[0]).toMatchObject({ status: 'closed', status_notes: '已办结' });
    const open = (await get('/open311/v2/requests.json?status=open')).json();
    expect(open.length).toBeGreaterThan(0);
    expect(open.every((r: { status: string }) => r.status === 'open')).toBe(true);
    const bad = await get('/open311/v2/requests.json?start_date=yesterday');
    expect(bad.statusCode).toBe(400);
    expect((await get('/open311/v2/requests/D00000000-0000.json')).statusCode).toBe(404);
  });

  it('lets the institute admin issue and revoke keys; others cannot', async () => {
    const admin = await t.login('admin');
    const inst = await t.unitId('马鞍街道新时代文明实践所');
    const issued = await admin.post('/api/open311/keys', { unitId: inst, name: '12345 热线' });
    expect(issued.statusCode).toBe(201);
    const key = issued.json().apiKey;
    const code = (await get('/open311/v2/services.json')).json()[0].service_code;
    expect((await post('/open311/v2/requests.json', { api_key: key, service_code: code, address_string: '马鞍大道 66 号' })).statusCode).toBe(200);
    await admin.delete(`/api/open311/keys/${issued.json().id}`);
    expect((await post('/open311/v2/requests.json', { api_key: key, service_code: code, address_string: '马鞍大道 66 号' })).statusCode).toBe(403);
    expect((await (await t.login('station01')).post('/api/open311/keys', { unitId: inst, name: 'x' })).statusCode).toBe(403);
  });
});
