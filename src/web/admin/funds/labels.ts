import { FUND_KINDS, FUND_SOURCES, type FundKind, type FundSource } from '../../../shared/funds';

export const KIND_OPTIONS = (Object.keys(FUND_KINDS) as FundKind[]).map((k) => ({ value: k, label: FUND_KINDS[k] }));
export const SOURCE_OPTIONS = (Object.keys(FUND_SOURCES) as FundSource[]).map((s) => ({ value: s, label: FUND_SOURCES[s] }));

export function sourceLabel(source: FundSource, department?: string | null): string {
  return source === 'coordinated' && department ? `${FUND_SOURCES[source]}（${department}）` : FUND_SOURCES[source];
}

export function shareText(share: number | null): string {
  return share === null ? '无预算' : `${share.toFixed(1)}%`;
}
