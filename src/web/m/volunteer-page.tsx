import { Link } from 'react-router-dom';
import { useMyVolunteer } from '../lib/queries/volunteers';
import { useSession } from '../lib/session';
import { useTitle } from '../lib/title';
import styles from './mobile.module.css';
import { Notifications } from './volunteer-parts';
import { StatusCard } from './volunteer-status-card';
import { HoursBlock } from './volunteer-hours';
import { Records } from './volunteer-records';
import { Certificates, Teams } from './volunteer-teams';

export default function VolunteerPage() {
  useTitle('我的志愿');
  const session = useSession();
  const me = session.data;
  const mine = useMyVolunteer(!!me);

  if (session.isPending || (me && mine.isPending)) {
    return (
      <p className={styles.empty} role="status">
        正在加载…
      </p>
    );
  }

  if (!me) {
    return (
      <section className={styles.card} aria-label="成为志愿者">
        <p className={styles.hello}>一起来做志愿者</p>
        <p className={`${styles.text} ${styles.muted}`}>在身边的实践站参加志愿服务，服务时长会记录下来，可以评星级、开具志愿服务证明。</p>
        <Link to="/m/register" className={`${styles.btn} ${styles.btnBlock}`}>
          注册成为志愿者
        </Link>
        <Link to="/login?next=/m/volunteer" className={`${styles.btn} ${styles.btnGhost} ${styles.btnBlock}`}>
          已注册，去登录
        </Link>
      </section>
    );
  }

  if (mine.error) {
    return (
      <div className={styles.errorBox} role="alert">
        志愿者信息加载失败：{mine.error.message}
        <button type="button" className={`${styles.btn} ${styles.btnGhost} ${styles.btnBlock}`} onClick={() => void mine.refetch()}>
          重新加载
        </button>
      </div>
    );
  }

  if (!mine.data) {
    return (
      <section className={styles.card} aria-label="成为志愿者">
        <p className={styles.hello}>您还不是志愿者</p>
        <p className={`${styles.text} ${styles.muted}`}>
          注册只需 3 步：填写基本信息、选择想参加的服务、阅读并同意。所在实践站审核通过后，就可以参加志愿服务、累计服务时长了。
        </p>
        <Link to="/m/register" className={`${styles.btn} ${styles.btnBlock}`}>
          注册成为志愿者
        </Link>
      </section>
    );
  }

  const volunteer = mine.data.volunteer;
  return (
    <>
      <Notifications />
      <StatusCard volunteer={volunteer} />
      <HoursBlock />
      <Link to="/m/points" className={`${styles.btn} ${styles.btnGhost} ${styles.btnBlock}`}>
        我的积分 ›
      </Link>
      <Records />
      {volunteer.status === 'certified' || volunteer.status === 'suspended' ? <Teams certified={volunteer.status === 'certified'} /> : null}
      <Certificates volunteer={volunteer} />
      <Link to="/m/honours" className={`${styles.btn} ${styles.btnGhost} ${styles.btnBlock}`}>
        我的荣誉与礼遇
      </Link>
    </>
  );
}

// ---------------------------------------------------------------- notifications
