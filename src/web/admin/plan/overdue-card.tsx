import { Card, Typography } from 'antd';
import { Link } from 'react-router-dom';
import { usePlanTasks } from '../../lib/queries/plan';
import { hasRole } from '../../lib/session';
import styles from '../admin.module.css';
import { useAdminSession } from '../session-context';

/** 工作台: the overdue plan tasks of the caller's units (nothing shown when there are none). */
export function OverduePlanTasksCard() {
  const session = useAdminSession();
  const sees = hasRole(session, 'institute_admin', 'station_admin', 'district_viewer');
  const list = usePlanTasks({ overdue: 'true', pageSize: 5 }, sees);
  if (!sees || !list.data || list.data.total === 0) return null;
  return (
    <Card
      variant="borderless"
      style={{ marginTop: 16, borderInlineStart: '4px solid #a8071a' }}
      title={<h2 style={{ fontSize: 16, margin: 0, color: '#a8071a' }}>逾期未完成的工作方案任务（{list.data.total}）</h2>}
      extra={<Link to="/admin/plan?state=overdue">查看全部</Link>}
    >
      <ul className={styles.rows}>
        {list.data.items.map((t) => (
          <li key={t.id}>
            <Link to={`/admin/plan?state=overdue&focus=${t.id}`} className={styles.rowName}>
              {t.title}
            </Link>
            <span className={styles.rowText}>
              {t.unitName} · {t.leadName} · 时限 <Typography.Text type="danger">{t.deadline}</Typography.Text>
            </span>
          </li>
        ))}
      </ul>
    </Card>
  );
}
