import { lazy, Suspense, useMemo, useState } from 'react';
import { Link } from 'react-router-dom';
import { type PublicInstitute, type PublicUnit, usePublicSite, usePublicUnits } from '../lib/queries/public';
import { useSession } from '../lib/session';
import { PRODUCT_NAME, useTitle } from '../lib/title';
import { UpcomingActivities } from './activities/upcoming-section';
import { PortalHeader } from './portal-header';
import styles from './portal.module.css';
import { NumberForm } from './verify-form';

// The venues map and brand showcase load as their own chunk, after the page itself.
const VenuesSection = lazy(() => import('./venues/venues-section'));
// The latest news, a small chunk of its own.
const LatestNews = lazy(() => import('./news/latest-news'));

export default function PortalPage() {
  const site = usePublicSite();
  const units = usePublicUnits();
  const _session = useSession();
  const institutes = site.data?.institutes ?? [];
  const main = institutes[0];
  useTitle(main?.name);

  return (
    <div className={styles.page}>
      <PortalHeader
        extra={
          <>
            <a href="#stations">实践站名录</a>
            <a href="#venues">实践阵地</a>
          </>
        }
      />

      <main id="content">
        <section className={styles.hero} aria-labelledby="portal-title">
          <div className={styles.heroInner}>
            {site.isPending ? (
              <h1 id="portal-title" className={styles.heroTitle}>
                新时代文明实践
              </h1>
            ) : site.error ? (
              <>
                <h1 id="portal-title" className={styles.heroTitle}>
                  新时代文明实践
                </h1>
                <p className={styles.heroText} role="alert">
                  站点信息暂时无法加载：{site.error.message}
                </p>
              </>
            ) : (
              <>
                {site.data?.district ? <p className={styles.eyebrow}>{site.data.district.name}</p> : null}
                <h1 id="portal-title" className={styles.heroTitle}>
                  {main?.name ?? '新时代文明实践'}
                </h1>
                {main?.intro ? <p className={styles.heroText}>{main.intro}</p> : null}
                {main ? <Facts institute={main} /> : null}
              </>
            )}
          </div>
        </section>

        <UpcomingActivities />

        {institutes.length > 1 ? (
          <section className={styles.section} aria-labelledby="institutes-title">
            <h2 id="institutes-title" className={styles.sectionTitle}>
              各街道实践所
            </h2>
            <ul className={styles.grid}>
              {institutes.map((i) => (
                <li key={i.id} className={styles.card}>
                  <h3 className={styles.cardTitle}>{i.name}</h3>
                  <p className={styles.cardText}>{i.address ?? '地址待公布'}</p>
                  <p className={styles.cardText}>下设实践站 {i.stationCount} 个</p>
                </li>
              ))}
            </ul>
          </section>
        ) : null}

        <Suspense fallback={null}>
          <LatestNews />
        </Suspense>

        <Directory units={units.data} loading={units.isPending} error={units.error?.message} onRetry={() => void units.refetch()} institutes={institutes} />

        <Suspense fallback={null}>
          <VenuesSection />
        </Suspense>

        <section className={styles.section} aria-labelledby="verify-title">
          <h2 id="verify-title" className={styles.sectionTitle}>
            志愿服务证明核验
          </h2>
          <div className={styles.card}>
            <p className={styles.cardText} style={{ marginTop: 0, marginBottom: 12 }}>
              收到志愿服务记录证明？输入证明上的编号，或扫描证明上的二维码，即可核对真伪，无需登录。
            </p>
            <NumberForm />
          </div>
        </section>

        <section className={styles.section} aria-labelledby="join-title">
          <h2 id="join-title" className={styles.sectionTitle}>
            使用本平台
          </h2>
          <div className={styles.grid}>
            <div className={styles.card}>
              <h3 className={styles.cardTitle}>群众点单</h3>
              <p className={styles.cardText}>家里有事需要帮忙？向社区实践站点单，志愿者上门服务。实践站工作人员会先电话联系您核实。</p>
              <Link to="/order" className={styles.cardLink}>
                我要点单
              </Link>
            </div>
            <div className={styles.card}>
              <h3 className={styles.cardTitle}>志愿者和居民</h3>
              <p className={styles.cardText}>用手机打开本平台的移动端，注册成为志愿者，查看服务时长、星级，开具志愿服务证明。页面支持「长辈版」大字模式。</p>
              <Link to="/m" className={styles.cardLink}>
                打开移动端
              </Link>
              <Link to="/m/register" className={styles.cardLink} style={{ marginInlineStart: 16 }}>
                注册志愿者
              </Link>
            </div>
            <div className={styles.card}>
              <h3 className={styles.cardTitle}>实践所、实践站工作人员</h3>
              <p className={styles.cardText}>使用管理员开通的账号登录工作台，维护组织架构、岗位任职、账号和工作规则。</p>
              <Link to="/login" className={styles.cardLink}>
                工作人员登录
              </Link>
            </div>
          </div>
        </section>
      </main>

      <footer className={styles.footer}>
        <div className={styles.footerInner}>
          {main ? (
            <address className={styles.footerAddress}>
              <strong>{main.name}</strong>
              {main.address ? <span>地址：{main.address}</span> : null}
              {main.phone ? (
                <span>
                  电话：<a href={`tel:${main.phone.replace(/[^0-9+]/g, '')}`}>{main.phone}</a>
                </span>
              ) : null}
            </address>
          ) : null}
          <p className={styles.footerProduct}>{PRODUCT_NAME}</p>
        </div>
      </footer>
    </div>
  );
}

