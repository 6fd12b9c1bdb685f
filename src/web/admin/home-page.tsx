import { ApartmentOutlined, AuditOutlined, ClusterOutlined, MobileOutlined, SettingOutlined, TeamOutlined } from '@ant-design/icons';
import { Alert, Card, Col, Empty, Grid, Row, Skeleton, Statistic, Typography } from 'antd';
import type { ReactNode } from 'react';
import { Link } from 'react-router-dom';
import { ROLES } from '../../shared/accounts';
import { formatToday, greeting } from '../lib/format';
import { useStaffing, useUnits } from '../lib/queries/org';
import { hasRole } from '../lib/session';
import { MonthlyCard } from './activities/monthly-card';
import { CareFlagsCard } from './care/care-flags-card';
import { OverdueResolutionsCard } from './meetings/overdue-card';
import { OverduePlanTasksCard } from './plan/overdue-card';
import { PageHeader } from './components/page-header';
import { KindTag, requiredText, StaffingTag, ToneTag } from './components/tags';
import styles from './admin.module.css';
import { useAdminSession } from './session-context';

const SHORTCUTS: { path: string; title: string; text: string; icon: ReactNode; roles: (keyof typeof ROLES)[] }[] = [
  {
    path: '/admin/district',
    title: '区级管理',
    text: '各街道的志愿者、时长、活动和点单汇总，新建街道及其管理员',
    icon: <ClusterOutlined />,
    roles: ['district_admin', 'district_viewer'],
  },
  {
    path: '/admin/org',
    title: '组织架构',
    text: '实践所、实践站的基本信息，岗位任职与领导小组',
    icon: <ApartmentOutlined />,
    roles: ['institute_admin', 'station_admin', 'district_viewer'],
  },
  {
    path: '/admin/accounts',
    title: '账号管理',
    text: '新建账号、重置密码、停用与强制下线',
    icon: <TeamOutlined />,
    roles: ['institute_admin', 'station_admin'],
  },
  {
    path: '/admin/settings',
    title: '规则设置',
    text: '工作方案中的数字：活动频次、人员配备、星级门槛等',
    icon: <SettingOutlined />,
    roles: ['institute_admin', 'station_admin', 'district_admin', 'district_viewer'],
  },
  { path: '/admin/audit', title: '审计日志', text: '登录与修改操作的完整记录，可校验是否被篡改', icon: <AuditOutlined />, roles: ['institute_admin'] },
  {
    path: '/m',
    title: '移动端',
    text: '志愿者与居民使用的手机页面：身边的实践站、长辈版大字模式',
    icon: <MobileOutlined />,
    roles: ['team_leader', 'volunteer', 'resident'],
  },
];

export default function HomePage() {
  const session = useAdminSession();
  const seesOrg = hasRole(session, 'institute_admin', 'station_admin', 'district_viewer');
  const shortcuts = SHORTCUTS.filter((s) => hasRole(session, ...s.roles));

  return (
    <>
      <PageHeader
        title="工作台"
        description={
          <>
            {greeting()}，{session.account.displayName}。今天是 {formatToday()}。
          </>
        }
      />
      <PhoneHint />
      <Card variant="borderless" style={{ marginBottom: 16 }}>
        <Typography.Title level={2} style={{ fontSize: 16, marginTop: 0 }}>
          我的岗位
        </Typography.Title>
        {session.roles.length === 0 ? (
          <Typography.Text type="secondary">尚未分配岗位，请联系实践所管理员。</Typography.Text>
        ) : (
          session.roles.map((grant) => (
            <ToneTag key={`${grant.role}-${grant.unitId}`} tone="red">
              {ROLES[grant.role].label} · {grant.unitName}
            </ToneTag>
          ))
        )}
      </Card>
      {seesOrg ? <OrgOverview /> : null}
      <MonthlyCard />
      <CareFlagsCard />
      <OverdueResolutionsCard />
      <OverduePlanTasksCard />
      {shortcuts.length > 0 ? (
        <>
          <Typography.Title level={2} style={{ fontSize: 16, margin: '24px 0 12px' }}>
            常用功能
          </Typography.Title>
          <Row gutter={[16, 16]}>
            {shortcuts.map((s) => (
              <Col key={s.path} xs={24} sm={12} xl={6}>
                <Link to={s.path} style={{ display: 'block', height: '100%' }}>
                  <Card hoverable variant="borderless" style={{ height: '100%' }}>
                    <Card.Meta avatar={<span style={{ fontSize: 24, color: '#c7000b' }}>{s.icon}</span>} title={s.title} description={s.text} />
                  </Card>
                </Link>
              </Col>
            ))}
          </Row>
        </>
      ) : null}
    </>
  );
}

