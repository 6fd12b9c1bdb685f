import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Link } from 'react-router-dom';
import type { ResponseOf } from '../../../shared/endpoint';
// Types only: the phone pages must not pull zod into their chunks; the zod-free route table gives method and path.
import type * as recognition from '../../../shared/recognition.endpoints';
import { routes } from '../../../shared/routes';
import { callRoute, errorMessage } from '../../lib/api';
import styles from '../mobile.module.css';
import v from '../volunteer.module.css';

type Mine = ResponseOf<typeof recognition.myHonours>;
type Benefit = Mine['benefits'][number];
type ConsentStatus = 'masked' | 'full_name' | 'withdrawn';

const CONSENT_TEXT: Record<Mine['consent']['status'], string> = {
  none: '尚未表示，不在光荣榜公开',
  masked: '同意公开，姓名隐去中间字（如 张*明）',
  full_name: '同意公开，显示全名',
  withdrawn: '不公开',
};

/** `/m/honours` 我的荣誉与礼遇: my awards with their certificates, what my star level gives, and whether I appear on the 光荣榜. */
export default function HonoursPage() {
  const mine = useQuery({ queryKey: ['recognition', 'me'], queryFn: () => callRoute<typeof recognition.myHonours>(routes.viewMyHonours), retry: false });
  if (mine.isPending) {
    return (
      <p className={styles.empty} role="status">
        正在加载…
      </p>
    );
  }
  if (mine.error) {
    return (
      <div className={styles.card}>
        <p className={styles.errorBox} role="alert">
          {errorMessage(mine.error)}
        </p>
        <Link to="/m/volunteer" className={`${styles.btn} ${styles.btnGhost} ${styles.btnBlock}`}>
          返回我的志愿
        </Link>
      </div>
    );
  }
  const data = mine.data;
  return (
    <>
      <section className={styles.card} aria-label="我的星级">
        <p className={styles.hello}>{data.starLevel > 0 ? `${data.starName}志愿者` : '尚未定级'}</p>
        <p className={`${styles.text} ${styles.muted}`}>星级按经认定的累计服务时长计算。</p>
      </section>
      <Awards awards={data.awards} />
      {data.teamAwards.length > 0 ? <Awards awards={data.teamAwards} team /> : null}
      <Benefits title="我可享的礼遇" items={data.benefits} empty="当前星级暂无礼遇，继续服务即可解锁。" />
      {data.nextLevel !== null && data.nextBenefits.length > 0 ? (
        <Benefits title={`达到${'一二三四五六七八九十'[data.nextLevel - 1] ?? data.nextLevel}星后新增`} items={data.nextBenefits} empty="" />
      ) : null}
      <Consent current={data.consent.status} />
    </>
  );
}

/** My own awards, or (team) those of the teams I belong to — whose certificate the team keeps, so it is checked, not downloaded. */
function Awards({ awards, team = false }: { awards: Mine['awards']; team?: boolean }) {
  const title = team ? '我所在队伍的荣誉' : '我的表彰';
  const id = team ? 'team-awards-title' : 'awards-title';
  return (
    <section aria-labelledby={id}>
      <h2 id={id} className={styles.sectionTitle}>
        {title}
      </h2>
      {awards.length === 0 ? (
        <p className={styles.empty}>还没有表彰记录。</p>
      ) : (
        <ul className={styles.list} aria-label={title}>
          {awards.map((a) => (
            <li key={a.id} className={styles.item}>
              <div className={styles.itemHead}>
                <div>
                  <h3 className={v.itemTitle}>{a.title}</h3>
                  <p className={v.itemMeta}>
                    {team ? `${a.recipientName} · ` : ''}
                    {a.level} · {a.grantedBy} · {a.awardedOn}
                  </p>
                </div>
              </div>
              <div className={v.itemActions}>
                {a.revoked ? (
                  <span className={`${v.tag} ${v.tagRed}`}>已撤销{a.revokeReason ? `：${a.revokeReason}` : ''}</span>
                ) : team ? (
                  <Link className={v.smallBtn} to={`/honours?number=${encodeURIComponent(a.number)}`}>
                    查验证书 {a.number}
                  </Link>
                ) : (
                  <a className={`${v.smallBtn} ${v.smallBtnSolid}`} href={a.pdfUrl} target="_blank" rel="noopener">
                    下载荣誉证书
                  </a>
                )}
              </div>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

function Benefits({ title, items, empty }: { title: string; items: Benefit[]; empty: string }) {
  const id = `benefits-${title}`;
  return (
    <section aria-labelledby={id}>
      <h2 id={id} className={styles.sectionTitle}>
        {title}
      </h2>
      {items.length === 0 ? (
        <p className={styles.empty}>{empty}</p>
      ) : (
        <ul className={styles.list}>
          {items.map((b) => (
            <li key={b.id} className={styles.item}>
              <h3 className={v.itemTitle}>{b.title}</h3>
              <p className={v.itemMeta}>
                {b.provider}
                {b.validTo ? ` · 有效期至 ${b.validTo}` : ''}
              </p>
              <p className={styles.text} style={{ margin: '4px 0 0' }}>
                {b.description}
              </p>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

function Consent({ current }: { current: Mine['consent']['status'] }) {
  const client = useQueryClient();
  const save = useMutation({
    mutationFn: (status: ConsentStatus) => callRoute<typeof recognition.setMyConsent>(routes.setMyConsent, { body: { status } }),
    onSuccess: () => client.invalidateQueries({ queryKey: ['recognition', 'me'] }),
  });
  const listed = current === 'masked' || current === 'full_name';
  return (
    <section aria-labelledby="consent-title">
      <h2 id="consent-title" className={styles.sectionTitle}>
        光荣榜公开
      </h2>
      <ul className={styles.menu} aria-label="公开设置">
        <li>
          <button
            type="button"
            role="switch"
            aria-checked={listed}
            className={styles.menuItem}
            disabled={save.isPending}
            onClick={() => save.mutate(listed ? 'withdrawn' : 'masked')}
          >
            <span>
              在光荣榜上展示我的表彰
              <span className={styles.hint}>{CONSENT_TEXT[current]}</span>
            </span>
            <span className={listed ? `${styles.switch} ${styles.switchOn}` : styles.switch} aria-hidden="true" />
          </button>
        </li>
        {listed ? (
          <li>
            <button
              type="button"
              role="switch"
              aria-checked={current === 'full_name'}
              className={styles.menuItem}
              disabled={save.isPending}
              onClick={() => save.mutate(current === 'full_name' ? 'masked' : 'full_name')}
            >
              <span>
                显示全名
                <span className={styles.hint}>关闭时只显示姓和名的最后一个字</span>
              </span>
              <span className={current === 'full_name' ? `${styles.switch} ${styles.switchOn}` : styles.switch} aria-hidden="true" />
            </button>
          </li>
        ) : null}
      </ul>
      {save.error ? (
        <p className={styles.errorBox} role="alert">
          {errorMessage(save.error)}
        </p>
      ) : null}
      <p className={`${styles.text} ${styles.muted}`}>
        随时可以撤回；撤回后光荣榜不再显示您的姓名和表彰。<Link to="/honours">查看光荣榜</Link>
      </p>
    </section>
  );
}
