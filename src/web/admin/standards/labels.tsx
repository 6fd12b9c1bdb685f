import { Tag } from 'antd';
import { STANDARD_STATUSES, type StandardStatus } from '../../../shared/rules/standards';

/** 达标 green, 部分达标 amber, 未达标 red: the board's cells and the drawer's tags. */
export const STATUS_STYLE: Record<StandardStatus, { background: string; color: string; border: string; tag: string }> = {
  met: { background: '#f6ffed', color: '#237804', border: '#b7eb8f', tag: 'success' },
  partial: { background: '#fffbe6', color: '#874d00', border: '#ffe58f', tag: 'warning' },
  missing: { background: '#fff1f0', color: '#cf1322', border: '#ffa39e', tag: 'error' },
};

/** Short words for the grid's cells. */
export const CELL_TEXT: Record<StandardStatus, string> = { met: '达标', partial: '部分', missing: '未达标' };

export function StatusTag({ status }: { status: StandardStatus }) {
  return <Tag color={STATUS_STYLE[status].tag}>{STANDARD_STATUSES[status]}</Tag>;
}

export function SourceTag({ source }: { source: 'auto' | 'confirmed' }) {
  return source === 'auto' ? <Tag>数据自动判定</Tag> : <Tag color="blue">以实践所确认为准</Tag>;
}

/** The grid's unit column: "金银社区新时代文明实践站" → "金银社区"; the full name shows on hover. */
export function shortUnitName(name: string): string {
  const short = name.replace(/新时代文明实践(站|所)$/, '');
  return short.length > 0 && short !== name ? short : name;
}
