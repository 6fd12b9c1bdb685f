import { Card, Typography } from 'antd';
import { Link } from 'react-router-dom';
import { useResolutions } from '../../lib/queries/meetings';
import { hasRole } from '../../lib/session';
import styles from '../admin.module.css';
import { useAdminSession } from '../session-context';

/** 工作台: the overdue resolutions the caller's units own (nothing shown when there are none). */
export function OverdueResolutionsCard() {
  const session = useAdminSession();
  const sees = hasRole(session, 'institute_admin', 'station_admin', 'district_viewer');
  const list = useResolutions({ overdue: 'true', pageSize: 5 }, sees);
  if (!sees || !list.data || list.data.total === 0) return null;
  return (
    <Card
      variant="borderless"
      style={{ marginTop: 16, borderInlineStart: '4px solid #a8071a' }}
      title={<h2 style={{ fontSize: 16, margin: 0, color: '#a8071a' }}>逾期未办结的议定事项（{list.data.total}）</h2>}
      extra={<Link to="/admin/resolutions?state=overdue">查看全部</Link>}
    >
      <ul className={styles.rows}>
        {list.data.items.map((r) => (
          <li key={r.id}>
            <Link to={`/admin/resolutions?state=overdue&focus=${r.id}`} className={styles.rowName}>
              {r.content}
            </Link>
            <span className={styles.rowText}>
              {r.ownerUnitName} · 期限 <Typography.Text type="danger">{r.deadline}</Typography.Text>
            </span>
          </li>
        ))}
      </ul>
    </Card>
  );
}
