import { BellOutlined, LogoutOutlined, MobileOutlined, UserOutlined } from '@ant-design/icons';
import { useQueryClient } from '@tanstack/react-query';
import { App as AntApp, Badge, Button, ConfigProvider, Flex, Layout, Menu, Modal, Result, Spin, Typography } from 'antd';
import zhCN from 'antd/locale/zh_CN';
import dayjs from 'dayjs';
import 'dayjs/locale/zh-cn';
import { Suspense, useEffect, useState } from 'react';
import { Link, Navigate, Outlet, useLocation, useNavigate } from 'react-router-dom';
import { ROLES, type SessionView } from '../../shared/accounts';
import { getLastActivityAt, setCsrfToken } from '../lib/api';
import { notificationKeys, useNotifications } from '../lib/queries/notifications';
import { useAccessibleTables } from '../lib/table-a11y';
import { fetchSession, hasRole, loginPath, SESSION_KEY, sendLogout, useLogout, useSession } from '../lib/session';
import { PRODUCT_NAME } from '../lib/title';
import { PageLoading } from '../page-loading';
import styles from './admin.module.css';
import { canOpen, navFor, navItemFor } from './nav';
import { AdminSessionContext } from './session-context';
import { adminTheme } from './theme';

dayjs.locale('zh-cn');

/** The staff console: only staff get in, and a person who must change their password goes nowhere else. */
export default function AdminShell() {
  const { data: session, isPending, error, refetch } = useSession();
  const location = useLocation();
  const here = location.pathname + location.search;

  let body: React.ReactNode;
  if (isPending) body = <PageLoading label="正在确认登录状态…" />;
  else if (error) {
    body = (
      <main className={styles.centre}>
        <Result
          status="error"
          title={<h1 className={styles.resultTitle}>暂时无法连接服务器</h1>}
          subTitle={error.message}
          extra={
            <Button type="primary" onClick={() => void refetch()}>
              重试
            </Button>
          }
        />
      </main>
    );
  } else if (!session) body = <Navigate to={loginPath(here)} replace />;
  else if (!session.isStaff) body = <Navigate to="/m" replace />;
  else if (session.account.mustChangePassword && location.pathname !== '/admin/password') body = <Navigate to="/admin/password" replace />;
  else if (session.account.totpEnrolmentRequired && !session.account.mustChangePassword && !ENROLMENT_PATHS.includes(location.pathname))
    body = <Navigate to="/admin/security" replace />;
  else body = <Console session={session} />;

  return (
    <ConfigProvider locale={zhCN} theme={adminTheme}>
      <AntApp>{body}</AntApp>
    </ConfigProvider>
  );
}

/** All a session may reach while the rule requires two-factor login and it is not set up yet. */
const ENROLMENT_PATHS = ['/admin/security', '/admin/password'];

function primaryGrant(session: SessionView): string {
  const grant = session.roles.find((r) => ROLES[r.role].staff) ?? session.roles[0];
  if (!grant) return '';
  return `${ROLES[grant.role].label} · ${grant.unitName}`;
}

function Console({ session }: { session: SessionView }) {
  const location = useLocation();
  const navigate = useNavigate();
  const logout = useLogout();
  const [collapsed, setCollapsed] = useState(false);
  const items = session.account.mustChangePassword
    ? navFor(session).filter((i) => i.path === '/admin/password')
    : session.account.totpEnrolmentRequired
      ? navFor(session).filter((i) => ENROLMENT_PATHS.includes(i.path))
      : navFor(session);
  const current = navItemFor(location.pathname);
  useAccessibleTables();

  const signOut = () =>
    logout.mutate(undefined, {
      onSettled: () => navigate('/login', { replace: true }),
    });

  return (
    <AdminSessionContext.Provider value={session}>
      <Layout className={styles.layout}>
        <Layout.Sider
          width={216}
          breakpoint="lg"
          collapsedWidth={0}
          collapsed={collapsed}
          onCollapse={setCollapsed}
          className={styles.sider}
          zeroWidthTriggerStyle={{ top: 12 }}
        >
          <Link to="/admin" className={styles.brand} aria-label={`${PRODUCT_NAME} 工作台首页`}>
            <img src="/favicon.svg" alt="" width={32} height={32} />
            <span>
              <strong>实践</strong>
              <small>新时代文明实践平台</small>
            </span>
          </Link>
          <nav aria-label="主菜单">
            <Menu
              mode="inline"
              selectedKeys={current ? [current.path] : []}
              items={items.map((item) => ({
                key: item.path,
                icon: item.icon,
                label: item.newTab ? (
                  <Link to={item.path} target="_blank" rel="noopener">
                    {item.label}
                  </Link>
                ) : (
                  <Link to={item.path}>{item.label}</Link>
                ),
              }))}
              style={{ borderInlineEnd: 0 }}
            />
          </nav>
        </Layout.Sider>
        <Layout>
          <Layout.Header className={styles.header}>
            <Typography.Text className={styles.crumb}>{current?.label ?? '工作台'}</Typography.Text>
            <Flex align="center" gap={4} wrap={false} className={styles.who}>
              <UserOutlined aria-hidden="true" />
              <span className={styles.name}>{session.account.displayName}</span>
              <Typography.Text type="secondary" className={styles.unit}>
                {primaryGrant(session)}
              </Typography.Text>
              <InboxBell />
              {hasRole(session, 'station_admin', 'institute_admin', 'district_viewer') ? (
                <Link to="/m/station" className={styles.headerLink}>
                  <MobileOutlined aria-hidden="true" /> <span className={styles.narrowHidden}>手机工作台</span>
                </Link>
              ) : null}
              {/* On a phone 修改密码 is in the menu only, and 退出登录 shows its icon: the header fits 375 px with a long name. */}
              <Link to="/admin/password" className={`${styles.headerLink} ${styles.narrowGone}`}>
                修改密码
              </Link>
              <Button type="text" icon={<LogoutOutlined />} onClick={signOut} loading={logout.isPending}>
                <span className={styles.narrowHidden}>退出登录</span>
              </Button>
            </Flex>
          </Layout.Header>
          <Layout.Content className={styles.content}>
            <Suspense
              fallback={
                <div className={styles.centre} role="status">
                  <Spin description="正在加载…" />
                </div>
              }
            >
              {canOpen(session, location.pathname) ? <Outlet /> : <NoAccess />}
            </Suspense>
          </Layout.Content>
          <Layout.Footer className={styles.footer}>实践 · 新时代文明实践平台 · 工作台</Layout.Footer>
        </Layout>
      </Layout>
      {/* The server refreshes a session's idle clock at most once a minute, so count a minute short. */}
      <IdleWatcher idleSeconds={session.idleTimeoutSeconds > 300 ? session.idleTimeoutSeconds - 60 : session.idleTimeoutSeconds} />
    </AdminSessionContext.Provider>
  );
}

