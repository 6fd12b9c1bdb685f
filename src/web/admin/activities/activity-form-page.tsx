import { Result, Skeleton } from 'antd';
import { Link, useParams } from 'react-router-dom';
import { ApiError } from '../../lib/api';
import { useActivity } from '../../lib/queries/activities';
import { useTitle } from '../../lib/title';
import { ActivityForm } from './form/activity-form';
import { LOCKED } from './form/values';

/** `/admin/activities/new` and `/admin/activities/:id/edit`. */
export default function ActivityFormPage() {
  const { id = '' } = useParams();
  const editing = !!id;
  const activity = useActivity(id, editing);
  useTitle(editing ? `修改活动${activity.data ? `：${activity.data.title}` : ''}` : '新建活动');

  if (editing && activity.isPending) return <Skeleton active paragraph={{ rows: 10 }} />;
  if (editing && activity.error) {
    const missing = activity.error instanceof ApiError && (activity.error.status === 404 || activity.error.status === 403);
    return (
      <Result
        status={missing ? '404' : 'error'}
        title={<h1 style={{ fontSize: 24, margin: 0 }}>{missing ? '活动不存在或无权查看' : '活动加载失败'}</h1>}
        subTitle={activity.error.message}
        extra={<Link to="/admin/activities">返回活动</Link>}
      />
    );
  }
  if (editing && activity.data && (!activity.data.canManage || LOCKED.includes(activity.data.status))) {
    return (
      <Result
        status="warning"
        title={<h1 style={{ fontSize: 24, margin: 0 }}>这个活动现在不能修改</h1>}
        subTitle={activity.data.canManage ? '活动已开始、已结束或已取消。' : '只有活动所属单位的管理员可以修改。'}
        extra={<Link to={`/admin/activities/${id}`}>返回活动详情</Link>}
      />
    );
  }
  return <ActivityForm activity={editing ? activity.data : undefined} />;
}
