import { Alert, Card, Skeleton, Typography } from 'antd';
import { Link } from 'react-router-dom';
import { useCareFlags } from '../../lib/queries/care';
import { hasRole } from '../../lib/session';
import { useAdminSession } from '../session-context';

/** 工作台: care recipients nobody has visited or called for too long, per station (admins only). */
export function CareFlagsCard() {
  const session = useAdminSession();
  const isAdmin = hasRole(session, 'institute_admin', 'station_admin');
  const flags = useCareFlags(isAdmin);
  if (!isAdmin) return null;
  if (flags.isPending) return <Skeleton active paragraph={{ rows: 2 }} style={{ marginTop: 16 }} />;
  // Not allowed or failed: the home page stays usable; the care page shows the error.
  if (flags.error) return null;
  const f = flags.data;
  return (
    <Card
      variant="borderless"
      style={{ marginTop: 16 }}
      title={<h2 style={{ fontSize: 16, margin: 0 }}>{f.total > 0 ? `关爱对象提醒：${f.total} 人超过 ${f.noContactDays} 天未联系` : '关爱对象提醒'}</h2>}
      extra={<Link to={f.total > 0 ? '/admin/care?flagged=true' : '/admin/care'}>查看关爱对象</Link>}
    >
      {f.total === 0 ? (
        <Typography.Text type="secondary">所有关爱对象都在 {f.noContactDays} 天内联系过。</Typography.Text>
      ) : (
        <>
          <Alert type="error" showIcon title="请尽快安排走访或电话联系，并在关爱对象页面记录情况。" style={{ marginBottom: 12 }} />
          <ul style={{ listStyle: 'none', margin: 0, padding: 0, display: 'flex', flexWrap: 'wrap', gap: '8px 24px' }}>
            {f.stations.map((s) => (
              <li key={s.stationId}>
                <Link to={`/admin/care?flagged=true&station=${encodeURIComponent(s.stationId)}`}>{s.stationName}</Link>
                <Typography.Text style={{ marginInlineStart: 6, color: '#a8071a', fontWeight: 600 }}>{s.count} 人</Typography.Text>
              </li>
            ))}
          </ul>
        </>
      )}
    </Card>
  );
}
