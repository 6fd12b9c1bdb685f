import { Tag } from 'antd';
import type { ReactNode } from 'react';
import type { StaffingView, UnitKind } from '../../../shared/org';

/** Tag colours chosen for ≥ 4.5:1 text contrast (antd's preset green/orange are lighter). */
const TONES = {
  red: { color: '#a8071a', background: '#fff1f0', borderColor: '#ffccc7' },
  green: { color: '#135200', background: '#f6ffed', borderColor: '#b7eb8f' },
  blue: { color: '#0b3d91', background: '#eef4ff', borderColor: '#b3ccff' },
  gold: { color: '#7a4100', background: '#fffbe6', borderColor: '#ffe58f' },
  grey: { color: '#3d434d', background: '#f2f3f5', borderColor: '#dcdfe4' },
} as const;
export type Tone = keyof typeof TONES;

/** `wrap` lets a long tag break onto two lines in a narrow column instead of overflowing it. */
export function ToneTag({ tone, children, wrap = false }: { tone: Tone; children: ReactNode; wrap?: boolean }) {
  return (
    <Tag style={{ ...TONES[tone], marginInlineEnd: 4, ...(wrap ? { whiteSpace: 'normal', height: 'auto' } : {}) }} variant="outlined">
      {children}
    </Tag>
  );
}

export const STAFFING_STATUS: Record<StaffingView['status'], { label: string; tone: Tone }> = {
  short: { label: '不足', tone: 'red' },
  ok: { label: '达标', tone: 'green' },
  over: { label: '超配', tone: 'blue' },
};

export function StaffingTag({ status }: { status: StaffingView['status'] }) {
  const s = STAFFING_STATUS[status];
  return <ToneTag tone={s.tone}>{s.label}</ToneTag>;
}

export function requiredText(required: StaffingView['required']): string {
  return required.min === required.max ? `${required.min}` : `${required.min}–${required.max}`;
}

/** Short names for the unit kinds, as staff say them. */
export const KIND_SHORT: Record<UnitKind, string> = { district: '区中心', institute: '实践所', station: '实践站' };

export function KindTag({ kind }: { kind: UnitKind }) {
  return <ToneTag tone={kind === 'station' ? 'grey' : kind === 'institute' ? 'red' : 'blue'}>{KIND_SHORT[kind]}</ToneTag>;
}
