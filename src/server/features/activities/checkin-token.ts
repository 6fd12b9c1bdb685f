import { createHmac, timingSafeEqual } from 'node:crypto';

/**
 * The rotating QR code on the organiser's screen: `<window>.<mac>`, where the window is a 30-second
 * slot and the MAC binds it to one activity. A photo of the code sent to someone at home is useless
 * once the window has passed; a volunteer cannot use the same code twice (the check-in table keeps
 * it). The previous window is still accepted so a scan at the turn of a slot does not fail.
 */
export const TOKEN_SECONDS = 30;

function mac(key: Buffer, activityId: string, window: number): string {
  return createHmac('sha256', key).update(`${activityId}.${window}`).digest('base64url').slice(0, 22);
}

export function issueToken(key: Buffer, activityId: string, now: Date): { token: string; expiresInSeconds: number } {
  const window = Math.floor(now.getTime() / 1000 / TOKEN_SECONDS);
  const expiresAt = (window + 1) * TOKEN_SECONDS;
  return { token: `${window}.${mac(key, activityId, window)}`, expiresInSeconds: Math.max(1, Math.ceil(expiresAt - now.getTime() / 1000)) };
}

export function verifyToken(key: Buffer, activityId: string, token: string, now: Date): boolean {
  const m = /^(\d{1,12})\.([\w-]{22})$/.exec(token);
  if (!m) return false;
  const window = Number(m[1]);
  const current = Math.floor(now.getTime() / 1000 / TOKEN_SECONDS);
  if (window !== current && window !== current - 1) return false;
  const expected = Buffer.from(mac(key, activityId, window));
  const given = Buffer.from(m[2]);
  return expected.length === given.length && timingSafeEqual(expected, given);
}
