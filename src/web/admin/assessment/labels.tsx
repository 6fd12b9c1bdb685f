import { PERIOD_STATUSES } from '../../../shared/assessment';
import { type Tone, ToneTag } from '../components/tags';

const TONES: Record<keyof typeof PERIOD_STATUSES, Tone> = { open: 'blue', reviewing: 'gold', published: 'green' };

export function PeriodStatusTag({ status }: { status: keyof typeof PERIOD_STATUSES }) {
  return <ToneTag tone={TONES[status]}>{PERIOD_STATUSES[status]}</ToneTag>;
}

/** Points as people read them: 6.7, 10. */
export const pts = (n: number | null | undefined) => (n === null || n === undefined ? '—' : String(Math.round(n * 10) / 10));
