import { Typography } from 'antd';
import { Link } from 'react-router-dom';
import type { PointEntry } from '../../lib/queries/points';

export function pointsText(n: number) {
  return (
    <Typography.Text type={n < 0 ? 'danger' : undefined} style={{ fontVariantNumeric: 'tabular-nums' }}>
      {n > 0 ? '+' : ''}
      {n}
    </Typography.Text>
  );
}

export function SourceCell({ entry }: { entry: PointEntry }) {
  return entry.link ? <Link to={entry.link}>{entry.sourceLabel}</Link> : <span>{entry.sourceLabel}</span>;
}
