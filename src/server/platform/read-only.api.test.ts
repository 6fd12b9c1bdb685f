import { randomUUID } from 'node:crypto';
import type { LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Agent } from '../../../test/support/app';
import { makeWorld, PASSWORD, type Staff, type World } from '../../../test/support/factories';
import { codeOf, fillPath, openApiDoc, publicWrites, sendWrite, sessionWrites, type Write } from '../../../test/support/writes';

/**
 * Issue 12, least privilege: the district viewer (区中心查看, every grant read-only) writes nothing
 * but what it does for itself. The routes come from the app itself — every write its OpenAPI
 * document lists behind a session and CSRF, checked against the route table — not from a list kept
 * here, so a new write route is covered the day it is registered. Each is sent as the viewer with
 * random ids and an empty body: the refusal comes before validation and before any handler.
 */

/**
 * The session writes a read-only account may still make, for itself (`selfService: true` on the
 * endpoint). Adding one here is a reviewed decision: it opens that write to the district viewer.
 */
const SELF_SERVICE = [
  'actOnOrder',
  'cancelMarketReservation',
  'cancelMySignup',
  'changePassword',
  'checkInToActivity',
  'disableTotp',
  'enableTotp',
  'issueCertificate',
  'issueIcalToken',
  'joinTeam',
  'logout',
  'markAllNotificationsRead',
  'markNotificationRead',
  'placeOrder',
  'registerMyself',
  'requestCorrection',
  'requestDeletion',
  'reserveMarketGoods',
  'revealMyIdNumber',
  'revokeIcalToken',
  'setMyConsent',
  'signInToMeeting',
  'signInToTraining',
  'signUpForActivity',
  'startTotpSetup',
  'updateVolunteer',
];

let w: World;
let viewer: Staff & { districtId: string };
let writes: Write[];

/** The request with random ids and `{}` as the body (none for DELETE). */
function send(agent: Agent, r: Write): Promise<LightMyRequestResponse> {
  return sendWrite(agent, r.method, fillPath(r.path, {}, randomUUID), {});
}

async function auditRows(): Promise<number> {
  const row = await w.t.deps.db
    .selectFrom('audit_log')
    .select((eb) => eb.fn.countAll().as('n'))
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

beforeAll(async () => {
  w = await makeWorld();
  viewer = await w.makeDistrictViewer();
  writes = sessionWrites(await openApiDoc(w.anon));
});
afterAll(async () => {
  await w?.close();
});

describe('the district viewer (every grant read-only)', () => {
  it('checks every write of the route table but the five that need no session', () => {
    // The route table's writes that need no session: sign-in, sign-up and the portal's forms.
    expect(publicWrites(writes)).toEqual(['fileObjection', 'login', 'loginWithTotp', 'placePortalOrder', 'signUpVolunteer']);
  });

  it('is refused every session write that is not self-service, with 403 access.read_only, and nothing is written', async () => {
    const staffWrites = writes.filter((r) => !r.selfService);
    expect(staffWrites.length).toBeGreaterThan(100);
    const before = await auditRows();
    const wrong: string[] = [];
    for (const r of staffWrites) {
      const res = await send(w.as(viewer), r);
      if (res.statusCode !== 403 || codeOf(res) !== 'access.read_only')
        wrong.push(`${r.method} ${r.path} (${r.operationId}): ${res.statusCode} ${res.body.slice(0, 160)}`);
    }
    expect(wrong).toEqual([]);
    expect(await auditRows()).toBe(before);
  });

  it('keeps exactly the reviewed self-service writes open', () => {
    expect(
      writes
        .filter((r) => r.selfService)
        .map((r) => r.operationId)
        .sort(),
    ).toEqual(SELF_SERVICE);
  });

  it('is refused for its role, not for the request: an institute admin sending the same gets past the check', async () => {
    const res = await w.admin.agent.post('/api/activities', {});
    expect([res.statusCode, codeOf(res)]).toEqual([400, 'validation.failed']);
  });

  it('still reads', async () => {
    expect((await w.as(viewer).get('/api/org/units')).statusCode).toBe(200);
    expect((await w.as(viewer).get('/api/training/sessions')).statusCode).toBe(200);
  });

  it('still writes for itself: its notices, then its own password', async () => {
    expect((await w.as(viewer).post('/api/notifications/read-all')).statusCode).toBe(200);
    const changed = await w.as(viewer).post('/api/auth/password', { currentPassword: PASSWORD, newPassword: 'Quanxian#Zuixiao27' });
    expect(changed.statusCode, changed.body).toBe(200);
  });
});
