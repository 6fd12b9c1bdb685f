import { type FormEvent, useState } from 'react';
import { Link } from 'react-router-dom';
import type { CertificateView } from '../../shared/certificates';
import { chinaDay } from '../../shared/china-time';
import type { TeamView } from '../../shared/teams';
import type { VolunteerView } from '../../shared/volunteers';
import { errorMessage } from '../lib/api';
import { formatDateTime } from '../lib/format';
import { useIssueCertificate, useMyCertificates } from '../lib/queries/certificates';
import { useJoinTeam, useTeams } from '../lib/queries/teams';
import { TEAM_KINDS, TEAM_ROLES } from '../lib/volunteer-labels';
import styles from './mobile.module.css';
import v from './volunteer.module.css';
import ui from './mobile.module.css';
import { hoursText } from './volunteer-parts';

export function Teams({ certified }: { certified: boolean }) {
  const teams = useTeams();
  const join = useJoinTeam();
  const [joined, setJoined] = useState<string | null>(null);
  const list = teams.data ?? [];
  const mine = list.filter((t) => t.myMembership === 'active' || t.myMembership === 'pending');
  const others = list.filter((t) => !t.archived && t.myMembership !== 'active' && t.myMembership !== 'pending');

  const teamLine = (t: TeamView) => `${TEAM_KINDS[t.kind]} · ${t.unitName} · ${t.memberCount} 人`;

  return (
    <section aria-labelledby="teams-title">
      <h2 id="teams-title" className={styles.sectionTitle}>
        我的队伍
      </h2>
      {teams.isPending ? (
        <p className={styles.empty} role="status">
          正在加载队伍…
        </p>
      ) : teams.error ? (
        <div className={styles.errorBox} role="alert">
          队伍加载失败：{teams.error.message}
        </div>
      ) : (
        <>
          {mine.length === 0 ? (
            <p className={styles.empty}>还没有加入队伍。</p>
          ) : (
            <ul className={ui.list}>
              {mine.map((t) => (
                <li key={t.id} className={ui.item}>
                  <div className={ui.itemHead}>
                    <h3 className={v.itemTitle}>{t.name}</h3>
                    <span className={`${v.tag} ${t.myMembership === 'active' ? v.tagGreen : v.tagGold}`}>
                      {t.myMembership === 'active' ? '已加入' : '申请中'}
                    </span>
                  </div>
                  <p className={v.itemMeta}>{teamLine(t)}</p>
                  {t.leader ? (
                    <p className={v.itemMeta}>
                      {TEAM_ROLES.leader}：{t.leader.name}
                    </p>
                  ) : null}
                </li>
              ))}
            </ul>
          )}
          {others.length ? (
            <>
              <h3 className={styles.sectionTitle} style={{ fontSize: 'var(--fs)' }}>
                加入队伍
              </h3>
              {!certified ? <p className={styles.notice}>暂停服务期间不能申请加入队伍。</p> : null}
              {join.error ? (
                <div className={styles.errorBox} role="alert">
                  {errorMessage(join.error)}
                </div>
              ) : null}
              {joined ? (
                <p className={v.ok} role="status">
                  已提交申请，队长同意后即可加入。
                </p>
              ) : null}
              <ul className={ui.list}>
                {others.map((t) => (
                  <li key={t.id} className={ui.item}>
                    <h3 className={v.itemTitle}>{t.name}</h3>
                    <p className={v.itemMeta}>{teamLine(t)}</p>
                    {t.intro ? <p className={styles.text}>{t.intro}</p> : null}
                    {certified ? (
                      <div className={v.itemActions}>
                        <button
                          type="button"
                          className={v.smallBtn}
                          disabled={join.isPending}
                          onClick={() => join.mutate({ teamId: t.id }, { onSuccess: () => setJoined(t.id) })}
                          aria-label={`申请加入${t.name}`}
                        >
                          申请加入
                        </button>
                      </div>
                    ) : null}
                  </li>
                ))}
              </ul>
            </>
          ) : null}
        </>
      )}
    </section>
  );
}

