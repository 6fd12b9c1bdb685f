import { Card, Typography } from 'antd';
import { Link } from 'react-router-dom';
import { useNeedsCounts } from '../../lib/queries/needs';
import { CountsState, NeedsBars } from './needs-counts';

/**
 * 群众需求（近 90 天）beside the service menu: what residents asked for by category, red where
 * there is demand but no menu item in use of that category.
 */
export function NeedsBesideMenu({ menuCategories }: { menuCategories: ReadonlySet<string> }) {
  const counts = useNeedsCounts({});
  const uncovered = (counts.data?.byCategory ?? []).filter((c) => !menuCategories.has(c.category)).length;
  return (
    <Card variant="borderless" title="群众需求（近 90 天）" extra={<Link to="/admin/needs">需求采集</Link>}>
      <CountsState isPending={counts.isPending} error={counts.error} />
      {counts.data ? (
        <>
          <Typography.Paragraph type="secondary" style={{ fontSize: 13 }}>
            各实践站采集的需求按类别统计。
            {uncovered ? (
              <Typography.Text type="danger">{`标红的 ${uncovered} 类有需求，但清单里还没有在用的服务项目。`}</Typography.Text>
            ) : (
              '每类需求都有对应的服务项目。'
            )}
          </Typography.Paragraph>
          <NeedsBars counts={counts.data} highlight={(c) => !menuCategories.has(c)} note="无项目" />
        </>
      ) : null}
    </Card>
  );
}
