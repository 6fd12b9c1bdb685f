import { timingSafeEqual } from 'node:crypto';
import { ROLES } from '../../shared/accounts';
import type { AuditWho } from './audit';
import { sha256Hex } from './crypto';
import type { Actor, Ctx, Deps } from './deps';
import type { Versions } from './scope.queries';
import { findSessionForRequest, listActorGrants, touchSession } from './session.queries';

export type ResolvedSession =
  | { actor: Actor; csrfToken: string; mustChangePassword: boolean; totpEnrolOnly: boolean; versions: Versions }
  | { problem: 'expired' | 'none' };

/**
 * Resolves a session cookie to an actor, or says why it cannot. Used by the auth hook on every
 * request: two statements (the session with its account and the cache versions; the grants).
 */
export async function resolveSession(deps: Deps, token: string): Promise<ResolvedSession> {
  const id = sha256Hex(token);
  const row = await findSessionForRequest(deps.db, id);
  if (!row) return { problem: 'none' };
  const now = deps.clock.now();
  const idleDeadline = new Date(new Date(row.last_seen_at).getTime() + row.idle_seconds * 1000);
  if (row.revoked_at || row.expires_at <= now.toISOString() || idleDeadline <= now) return { problem: 'expired' };
  if (row.disabled) return { problem: 'expired' };
  const grants = await listActorGrants(deps.db, row.account_id);
  // Writing on every request would turn reads into writes; a minute of slack is enough.
  if (now.getTime() - new Date(row.last_seen_at).getTime() > 60_000) await touchSession(deps.db, id, now.toISOString());
  return {
    actor: {
      accountId: row.account_id,
      personId: row.person_id,
      username: row.username,
      displayName: row.display_name,
      grants: grants.map((g) => ({ role: g.role, unitId: g.unit_id, teamId: g.team_id })),
      isStaff: grants.some((g) => ROLES[g.role].staff),
      sessionId: id,
    },
    csrfToken: row.csrf_token,
    mustChangePassword: Boolean(row.must_change_password),
    totpEnrolOnly: Boolean(row.totp_enrol_only),
    versions: { org: Number(row.org_version ?? 0), rules: Number(row.rules_version ?? 0) },
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
