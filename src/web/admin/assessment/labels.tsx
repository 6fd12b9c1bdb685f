import { Tag } from 'antd';
import { PERIOD_STATUSES } from '../../../shared/assessment';

const COLORS = { open: 'blue', reviewing: 'gold', published: 'green' } as const;

export function PeriodStatusTag({ status }: { status: keyof typeof PERIOD_STATUSES }) {
  return <Tag color={COLORS[status]}>{PERIOD_STATUSES[status]}</Tag>;
}

/** Points as people read them: 6.7, 10. */
export const pts = (n: number | null | undefined) => (n === null || n === undefined ? '—' : String(Math.round(n * 10) / 10));
