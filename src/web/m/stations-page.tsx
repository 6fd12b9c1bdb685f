import { Link } from 'react-router-dom';
import { type PublicUnit, usePublicSite, usePublicUnits } from '../lib/queries/public';
import { useSession } from '../lib/session';
import { useTitle } from '../lib/title';
import styles from './mobile.module.css';

/** `/m/stations` 身边的实践站: the directory, one tap below the home page; the person's own station first. */
export default function StationsPage() {
  useTitle('身边的实践站');
  const session = useSession();
  const site = usePublicSite();
  const units = usePublicUnits();
  const myUnitIds = new Set(session.data?.roles.map((r) => r.unitId) ?? []);
  const institute = site.data?.institutes[0];

  // The person's own station first, then the institute, then the other stations in their order.
  const list = [...(units.data ?? [])].sort(
    (a, b) => Number(myUnitIds.has(b.id)) - Number(myUnitIds.has(a.id)) || Number(b.kind === 'institute') - Number(a.kind === 'institute'),
  );

  return (
    <>
      <Link to="/m" className={styles.back}>
        ‹ 返回首页
      </Link>
      <h2 className={styles.sectionTitle}>
        身边的实践站
        {units.data ? <small>共 {units.data.filter((u) => u.kind === 'station').length} 个</small> : null}
      </h2>
      {institute ? (
        <p className={`${styles.text} ${styles.muted}`}>
          {institute.name}和 {institute.stationCount} 个社区实践站为居民提供理论宣讲、志愿服务、文化惠民等活动。
        </p>
      ) : null}
      {units.isPending ? (
        <p className={styles.empty} role="status">
          正在加载实践站…
        </p>
      ) : units.error ? (
        <div className={styles.errorBox} role="alert">
          实践站信息加载失败：{units.error.message}
          <button type="button" className={`${styles.btn} ${styles.btnGhost} ${styles.btnBlock}`} onClick={() => void units.refetch()}>
            重新加载
          </button>
        </div>
      ) : list.length === 0 ? (
        <p className={styles.empty}>暂未公布实践站信息</p>
      ) : (
        <ul className={styles.list}>
          {list.map((u) => (
            <UnitCard key={u.id} unit={u} mine={myUnitIds.has(u.id)} />
          ))}
        </ul>
      )}
    </>
  );
}

function UnitCard({ unit, mine }: { unit: PublicUnit; mine: boolean }) {
  return (
    <li className={mine ? `${styles.item} ${styles.mine}` : styles.item}>
      <h3 className={styles.itemTitle}>{unit.name}</h3>
      {mine || unit.kind === 'institute' ? (
        <p className={styles.text}>
          {mine ? <span className={styles.badge}>我的站点</span> : null}{' '}
          {unit.kind === 'institute' ? <span className={`${styles.badge} ${styles.badgeGrey}`}>实践所</span> : null}
        </p>
      ) : null}
      <p className={styles.unitAddress}>{unit.address ?? '地址待公布'}</p>
      {unit.phone ? (
        <div className={styles.unitActions}>
          <a className={styles.call} href={`tel:${unit.phone.replace(/[^0-9+]/g, '')}`} aria-label={`拨打 ${unit.name} 电话 ${unit.phone}`}>
            <svg viewBox="0 0 24 24" width="20" height="20" aria-hidden="true" focusable="false">
              <path
                d="M6.6 10.8a15.1 15.1 0 0 0 6.6 6.6l2.2-2.2c.3-.3.7-.4 1-.2 1.1.4 2.3.6 3.6.6.6 0 1 .4 1 1V20c0 .6-.4 1-1 1A17 17 0 0 1 3 4c0-.6.4-1 1-1h3.5c.6 0 1 .4 1 1 0 1.3.2 2.5.6 3.6.1.3 0 .7-.2 1z"
                fill="currentColor"
              />
            </svg>
            {unit.phone}
          </a>
        </div>
      ) : null}
    </li>
  );
}
