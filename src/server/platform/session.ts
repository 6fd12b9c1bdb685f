import { timingSafeEqual } from 'node:crypto';
import { ROLES } from '../../shared/accounts';
import type { AuditWho } from './audit';
import { sha256Hex } from './crypto';
import type { Actor, Ctx, Deps } from './deps';
import type { Versions } from './scope.queries';
import type { Me } from './scope';
import { findSessionForRequest, touchSession } from './session.queries';

export type ResolvedSession =
  | { actor: Actor; csrfToken: string; mustChangePassword: boolean; totpEnrolOnly: boolean; versions: Versions; volunteer: Me['volunteer'] }
  | { problem: 'expired' | 'none' };

/**
 * Resolves a session cookie to an actor, or says why it cannot. Used by the auth hook on every
 * request: one statement (the session with its account, grants, the caller's volunteer record and
 * the cache versions), and a second only once a minute to move the session's last-seen time.
 */
export async function resolveSession(deps: Deps, token: string): Promise<ResolvedSession> {
  const id = sha256Hex(token);
  const rows = await findSessionForRequest(deps.db, id);
  const row = rows[0];
  if (!row) return { problem: 'none' };
  const now = deps.clock.now();
  const idleDeadline = new Date(new Date(row.last_seen_at).getTime() + row.idle_seconds * 1000);
  if (row.revoked_at || row.expires_at <= now.toISOString() || idleDeadline <= now) return { problem: 'expired' };
  if (row.disabled) return { problem: 'expired' };
  const grants = rows
    .filter((g) => g.role !== null)
    .map((g) => ({ role: g.role as NonNullable<typeof g.role>, unitId: g.unit_id as string, teamId: g.team_id }));
  // Writing on every request would turn reads into writes; a minute of slack is enough.
  if (now.getTime() - new Date(row.last_seen_at).getTime() > 60_000) await touchSession(deps.db, id, now.toISOString());
  return {
    actor: {
      accountId: row.account_id,
      personId: row.person_id,
      username: row.username,
      displayName: row.display_name,
      grants,
      isStaff: grants.some((g) => ROLES[g.role].staff),
      sessionId: id,
    },
    csrfToken: row.csrf_token,
    mustChangePassword: Boolean(row.must_change_password),
    totpEnrolOnly: Boolean(row.totp_enrol_only),
    versions: { org: Number(row.org_version ?? 0), rules: Number(row.rules_version ?? 0) },
    volunteer:
      row.volunteer_id && row.volunteer_station_id && row.volunteer_status
        ? { id: row.volunteer_id, stationId: row.volunteer_station_id, status: row.volunteer_status }
        : null,
  };
}

export function csrfMatches(expected: string, given: string | undefined): boolean {
  if (!given) return false;
  const a = Buffer.from(expected);
  const b = Buffer.from(given);
  return a.length === b.length && timingSafeEqual(a, b);
}

/** Who did it, for the audit row. */
export function whoOf(ctx: Pick<Ctx, 'actor' | 'ip' | 'requestId'>): AuditWho {
  return { actorAccountId: ctx.actor.accountId, actorName: ctx.actor.displayName, ip: ctx.ip, requestId: ctx.requestId };
}
