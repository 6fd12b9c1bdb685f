import { Alert, Empty, Flex, Skeleton, Typography } from 'antd';
import type { NeedsCounts } from '../../lib/queries/needs';

/** Counts by category as bars; `highlight` marks categories (e.g. those with no menu item). */
export function NeedsBars({ counts, highlight, note }: { counts: NeedsCounts; highlight?: (category: string) => boolean; note?: string }) {
  const max = Math.max(1, ...counts.byCategory.map((c) => c.records));
  if (counts.byCategory.length === 0) return <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description="这段时间还没有登记需求" />;
  return (
    <Flex vertical gap={6}>
      {counts.byCategory.map((c) => {
        const hot = highlight?.(c.category) ?? false;
        return (
          <div key={c.category} style={{ display: 'grid', gridTemplateColumns: '5.5em 1fr auto', gap: 8, alignItems: 'center' }}>
            <Typography.Text strong={hot} type={hot ? 'danger' : undefined}>
              {c.category}
            </Typography.Text>
            <div style={{ background: '#f2f3f5', borderRadius: 4, height: 12 }} aria-hidden>
              <div style={{ width: `${(c.records / max) * 100}%`, background: hot ? '#cf1322' : '#1f5fbf', height: 12, borderRadius: 4 }} />
            </div>
            <Typography.Text style={{ fontSize: 13, whiteSpace: 'nowrap' }}>
              {c.records} 条 · {c.people} 人{hot && note ? <Typography.Text type="danger">（{note}）</Typography.Text> : null}
            </Typography.Text>
          </div>
        );
      })}
    </Flex>
  );
}

export function CountsState({ isPending, error }: { isPending: boolean; error: Error | null }) {
  if (error) return <Alert type="error" showIcon title="需求统计加载失败" description={error.message} />;
  if (isPending) return <Skeleton active paragraph={{ rows: 4 }} />;
  return null;
}