/** On a phone-sized screen, the console points the station head to the page made for the phone. */
function PhoneHint() {
  const session = useAdminSession();
  const screens = Grid.useBreakpoint();
  const narrow = screens.md === false;
  if (!narrow || !hasRole(session, 'institute_admin', 'station_admin', 'district_viewer')) return null;
  return (
    <Alert
      type="info"
      showIcon
      icon={<MobileOutlined />}
      style={{ marginBottom: 16 }}
      title="在手机上打开"
      description={
        <>
          <div>手机工作台为手机屏幕设计：议定事项、工作任务和今日活动一屏看全，可随手追加跟进、拍照记录进展。</div>
          <Link to="/m/station" style={{ display: 'inline-flex', alignItems: 'center', minHeight: 44, fontSize: 16, fontWeight: 600 }}>
            打开手机工作台 ›
          </Link>
        </>
      }
    />
  );
}

function OrgOverview() {
  const units = useUnits();
  const staffing = useStaffing();

  if (units.isPending || staffing.isPending) return <Skeleton active paragraph={{ rows: 4 }} />;
  if (units.error || staffing.error) {
    return <Alert type="error" showIcon title="统计数据加载失败" description={(units.error ?? staffing.error)?.message} />;
  }

  const stations = units.data.filter((u) => u.kind === 'station' && !u.archived).length;
  const institutes = units.data.filter((u) => u.kind === 'institute' && !u.archived).length;
  const short = staffing.data.filter((s) => s.status === 'short');
  const ok = staffing.data.filter((s) => s.status === 'ok').length;
  const over = staffing.data.filter((s) => s.status === 'over').length;

  return (
    <>
      <Row gutter={[16, 16]}>
        <Col xs={12} lg={6}>
          <Card variant="borderless">
            <Statistic title="实践所" value={institutes} suffix="个" />
          </Card>
        </Col>
        <Col xs={12} lg={6}>
          <Card variant="borderless">
            <Statistic title="实践站" value={stations} suffix="个" />
          </Card>
        </Col>
        <Col xs={12} lg={6}>
          <Card variant="borderless">
            <Statistic title="工作人员配备不足" value={short.length} suffix="个单位" styles={{ content: { color: short.length ? '#a8071a' : undefined } }} />
          </Card>
        </Col>
        <Col xs={12} lg={6}>
          <Card variant="borderless">
            <Statistic title="工作人员配备达标" value={ok} suffix="个单位" />
            {over > 0 ? <Typography.Text type="secondary">另有 {over} 个单位超配</Typography.Text> : null}
          </Card>
        </Col>
      </Row>
      <Card
        variant="borderless"
        style={{ marginTop: 16 }}
        title={<h2 style={{ fontSize: 16, margin: 0 }}>工作人员配备不足的单位</h2>}
        extra={<Link to="/admin/org">查看组织架构</Link>}
      >
        {short.length === 0 ? (
          <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description="所有单位的工作人员配备均已达标" />
        ) : (
          <ul className={styles.rows}>
            {short.map((s) => (
              <li key={s.unitId}>
                <KindTag kind={s.kind} />
                <Link to={`/admin/org/${s.unitId}`} className={styles.rowName}>
                  {s.unitName}
                </Link>
                <span className={styles.rowText}>
                  工作人员 实有 {s.actual} 人 / 应配 {requiredText(s.required)} 人
                </span>
                <StaffingTag status={s.status} />
              </li>
            ))}
          </ul>
        )}
      </Card>
    </>
  );
}