/**
 * The unread count in the header. It is read again when the person moves to another page or comes back to the
 * window — never on a timer, which would keep an idle session alive past the 等保 idle timeout.
 */
function InboxBell() {
  const client = useQueryClient();
  const { pathname } = useLocation();
  const list = useNotifications();
  useEffect(() => {
    if (pathname) void client.invalidateQueries({ queryKey: notificationKeys.all, refetchType: 'active' });
  }, [client, pathname]);
  const unread = list.data?.unread ?? 0;
  return (
    <Link to="/admin/inbox" className={styles.headerLink} aria-label={unread > 0 ? `消息待办，${unread} 条未读消息` : '消息待办'}>
      <Badge count={unread} size="small" overflowCount={99}>
        <BellOutlined aria-hidden="true" style={{ fontSize: 18 }} />
      </Badge>
      <span className={styles.narrowHidden} style={{ marginInlineStart: unread > 9 ? 10 : 6 }}>
        消息
      </span>
    </Link>
  );
}

function NoAccess() {
  return (
    <Result
      status="403"
      title={<h1 className={styles.resultTitle}>没有权限访问此页面</h1>}
      subTitle="这个页面只对特定岗位开放。如需使用，请联系实践所管理员。"
      extra={
        <Link to="/admin">
          <Button type="primary">返回工作台</Button>
        </Link>
      }
    />
  );
}

function formatLeft(seconds: number): string {
  const m = Math.floor(seconds / 60);
  const s = seconds % 60;
  return m > 0 ? `${m} 分 ${s} 秒` : `${s} 秒`;
}

/**
 * The server ends a staff session after `idleTimeoutSeconds` without requests (等保 登录连接超时自动退出).
 * Warn before that happens, keep the session alive while the person is actually working (typing a
 * long form makes no requests), and go to the login page when it has run out.
 */
function IdleWatcher({ idleSeconds }: { idleSeconds: number }) {
  const client = useQueryClient();
  const navigate = useNavigate();
  const location = useLocation();
  const [left, setLeft] = useState<number | null>(null);
  const warnAt = Math.min(120, Math.floor(idleSeconds / 4));
  const here = location.pathname + location.search;

  useEffect(() => {
    const expire = () => {
      navigate(loginPath(here, 'idle'), { replace: true });
      // The server has ended the session by now too; logging out makes sure of it.
      void sendLogout().finally(() => setCsrfToken(null));
      client.clear();
      client.setQueryData(SESSION_KEY, null);
    };
    const tick = () => {
      const remaining = Math.ceil(idleSeconds - (Date.now() - getLastActivityAt()) / 1000);
      if (remaining <= 0) expire();
      else setLeft(remaining <= warnAt ? remaining : null);
    };
    tick();
    const id = window.setInterval(tick, 1000);
    return () => window.clearInterval(id);
  }, [client, navigate, here, idleSeconds, warnAt]);

  useEffect(() => {
    let busy = false;
    const onActivity = () => {
      const since = (Date.now() - getLastActivityAt()) / 1000;
      if (busy || since < Math.min(300, idleSeconds / 3) || since > idleSeconds - warnAt) return;
      busy = true;
      fetchSession()
        .then((s) => client.setQueryData(SESSION_KEY, s))
        .catch(() => undefined)
        .finally(() => {
          busy = false;
        });
    };
    window.addEventListener('keydown', onActivity);
    window.addEventListener('pointerdown', onActivity);
    return () => {
      window.removeEventListener('keydown', onActivity);
      window.removeEventListener('pointerdown', onActivity);
    };
  }, [client, idleSeconds, warnAt]);

  const stay = () => {
    void fetchSession().then((s) => {
      client.setQueryData(SESSION_KEY, s);
      if (!s) navigate(loginPath(here, 'expired'), { replace: true });
    });
  };

  return (
    <Modal
      open={left !== null}
      title="即将自动退出登录"
      onCancel={stay}
      onOk={stay}
      okText="继续使用"
      cancelButtonProps={{ style: { display: 'none' } }}
      mask={{ closable: false }}
    >
      <p>
        您已有一段时间没有操作。为保护账号安全，系统将在 <strong>{left !== null ? formatLeft(left) : ''}</strong> 后自动退出登录。
      </p>
      <p>如需继续工作，请点击「继续使用」。</p>
    </Modal>
  );
}