// ---------------------------------------------------------------- certificates

export function Certificates({ volunteer }: { volunteer: VolunteerView }) {
  const list = useMyCertificates();
  const issue = useIssueCertificate();
  const today = chinaDay(new Date());
  const [from, setFrom] = useState(`${today.slice(0, 4)}-01-01`);
  const [to, setTo] = useState(today);
  const [error, setError] = useState<string | null>(null);
  const [issued, setIssued] = useState<CertificateView | null>(null);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!from || !to) return setError('请选择开始和结束日期');
    if (from > to) return setError('开始日期不能晚于结束日期');
    setError(null);
    issue.mutate({ volunteerId: volunteer.id, from, to }, { onSuccess: (c) => setIssued(c), onError: (err) => setError(errorMessage(err)) });
  };

  const items = list.data ?? [];
  return (
    <section aria-labelledby="certs-title">
      <h2 id="certs-title" className={styles.sectionTitle}>
        志愿服务证明
      </h2>
      <form className={`${styles.card} ${styles.form}`} onSubmit={submit} noValidate aria-label="开具证明">
        <p className={styles.text} style={{ margin: 0 }}>
          证明免费开具，写明这段时间内经认定的服务时长和内容，带有核验二维码，任何人都可以扫码核验。
        </p>
        <div className={v.dateRow}>
          <div className={styles.field}>
            <label className={styles.label} htmlFor="cert-from">
              开始日期
            </label>
            <input id="cert-from" type="date" className={styles.input} value={from} max={today} onChange={(e) => setFrom(e.target.value)} />
          </div>
          <div className={styles.field}>
            <label className={styles.label} htmlFor="cert-to">
              结束日期
            </label>
            <input id="cert-to" type="date" className={styles.input} value={to} max={today} onChange={(e) => setTo(e.target.value)} />
          </div>
        </div>
        {error ? (
          <p className={styles.errorBox} role="alert" style={{ margin: 0 }}>
            {error}
          </p>
        ) : null}
        {issued ? (
          <p className={v.ok} role="status" style={{ margin: 0 }}>
            已开具证明 {issued.number}，共 {hoursText(issued.hours)} 小时。可在下方下载。
          </p>
        ) : null}
        <button type="submit" className={`${styles.btn} ${styles.btnBlock}`} style={{ marginTop: 0 }} disabled={issue.isPending}>
          {issue.isPending ? '正在开具…' : '开具证明'}
        </button>
      </form>
      {list.isPending ? (
        <p className={styles.empty} role="status">
          正在加载证明…
        </p>
      ) : list.error ? (
        <div className={styles.errorBox} role="alert">
          证明列表加载失败：{list.error.message}
        </div>
      ) : items.length === 0 ? (
        <p className={styles.empty}>还没有开具过证明。</p>
      ) : (
        <ul className={ui.list} aria-label="已开具的证明">
          {items.map((c) => (
            <li key={c.id} className={ui.item}>
              <div className={ui.itemHead}>
                <div>
                  <h3 className={`${v.itemTitle} ${v.mono}`}>{c.number}</h3>
                  <p className={v.itemMeta}>
                    {c.from} 至 {c.to} · {c.serviceCount} 次服务 · 开具于 {formatDateTime(c.issuedAt).slice(0, 10)}
                  </p>
                </div>
                <span className={v.itemHours}>{hoursText(c.hours)} 小时</span>
              </div>
              <div className={v.itemActions}>
                {c.revoked ? (
                  <span className={`${v.tag} ${v.tagRed}`}>已作废{c.revokeReason ? `：${c.revokeReason}` : ''}</span>
                ) : (
                  <a className={`${v.smallBtn} ${v.smallBtnSolid}`} href={c.pdfUrl} target="_blank" rel="noopener" data-testid="certificate-pdf">
                    下载 PDF
                  </a>
                )}
                <Link className={v.smallBtn} to={c.verifyPath} aria-label={`核验证明 ${c.number}`}>
                  核验链接
                </Link>
              </div>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
