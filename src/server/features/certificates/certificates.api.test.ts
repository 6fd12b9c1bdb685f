import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Staff, type Unit, type Volunteer, type World, makeWorld } from '../../../../test/support/factories';

let w: World;
let a: Unit;
let staffA: Staff;
let staffB: Staff;
let vol: Volunteer;

/** Verified hours the ordinary way: an order the volunteer completes; approved by staff unless `approve` is false. */
async function serve(hours: number, approve: boolean) {
  const o = await w.makeOrder({ stationId: a.id, description: `服务 ${hours} 小时` });
  await staffA.agent.post(`/api/orders/${o.id}/actions`, { action: 'review', verified: true });
  await staffA.agent.post(`/api/orders/${o.id}/actions`, { action: 'dispatch', target: { type: 'volunteer', id: vol.id } });
  await vol.agent.post(`/api/orders/${o.id}/actions`, { action: 'accept' });
  expect((await vol.agent.post(`/api/orders/${o.id}/actions`, { action: 'complete', report: '已完成', serviceHours: hours })).json().status).toBe('completed');
  if (!approve) return;
  const rec = (await staffA.agent.get(`/api/hours?volunteerId=${vol.id}&status=pending&pageSize=200`))
    .json()
    .items.find((r: { hours: number }) => r.hours === hours);
  expect((await staffA.agent.post(`/api/hours/${rec.id}/decision`, { decision: 'approve' })).json().status).toBe('approved');
}

beforeAll(async () => {
  w = await makeWorld();
  a = await w.makeStation();
  staffA = await w.stationAdmin(a.id);
  staffB = await w.stationAdmin((await w.makeStation()).id);
  vol = await w.makeVolunteer({ stationId: a.id, name: '欧阳志愿' });
  await serve(2, true);
  await serve(1.5, true);
  await serve(1, false);
});
afterAll(async () => w?.close());

describe('certificates', () => {
  it('are issued by the volunteer, with only approved hours, and checkable in public', async () => {
    const v = vol.agent;
    const me = (await v.get('/api/volunteers/me')).json().volunteer;
    const summary = (await v.get('/api/hours/mine/summary')).json();
    expect(summary.approvedHours).toBe(3.5);
    const res = await v.post('/api/certificates', { volunteerId: me.id, from: '2020-01-01', to: '2030-12-31' });
    expect(res.statusCode).toBe(201);
    const cert = res.json();
    expect(cert.number).toMatch(/^SJ\d{4}-[0-9A-Z]{8}$/);
    // One hour is still pending: only approved ones are certified.
    expect(cert.hours).toBe(3.5);

    const pub = await w.anon.get(`/api/public/certificates/${cert.number}`);
    expect(pub.statusCode).toBe(200);
    expect(pub.json()).toMatchObject({ status: 'valid', hours: cert.hours, idNumberMasked: me.idNumberMasked });
    expect(pub.json().holderName).not.toBe(me.name);
    expect(pub.json().holderName[0]).toBe(me.name[0]);
    expect((await w.anon.get('/api/public/certificates/SJ2026-XXXXXXXX')).statusCode).toBe(404);
    const other = await w.makeVolunteer({ stationId: a.id });
    expect((await other.agent.post('/api/certificates', { volunteerId: me.id, from: '2020-01-01', to: '2030-12-31' })).statusCode).toBe(404);
  });

  it('renders a PDF whose text, font and QR code check out', async () => {
    const v = vol.agent;
    const cert = (await v.get('/api/certificates/mine')).json().items[0];
    const pdf = await v.get(cert.pdfUrl);
    expect(pdf.statusCode).toBe(200);
    expect(pdf.headers['content-type']).toBe('application/pdf');
    expect(pdf.rawPayload.subarray(0, 4).toString()).toBe('%PDF');
    if (!existsSync('/usr/bin/pdftotext')) {
      if (process.env.CI === 'true') throw new Error('poppler-utils missing');
      console.warn('!! pdftotext missing: skipping the PDF content check');
      return;
    }
    const dir = mkdtempSync(path.join(os.tmpdir(), 'cert-'));
    try {
      const file = path.join(dir, 'c.pdf');
      writeFileSync(file, pdf.rawPayload);
      const text = execFileSync('pdftotext', [file, '-']).toString().replace(/\s+/g, '');
      expect(text).toContain('志愿服务记录证明');
      expect(text).toContain(cert.number);
      execFileSync('pdftoppm', ['-r', '150', '-png', '-f', '1', '-l', '1', file, path.join(dir, 'p')]);
      const png = path.join(dir, 'p-1.png');
      expect(readFileSync(png).length).toBeGreaterThan(10_000);
      if (existsSync('/usr/bin/zbarimg')) {
        const qr = execFileSync('zbarimg', ['-q', '--raw', png], { stdio: ['ignore', 'pipe', 'ignore'] })
          .toString()
          .trim();
        expect(qr).toMatch(new RegExp(`/verify/${cert.number}$`));
      }
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('can be revoked by staff with a reason; the public check says so; others get 404', async () => {
    const v = vol.agent;
    const cert = (await v.get('/api/certificates/mine')).json().items[0];
    expect((await v.post(`/api/certificates/${cert.id}/revoke`, { reason: '自己作废' })).statusCode).toBe(403);
    expect((await staffB.agent.post(`/api/certificates/${cert.id}/revoke`, { reason: '越权' })).statusCode).toBe(404);
    expect((await (await w.makeVolunteer({ stationId: a.id })).agent.get(cert.pdfUrl)).statusCode).toBe(404);
    const s01 = staffA.agent;
    const revoked = await s01.post(`/api/certificates/${cert.id}/revoke`, { reason: '服务记录更正后重新开具' });
    expect(revoked.json()).toMatchObject({ revoked: true, revokeReason: '服务记录更正后重新开具' });
    const pub = (await w.anon.get(`/api/public/certificates/${cert.number}`)).json();
    expect(pub.status).toBe('revoked');
    expect((await s01.post(`/api/certificates/${cert.id}/revoke`, { reason: '再作废' })).json().code).toBe('certificates.revoked');
  });
  it('page on the server: the staff list and the volunteer’s own list answer items, total, page and pageSize', async () => {
    const me = (await vol.agent.get('/api/volunteers/me')).json().volunteer;
    // Two more for the same service: certificates are snapshots, a volunteer may ask again.
    for (let i = 0; i < 2; i++)
      expect((await vol.agent.post('/api/certificates', { volunteerId: me.id, from: '2020-01-01', to: '2030-12-31' })).statusCode).toBe(201);
    const all = (await staffA.agent.get(`/api/certificates?volunteerId=${me.id}&pageSize=200`)).json();
    expect(all.total).toBeGreaterThanOrEqual(3);
    const first = (await staffA.agent.get(`/api/certificates?volunteerId=${me.id}&pageSize=2`)).json();
    const last = (await staffA.agent.get(`/api/certificates?volunteerId=${me.id}&pageSize=2&page=${Math.ceil(all.total / 2)}`)).json();
    expect([first.total, first.items.length, last.items.length]).toEqual([all.total, 2, all.total % 2 || 2]);
    expect(first.items.map((c: { id: string }) => c.id)).not.toContain(last.items.at(-1).id);
    const mine = (await vol.agent.get('/api/certificates/mine?pageSize=1')).json();
    expect([mine.total, mine.items.length, mine.pageSize]).toEqual([all.total, 1, 1]);
    // Another station’s staff do not see the volunteer at all.
    expect((await staffB.agent.get(`/api/certificates?volunteerId=${me.id}`)).statusCode).toBe(404);
  });
});
