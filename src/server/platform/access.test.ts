import { describe, expect, it } from 'vitest';
import type { Role } from '../../shared/accounts';
import { type Action, buildUnitTree, hasRoleFor, isReadAction, isReadOnlyActor, POLICY, READ_ONLY_ROLES, unitsInScope } from './access';
import type { Actor } from './deps';

/** The policy table read as a matrix: every role × every action × own and other unit. */
const tree = buildUnitTree([
  { id: 'district', kind: 'district', parent_id: null },
  { id: 'institute', kind: 'institute', parent_id: 'district' },
  { id: 'station-a', kind: 'station', parent_id: 'institute' },
  { id: 'station-b', kind: 'station', parent_id: 'institute' },
]);
const HOME: Record<Role, string> = {
  district_viewer: 'district',
  district_admin: 'district',
  institute_admin: 'institute',
  station_admin: 'station-a',
  team_leader: 'station-a',
  volunteer: 'station-a',
  resident: 'station-a',
};
const actorWith = (role: Role): Actor => ({
  accountId: role,
  personId: role,
  username: role,
  displayName: role,
  grants: [{ role, unitId: HOME[role], teamId: null }],
  isStaff: true,
  sessionId: 's',
});
const ACTIONS = Object.keys(POLICY) as Action[];
const WRITES = ACTIONS.filter((a) => !isReadAction(a));

describe('the policy table', () => {
  it('gives the read-only roles no write action anywhere, whatever an entry lists', () => {
    const unexpected: string[] = [];
    for (const role of READ_ONLY_ROLES) {
      const actor = actorWith(role);
      for (const action of WRITES) {
        if (hasRoleFor(actor, action) || unitsInScope(tree, actor, action).size > 0) unexpected.push(`${role} ${action}`);
      }
    }
    expect(WRITES.length).toBeGreaterThan(20);
    expect(unexpected).toEqual([]);
  });

  it('calls an account read-only (refused every write but its own, platform/auth.ts) only when all its grants only read', () => {
    const roles = Object.keys(HOME) as Role[];
    expect(roles.filter((r) => isReadOnlyActor(actorWith(r)))).toEqual(['district_viewer']);
    // No grant at all is not read-only; neither is a viewer who is also a volunteer or holds a staff role.
    expect(isReadOnlyActor({ grants: [] })).toBe(false);
    const viewer = actorWith('district_viewer');
    expect(isReadOnlyActor({ grants: [...viewer.grants, ...actorWith('volunteer').grants] })).toBe(false);
    expect(isReadOnlyActor({ grants: [...viewer.grants, ...actorWith('district_admin').grants] })).toBe(false);
    expect(isReadOnlyActor({ grants: [...viewer.grants, { role: 'district_viewer', unitId: 'institute', teamId: null }] })).toBe(true);
  });

  it('still lets the district read what its entries say it reads, in every unit below it', () => {
    const district = actorWith('district_viewer');
    const reads = ACTIONS.filter((a) => isReadAction(a) && (POLICY[a].roles as readonly Role[]).includes('district_viewer'));
    expect(reads.length).toBeGreaterThan(5);
    for (const action of reads) expect([...unitsInScope(tree, district, action)].sort(), action).toEqual(['district', 'institute', 'station-a', 'station-b']);
  });

  it('lets the district admin read what the district viewer reads, and write only streets, their admins, the district’s own accounts and the district defaults', () => {
    const admin = actorWith('district_admin');
    const reads = ACTIONS.filter((a) => isReadAction(a) && (POLICY[a].roles as readonly Role[]).includes('district_viewer'));
    for (const action of reads) expect([...unitsInScope(tree, admin, action)].sort(), action).toEqual(['district', 'institute', 'station-a', 'station-b']);
    expect(WRITES.filter((a) => hasRoleFor(admin, a)).sort()).toEqual([
      'accounts.manage_district',
      'accounts.manage_street_admins',
      'org.create_street',
      'settings.edit_district',
    ]);
  });

  it('keeps a station admin to its own station for every write: the other station is never in scope', () => {
    const admin = actorWith('station_admin');
    const leaks = WRITES.filter((a) => unitsInScope(tree, admin, a).has('station-b'));
    expect(leaks).toEqual([]);
  });

  it('grants writes only to roles each entry names (no role gains an action by the read-only filter)', () => {
    for (const action of WRITES) {
      for (const role of Object.keys(HOME) as Role[]) {
        const listed = (POLICY[action].roles as readonly Role[]).includes(role) && !READ_ONLY_ROLES.includes(role);
        expect(hasRoleFor(actorWith(role), action), `${role} ${action}`).toBe(listed);
      }
    }
  });
});
