import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TestApp } from '../../../../test/support/app';
import { type Signed, type World, makeWorld } from '../../../../test/support/factories';

let w: World;
let t: TestApp;
/** An institute key issued through the API (the demo shipped one called demo-open311-key). */
let apiKey: string;
/** A request that went all the way to 办结. */
let closedNumber: string;

beforeAll(async () => {
  w = await makeWorld();
  t = w.t;
  // Two stations far enough apart that a location picks one.
  const jinyin = await w.makeStation({ name: '金银社区新时代文明实践站', lat: 29.7269, lng: 107.3721 });
  await w.makeStation({ name: '龙井湖社区新时代文明实践站', lat: 29.81, lng: 107.45 });
  // The institute's menu: more than five services, one of them 上门理发.
  for (const name of ['上门理发', '代购代买', '陪同就医', '家电维修', '心理疏导', '法律咨询']) await w.makeMenuItem({ name });
  apiKey = (await w.admin.agent.post('/api/open311/keys', { unitId: w.instituteId, name: '测试热线' })).json().apiKey;

  const staff = await w.stationAdmin(jinyin.id);
  const volunteer = await w.makeVolunteer({ stationId: jinyin.id });
  const order = await w.makeOrder({ stationId: jinyin.id });
  const step = async (who: Signed, action: string, extra: Record<string, unknown> = {}) => {
    const res = await who.agent.post(`/api/orders/${order.id}/actions`, { action, ...extra });
    if (res.statusCode !== 200) throw new Error(`closing an order: ${action} → ${res.statusCode} ${res.body}`);
  };
  await step(staff, 'review');
  await step(staff, 'dispatch', { verified: true, target: { type: 'volunteer', id: volunteer.id } });
  await step(volunteer, 'accept');
  await step(volunteer, 'complete', { report: '已完成服务' });
  await step(order.requester, 'rate', { rating: 5 });
  await step(staff, 'close');
  closedNumber = order.number as string;
});
afterAll(async () => w?.close());

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

  it('accepts a form-encoded POST with an issued api_key and a location, and answers with the request id', async () => {
    const code = (await get('/open311/v2/services.json')).json().find((s: { service_name: string }) => s.service_name === '上门理发').service_code;
    const noKey = await post('/open311/v2/requests.json', { service_code: code, lat: '29.727', long: '107.372', description: '需要上门理发' });
    expect(noKey.statusCode).toBe(403);
    expect(noKey.json()).toEqual([{ code: 403, description: 'api_key is required' }]);
    const badKey = await post('/open311/v2/requests.xml', { api_key: 'wrong', service_code: code, lat: '29.727', long: '107.372' });
    expect(badKey.statusCode).toBe(403);
    expect(badKey.body).toContain('<errors><error><code>403</code>');
    const noPlace = await post('/open311/v2/requests.json', { api_key: apiKey, service_code: code });
    expect(noPlace.statusCode).toBe(400);
    const ok = await post('/open311/v2/requests.json', {
      api_key: apiKey,
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
    const queue = (await w.admin.agent.get(`/api/orders?q=${created.service_request_id}`)).json();
    expect(queue.items.map((o: { number: string; unitName: string; channel: string }) => ({ number: o.number, name: o.unitName, channel: o.channel }))).toEqual(
      [{ number: created.service_request_id, name: '金银社区新时代文明实践站', channel: 'open311' }],
    );

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
    const res = (await get(`/open311/v2/requests.json?service_request_id=${closedNumber}`)).json();
    expect(res[0]).toMatchObject({ status: 'closed', status_notes: '已办结' });
    const open = (await get('/open311/v2/requests.json?status=open')).json();
    expect(open.length).toBeGreaterThan(0);
    expect(open.every((r: { status: string }) => r.status === 'open')).toBe(true);
    const bad = await get('/open311/v2/requests.json?start_date=yesterday');
    expect(bad.statusCode).toBe(400);
    expect((await get('/open311/v2/requests/D00000000-0000.json')).statusCode).toBe(404);
  });

  it('lets the institute admin issue and revoke keys; others cannot', async () => {
    const admin = w.admin.agent;
    const inst = w.instituteId;
    const issued = await admin.post('/api/open311/keys', { unitId: inst, name: '12345 热线' });
    expect(issued.statusCode).toBe(201);
    const key = issued.json().apiKey;
    const code = (await get('/open311/v2/services.json')).json()[0].service_code;
    expect((await post('/open311/v2/requests.json', { api_key: key, service_code: code, address_string: '马鞍大道 66 号' })).statusCode).toBe(200);
    await admin.delete(`/api/open311/keys/${issued.json().id}`);
    expect((await post('/open311/v2/requests.json', { api_key: key, service_code: code, address_string: '马鞍大道 66 号' })).statusCode).toBe(403);
    // The list pages like every list, newest first, shows names and state, never a key.
    const page = (await admin.get(`/api/open311/keys?unitId=${inst}&pageSize=1`)).json();
    expect([page.total, page.page, page.pageSize, page.items.length]).toEqual([2, 1, 1, 1]);
    expect(page.items[0]).toMatchObject({ id: issued.json().id, name: '12345 热线', revokedAt: expect.any(String) });
    expect(JSON.stringify(page)).not.toContain(key);
    const station = await w.makeStation();
    expect((await (await w.stationAdmin(station.id)).agent.post('/api/open311/keys', { unitId: inst, name: 'x' })).statusCode).toBe(403);
  });

  it('serves its own jurisdiction (the host it is reached at) and answers 404 for any other, on every operation', async () => {
    const code = (await get('/open311/v2/services.json')).json()[0].service_code;
    // app.inject arrives as host "localhost"; naming it, in any case, is the same as naming none.
    expect((await get('/open311/v2/services.json?jurisdiction_id=localhost')).statusCode).toBe(200);
    expect((await get(`/open311/v2/requests/${closedNumber}.json?jurisdiction_id=LOCALHOST`)).statusCode).toBe(200);
    const other = 'jurisdiction_id=chongqing.gov.cn';
    for (const url of [
      `/open311/v2/services.json?${other}`,
      `/open311/v2/services/${code}.json?${other}`,
      `/open311/v2/requests.json?${other}`,
      `/open311/v2/requests/${closedNumber}.json?${other}`,
    ]) {
      const res = await get(url);
      expect(res.statusCode, url).toBe(404);
      expect(res.json()[0].description).toMatch(/jurisdiction_id chongqing\.gov\.cn is not served here/);
    }
    const before = (await w.admin.agent.get('/api/orders?pageSize=1')).json().total;
    const posted = await post('/open311/v2/requests.xml', {
      api_key: apiKey,
      jurisdiction_id: 'chongqing.gov.cn',
      service_code: code,
      address_string: '马鞍大道 66 号',
    });
    expect(posted.statusCode).toBe(404);
    expect(posted.body).toContain('<errors><error><code>404</code>');
    expect((await w.admin.agent.get('/api/orders?pageSize=1')).json().total).toBe(before);
    const ours = await post('/open311/v2/requests.json', {
      api_key: apiKey,
      jurisdiction_id: 'localhost',
      service_code: code,
      address_string: '马鞍大道 66 号',
    });
    expect(ours.statusCode).toBe(200);
  });

  it('refuses a media_url with the standard error instead of dropping the photo, and writes nothing', async () => {
    const code = (await get('/open311/v2/services.json')).json()[0].service_code;
    const before = (await w.admin.agent.get('/api/orders?pageSize=1')).json().total;
    const res = await post('/open311/v2/requests.json', {
      api_key: apiKey,
      service_code: code,
      address_string: '马鞍大道 66 号',
      media_url: 'http://12345.example.gov.cn/photos/1.jpg',
    });
    expect(res.statusCode).toBe(400);
    expect(res.json()).toEqual([{ code: 400, description: expect.stringMatching(/^media_url is not accepted/) }]);
    expect((await w.admin.agent.get('/api/orders?pageSize=1')).json().total).toBe(before);
  });
});
