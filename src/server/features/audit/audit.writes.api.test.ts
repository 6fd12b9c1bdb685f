import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TestApp } from '../../../../test/support/app';
import { TINY_PNG } from '../../../../test/support/app';
import { type Volunteer, type World, makeWorld } from '../../../../test/support/factories';

let w: World;
let t: TestApp;
let volunteer: Volunteer;

beforeAll(async () => {
  w = await makeWorld();
  t = w.t;
  volunteer = await w.makeVolunteer({ stationId: (await w.makeStation()).id });
});
afterAll(async () => w?.close());

interface Row {
  seq: number;
  actor_name: string | null;
  object_id: string | null;
  changes: string | null;
}

/** The rows of one action, newest first, read from the table (a volunteer's rows are outside any staff scope). */
async function rowsOf(action: string): Promise<Row[]> {
  return (await sql<Row>`SELECT seq, actor_name, object_id, changes FROM audit_log WHERE action = ${action} ORDER BY seq DESC`.execute(t.deps.db)).rows;
}

describe('every write is audited', () => {
  it('a file upload: who, what, size and checksum, never the bytes or the name', async () => {
    const id = await w.upload(volunteer, '张三同意书.png');
    const [row] = await rowsOf('files.uploaded');
    expect(row.object_id).toBe(id);
    expect(row.actor_name).toBe(volunteer.name);
    const after = JSON.parse(row.changes ?? '{}').file.after;
    expect(after).toMatchObject({ mime: 'image/png', size: TINY_PNG.length });
    expect(after.sha256).toMatch(/^[0-9a-f]{64}$/);
    expect(row.changes).not.toContain('张三');
  });

  it('deleting the calendar link', async () => {
    const v = await w.relogin(volunteer);
    await v.post('/api/ical/token');
    expect((await v.delete('/api/ical/token')).statusCode).toBe(200);
    const [row] = await rowsOf('activities.ical_token_revoked');
    expect(row?.actor_name).toBe(volunteer.name);
  });

  it('marking all notices read, and one notice read', async () => {
    const v = await w.relogin(volunteer);
    expect((await v.post('/api/notifications/read-all')).statusCode).toBe(200);
    const [row] = await rowsOf('notifications.read_all');
    expect(row?.actor_name).toBe(volunteer.name);
    expect(JSON.parse(row.changes ?? '{}').marked.after).toBeGreaterThanOrEqual(0);
    // A notice that is not the caller's: 404 and no row.
    const before = (await rowsOf('notifications.read')).length;
    expect((await v.post('/api/notifications/00000000-0000-7000-8000-000000000000/read')).statusCode).toBe(404);
    expect((await rowsOf('notifications.read')).length).toBe(before);
  });
});

describe('reading the audit log is audited', () => {
  it('records who paged which filters, and the read rows do not shift the pages', async () => {
    const admin = w.admin.agent;
    const first = (await admin.get('/api/audit?pageSize=2&page=1&outcome=success')).json();
    const [read] = await rowsOf('audit.read');
    expect(read.actor_name).toBe(w.admin.name);
    expect(JSON.parse(read.changes ?? '{}').query.after).toEqual({ page: 1, pageSize: 2, outcome: 'success' });
    // Paging on: page 2 starts right after page 1, although page 1's read was appended in between.
    const second = (await admin.get('/api/audit?pageSize=2&page=2&outcome=success')).json();
    expect(second.total).toBe(first.total);
    expect(second.items[0].seq).toBeLessThan(first.items[1].seq);
    expect(second.items.every((e: { action: string }) => e.action !== 'audit.read')).toBe(true);
    // Asked for by action, the reads are listed: one per request.
    const reads = (await admin.get('/api/audit?action=audit.read&pageSize=200')).json();
    expect(reads.total).toBe((await rowsOf('audit.read')).length - 1);
  });

  it('records a verification and its result', async () => {
    const res = (await w.admin.agent.post('/api/audit/verify')).json();
    expect(res.ok).toBe(true);
    const [row] = await rowsOf('audit.verified');
    expect(row.actor_name).toBe(w.admin.name);
    expect(JSON.parse(row.changes ?? '{}').result.after).toMatchObject({ ok: true, checked: res.checked });
  });
});
