import { describe, expect, it } from 'vitest';
import type { SessionView } from '../../../shared/accounts';
import { daysLate, ownerFilter, workUnitsOf } from './work-units';

function session(roles: Pick<SessionView['roles'][number], 'role' | 'unitId' | 'unitName'>[]): SessionView {
  return {
    account: { id: 'a', username: 'u', displayName: '张三', phoneMasked: null, mustChangePassword: false, totpEnrolmentRequired: false },
    roles: roles.map((r) => ({ ...r, teamId: null }) as SessionView['roles'][number]),
    isStaff: true,
    csrfToken: 't',
    idleTimeoutSeconds: 1800,
    expiresAt: '2026-11-30T00:00:00.000Z',
  };
}

describe('手机工作台 units', () => {
  it('lists the station first, then the institute, then the district; team leaders and volunteers have none', () => {
    const units = workUnitsOf(
      session([
        { role: 'district_viewer', unitId: 'd', unitName: '区中心' },
        { role: 'institute_admin', unitId: 'i', unitName: '实践所' },
        { role: 'volunteer', unitId: 's2', unitName: '二站' },
        { role: 'station_admin', unitId: 's1', unitName: '一站' },
        { role: 'team_leader', unitId: 's3', unitName: '三站' },
      ]),
    );
    expect(units.map((u) => [u.unitId, u.kind, u.canWrite])).toEqual([
      ['s1', 'station', true],
      ['i', 'institute', true],
      ['d', 'district', false],
    ]);
    expect(workUnitsOf(session([{ role: 'team_leader', unitId: 's3', unitName: '三站' }]))).toEqual([]);
    expect(workUnitsOf(null)).toEqual([]);
  });

  it('filters a station to what it owns and leaves the institute and the district their whole scope', () => {
    const [station, institute, district] = workUnitsOf(
      session([
        { role: 'station_admin', unitId: 's1', unitName: '一站' },
        { role: 'institute_admin', unitId: 'i', unitName: '实践所' },
        { role: 'district_viewer', unitId: 'd', unitName: '区中心' },
      ]),
    );
    expect([ownerFilter(station), ownerFilter(institute), ownerFilter(district)]).toEqual(['s1', undefined, undefined]);
  });

  it('counts whole China days past a deadline: the deadline day itself is not late', () => {
    expect(daysLate('2026-11-22', '2026-11-30')).toBe(8);
    expect(daysLate('2026-11-30', '2026-11-30')).toBe(0);
    expect(daysLate('2026-12-03', '2026-11-30')).toBe(-3);
    expect(daysLate('2026-02-28', '2026-03-01')).toBe(1);
  });
});