function Facts({ institute }: { institute: PublicInstitute }) {
  return (
    <dl className={styles.facts}>
      <div>
        <dt>下设实践站</dt>
        <dd>
          <strong>{institute.stationCount}</strong> 个
        </dd>
      </div>
      {institute.address ? (
        <div>
          <dt>地址</dt>
          <dd>{institute.address}</dd>
        </div>
      ) : null}
      {institute.phone ? (
        <div>
          <dt>电话</dt>
          <dd>
            <a href={`tel:${institute.phone.replace(/[^0-9+]/g, '')}`}>{institute.phone}</a>
          </dd>
        </div>
      ) : null}
    </dl>
  );
}

function Directory({
  units,
  loading,
  error,
  onRetry,
  institutes,
}: {
  units: PublicUnit[] | undefined;
  loading: boolean;
  error?: string;
  onRetry: () => void;
  institutes: PublicInstitute[];
}) {
  const [query, setQuery] = useState('');
  const stations = useMemo(() => {
    const q = query.trim();
    const list = (units ?? []).filter((u) => u.kind === 'station');
    return q ? list.filter((u) => u.name.includes(q) || u.address?.includes(q)) : list;
  }, [units, query]);
  const total = (units ?? []).filter((u) => u.kind === 'station').length;
  const byInstitute = institutes.length > 1;

  return (
    <section className={styles.section} aria-labelledby="stations-title" id="stations">
      <div className={styles.sectionHead}>
        <h2 id="stations-title" className={styles.sectionTitle}>
          实践站名录
        </h2>
        {total > 0 ? (
          <label className={styles.search}>
            <span className="sr-only">按名称或地址查找实践站</span>
            <input type="search" placeholder="按名称或地址查找" value={query} onChange={(e) => setQuery(e.target.value)} />
          </label>
        ) : null}
      </div>
      {loading ? (
        <p className={styles.state} role="status">
          正在加载实践站…
        </p>
      ) : error ? (
        <div className={styles.state} role="alert">
          <p>实践站名录加载失败：{error}</p>
          <button type="button" onClick={onRetry} className={styles.retry}>
            重新加载
          </button>
        </div>
      ) : total === 0 ? (
        <p className={styles.state}>暂未公布实践站信息</p>
      ) : (
        <>
          <p className={styles.count} aria-live="polite">
            {query.trim() ? `找到 ${stations.length} 个实践站` : `共 ${total} 个社区实践站`}
          </p>
          {stations.length === 0 ? (
            <p className={styles.state}>没有找到符合条件的实践站</p>
          ) : (
            <ul className={styles.grid}>
              {stations.map((u) => (
                <li key={u.id} className={styles.card}>
                  <h3 className={styles.cardTitle}>{u.name}</h3>
                  {byInstitute ? <p className={styles.cardMeta}>{institutes.find((i) => i.id === u.parentId)?.name}</p> : null}
                  <p className={styles.cardText}>
                    <span className="sr-only">地址：</span>
                    {u.address ?? '地址待公布'}
                  </p>
                  {u.phone ? (
                    <p className={styles.cardText}>
                      电话：<a href={`tel:${u.phone.replace(/[^0-9+]/g, '')}`}>{u.phone}</a>
                    </p>
                  ) : null}
                </li>
              ))}
            </ul>
          )}
        </>
      )}
    </section>
  );
}
