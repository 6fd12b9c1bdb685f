import { Link, useNavigate } from 'react-router-dom';
import { useElderMode } from '../lib/elder';
import { useNotifications } from '../lib/queries/notifications';
import { hasRole, useLogout, useSession } from '../lib/session';
import { useTitle } from '../lib/title';
import { Loading, SignInFirst } from './components/sign-in-first';
import { RoleList } from './components/role-list';
import styles from './mobile.module.css';

export default function MePage() {
  useTitle('我的');
  const session = useSession();
  const logout = useLogout();
  const navigate = useNavigate();
  const [elder, setElder] = useElderMode();
  const me = session.data;
  const notices = useNotifications(Boolean(me));

  const elderRow = (
    <ul className={styles.menu} aria-label="显示设置">
      <li>
        <button type="button" role="switch" aria-checked={elder} className={styles.menuItem} onClick={() => setElder(!elder)}>
          <span>
            长辈版
            <span className={styles.hint}>更大的字和按钮</span>
          </span>
          <span className={elder ? `${styles.switch} ${styles.switchOn}` : styles.switch} aria-hidden="true" />
        </button>
      </li>
    </ul>
  );

  if (session.isPending) return <Loading />;

  if (!me) {
    return (
      <>
        <SignInFirst label="未登录" title="您还没有登录" text="登录后可以查看自己的身份和所在实践站，修改密码。" next="/m/me" />
        {elderRow}
      </>
    );
  }

  const signOut = () => logout.mutate(undefined, { onSettled: () => navigate('/m', { replace: true }) });

  return (
    <>
      <section className={styles.card} aria-label="个人信息">
        <div className={styles.profile}>
          <span className={styles.avatar} aria-hidden="true">
            {[...me.account.displayName][0] ?? '我'}
          </span>
          <div>
            <p className={styles.profileName}>{me.account.displayName}</p>
            <p className={styles.muted} style={{ margin: 0 }}>
              账号 {me.account.username}
            </p>
            {me.account.phoneMasked ? (
              <p className={styles.muted} style={{ margin: 0 }}>
                手机 {me.account.phoneMasked}
              </p>
            ) : null}
          </div>
        </div>
        {me.roles.length ? <RoleList roles={me.roles} /> : null}
      </section>

      {elderRow}

      <ul className={styles.menu} aria-label="账号">
        <li>
          <Link to="/m/notices" className={styles.menuItem}>
            <span>
              我的消息
              {notices.data?.unread ? (
                <span className={styles.badge} style={{ marginInlineStart: 8 }}>
                  {notices.data.unread} 条未读
                </span>
              ) : null}
            </span>
            <span className={styles.chevron} aria-hidden="true">
              ›
            </span>
          </Link>
        </li>
        {hasRole(me, 'station_admin', 'institute_admin', 'district_viewer') ? (
          <li>
            <Link to="/m/station" className={styles.menuItem}>
              手机工作台
              <span className={styles.chevron} aria-hidden="true">
                ›
              </span>
            </Link>
          </li>
        ) : null}
        {me.isStaff ? (
          <li>
            <Link to="/admin" className={styles.menuItem}>
              电脑版工作台
              <span className={styles.chevron} aria-hidden="true">
                ›
              </span>
            </Link>
          </li>
        ) : null}
        <li>
          <Link to="/m/privacy" className={styles.menuItem}>
            <span>
              我的个人信息
              <span className={styles.hint}>下载我的数据、申请删除</span>
            </span>
            <span className={styles.chevron} aria-hidden="true">
              ›
            </span>
          </Link>
        </li>
        <li>
          <Link to="/m/password" className={styles.menuItem}>
            修改密码
            <span className={styles.chevron} aria-hidden="true">
              ›
            </span>
          </Link>
        </li>
      </ul>

      <button type="button" className={`${styles.btn} ${styles.btnGhost} ${styles.btnBlock}`} onClick={signOut} disabled={logout.isPending}>
        {logout.isPending ? '正在退出…' : '退出登录'}
      </button>
    </>
  );
}
