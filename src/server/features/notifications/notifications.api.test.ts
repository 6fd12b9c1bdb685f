import net from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TestApp } from '../../../../test/support/app';
import { type Staff, type Volunteer, type World, makeWorld } from '../../../../test/support/factories';
import { Id } from '../../../shared/common';
import { timeOrderedId } from './notifications.service';
import { deliverEmails, smtpNotifier } from './notifier';

/** The smallest SMTP server that accepts mail, so the real SMTP client path is exercised on loopback. */
function fakeSmtp(): Promise<{ port: number; messages: string[]; close(): void }> {
  const messages: string[] = [];
  const server = net.createServer((socket) => {
    let data = false;
    let buf = '';
    let body = '';
    socket.write('220 localhost ESMTP\r\n');
    socket.on('data', (chunk) => {
      buf += chunk.toString('utf8');
      let i = buf.indexOf('\r\n');
      while (i >= 0) {
        const line = buf.slice(0, i);
        buf = buf.slice(i + 2);
        if (data) {
          if (line === '.') {
            data = false;
            messages.push(body);
            body = '';
            socket.write('250 OK queued\r\n');
          } else body += `${line}\n`;
        } else if (/^(EHLO|HELO)/i.test(line)) socket.write('250-localhost\r\n250 8BITMIME\r\n');
        else if (/^DATA/i.test(line)) {
          data = true;
          socket.write('354 go ahead\r\n');
        } else if (/^QUIT/i.test(line)) {
          socket.write('221 bye\r\n');
          socket.end();
        } else socket.write('250 OK\r\n');
        i = buf.indexOf('\r\n');
      }
    });
  });
  return new Promise((resolve) =>
    server.listen(0, '127.0.0.1', () => resolve({ port: (server.address() as net.AddressInfo).port, messages, close: () => server.close() })),
  );
}

let w: World;
let t: TestApp;
let volunteer: Volunteer;
let stationAdmin: Staff;
beforeAll(async () => {
  w = await makeWorld();
  t = w.t;
  const station = await w.makeStation({ name: '金银社区新时代文明实践站' });
  volunteer = await w.makeVolunteer({ stationId: station.id });
  stationAdmin = await w.stationAdmin(station.id);
});
afterAll(async () => w?.close());

describe('notifications', () => {
  it('lists my notices, marks them read, and e-mails a copy over SMTP exactly once', async () => {
    const v = volunteer.agent;
    const me = (await v.get('/api/volunteers/me')).json().volunteer;
    await v.patch(`/api/volunteers/${me.id}`, { email: 'volunteer01@example.test' });
    const s = stationAdmin.agent;
    await s.post(`/api/volunteers/${me.id}/awards`, { name: '优秀志愿者', issuer: '马鞍街道党工委', awardedOn: '2026-11-01' });
    const list = (await v.get('/api/notifications')).json();
    expect(list.unread).toBeGreaterThanOrEqual(1);
    expect(list.items[0].title).toContain('优秀志愿者');

    const smtp = await fakeSmtp();
    try {
      const notifier = smtpNotifier(`smtp://127.0.0.1:${smtp.port}`, '马鞍实践所 <noreply@maan.test>');
      const first = await deliverEmails(t.deps, notifier);
      expect(first.sent).toBeGreaterThanOrEqual(1);
      expect(smtp.messages.some((m) => m.includes('volunteer01@example.test'))).toBe(true);
      const again = await deliverEmails(t.deps, notifier);
      expect(again.sent).toBe(0);
    } finally {
      smtp.close();
    }
    expect((await v.post(`/api/notifications/${list.items[0].id}/read`)).statusCode).toBe(200);
    expect((await v.post('/api/notifications/read-all')).statusCode).toBe(200);
    expect((await v.get('/api/notifications')).json().unread).toBe(0);
    // Someone else's notice is not found.
    expect((await s.post(`/api/notifications/${list.items[0].id}/read`)).statusCode).toBe(404);
  });

  it('keeps a notice for retry when the mail server is down', async () => {
    const notifier = smtpNotifier('smtp://127.0.0.1:1', 'x@y.test');
    const v = volunteer.agent;
    const me = (await v.get('/api/volunteers/me')).json().volunteer;
    const s = stationAdmin.agent;
    await s.post(`/api/volunteers/${me.id}/awards`, { name: '服务之星', issuer: '金银社区', awardedOn: '2026-11-02' });
    const res = await deliverEmails(t.deps, notifier);
    expect(res.failed).toBeGreaterThanOrEqual(1);
    // Kept for retry: once the mail server is back, that one notice goes out, once.
    const smtp = await fakeSmtp();
    try {
      const retry = await deliverEmails(t.deps, smtpNotifier(`smtp://127.0.0.1:${smtp.port}`, 'x@y.test'));
      expect(retry.sent).toBe(1);
      expect(smtp.messages).toHaveLength(1);
      expect(smtp.messages[0]).toContain('volunteer01@example.test');
    } finally {
      smtp.close();
    }
  });

  it('pages my notices newest first, and counts the unread among all of them', async () => {
    const v = volunteer.agent;
    const me = (await v.get('/api/volunteers/me')).json().volunteer;
    await stationAdmin.agent.post(`/api/volunteers/${me.id}/awards`, { name: '年度之星', issuer: '金银社区', awardedOn: '2026-11-03' });
    const all = (await v.get('/api/notifications?pageSize=200')).json();
    expect(all.total).toBe(all.items.length);
    expect(all.total).toBeGreaterThanOrEqual(3);
    const first = (await v.get('/api/notifications?pageSize=1')).json();
    const second = (await v.get('/api/notifications?pageSize=1&page=2')).json();
    expect([first.total, first.page, first.pageSize, first.unread]).toEqual([all.total, 1, 1, all.unread]);
    expect(first.items[0].title).toContain('年度之星');
    expect(second.items[0].id).toBe(all.items[1].id);
    expect(first.unread).toBe(all.items.filter((n: { read: boolean }) => !n.read).length);
  });

  it('gives notices time-ordered ids, so notices written at one clock time still list newest first', () => {
    const ids = Array.from({ length: 5000 }, () => timeOrderedId());
    expect(new Set(ids).size).toBe(ids.length);
    expect([...ids].sort()).toEqual(ids);
    for (const id of ids.slice(0, 10)) expect(Id.safeParse(id).success, id).toBe(true);
  });
});
