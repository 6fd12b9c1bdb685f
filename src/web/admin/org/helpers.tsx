import { Space, Typography } from 'antd';
import type { SessionView } from '../../../shared/accounts';
import type { StaffingView, UnitView } from '../../../shared/org';
import { hasRole } from '../../lib/session';
import { requiredText, StaffingTag } from '../components/tags';

const KIND_ORDER = { district: 0, institute: 1, station: 2 } as const;

export function sortUnits(units: UnitView[]): UnitView[] {
  return [...units].sort((a, b) => KIND_ORDER[a.kind] - KIND_ORDER[b.kind] || a.sort - b.sort || a.name.localeCompare(b.name, 'zh-CN'));
}

export function StaffingCell({ staffing }: { staffing: StaffingView | undefined }) {
  if (!staffing) return <Typography.Text type="secondary">—</Typography.Text>;
  return (
    <Space size={6} wrap>
      <span>
        实有 {staffing.actual} / 应配 {requiredText(staffing.required)} 人
      </span>
      <StaffingTag status={staffing.status} />
    </Space>
  );
}

/** Can this person edit this unit? The server decides for real; this only hides buttons that would fail. */
export function canEditUnit(session: SessionView, unit: UnitView): boolean {
  if (hasRole(session, 'institute_admin')) return true;
  return session.roles.some((g) => g.role === 'station_admin' && g.unitId === unit.id);
}
