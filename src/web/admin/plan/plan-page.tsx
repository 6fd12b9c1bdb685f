import { Card, Tabs } from 'antd';
import { useSearchParams } from 'react-router-dom';
import { hasRole } from '../../lib/session';
import { PageHeader } from '../components/page-header';
import { useAdminSession } from '../session-context';
import { DocumentsTab } from './documents-tab';
import { MilestonesTab } from './milestones-tab';
import { TasksTab } from './tasks-tab';

/** 工作方案: the task table (附件2), the implementation steps (四、(二)) and each unit's rules documents. */
export default function PlanPage() {
  const session = useAdminSession();
  const [params, setParams] = useSearchParams();
  const tab = params.get('tab') ?? 'tasks';
  const canManage = hasRole(session, 'institute_admin');
  const canWrite = hasRole(session, 'institute_admin', 'station_admin');
  return (
    <>
      <PageHeader title="工作方案" description="任务分解表的落实情况（逾期未完成的以红色标出）、实施步骤的时间节点，以及各单位的制度文件。" />
      <Card variant="borderless">
        <Tabs
          activeKey={tab}
          onChange={(key) => setParams(new URLSearchParams({ tab: key }), { replace: true })}
          destroyOnHidden
          items={[
            { key: 'tasks', label: '任务分解', children: <TasksTab canManage={canManage} canWrite={canWrite} /> },
            { key: 'milestones', label: '实施步骤', children: <MilestonesTab canManage={canManage} /> },
            { key: 'documents', label: '制度文件', children: <DocumentsTab canWrite={canWrite} /> },
          ]}
        />
      </Card>
    </>
  );
}
