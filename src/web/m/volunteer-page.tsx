import { type FormEvent, useEffect, useState } from 'react';
import { Link } from 'react-router-dom';
import type { CertificateView } from '../../shared/certificates';
import type { HoursSummaryView, ServiceRecordView } from '../../shared/hours';
import { chinaDay } from '../../shared/china-time';
import { STAR_NAMES } from '../../shared/rules/stars';
import type { TeamView } from '../../shared/teams';
import type { VolunteerView } from '../../shared/volunteers';
import { errorMessage } from '../lib/api';
import { formatClock, formatDateTime } from '../lib/format';
import { useIssueCertificate, useMyCertificates } from '../lib/queries/certificates';
import { useCorrectionRequests, useMyHours, useMyHoursSummary, useRequestCorrection } from '../lib/queries/hours';
import { useMarkAllRead, useMarkRead, useNotifications } from '../lib/queries/notifications';
import { useJoinTeam, useTeams } from '../lib/queries/teams';
import { useMyVolunteer, useRevealIdNumber } from '../lib/queries/volunteers';
import { useSession } from '../lib/session';
import { useTitle } from '../lib/title';
import { RECORD_SOURCES, RECORD_STATUSES, TEAM_KINDS, TEAM_ROLES, VOLUNTEER_STATUSES } from '../lib/volunteer-labels';
import styles from './mobile.module.css';
import v from './volunteer.module.css';
import ui from './primitives.module.css';

const STATUS_TONE: Record<VolunteerView['status'], string> = {
  reviewing: v.tagGold,
  certified: v.tagGreen,
  rejected: v.tagRed,
  suspended: v.tagGrey,
  exited: v.tagGrey,
};

const RECORD_TONE: Record<ServiceRecordView['status'], string> = { pending: v.tagGold, approved: v.tagGreen, rejected: v.tagRed };

/** 3.5 → "3.5", 3 → "3": hours as people write them. */
function hoursText(h: number): string {
  return String(Math.round(h * 10) / 10);
}

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
      <Records />
      {volunteer.status === 'certified' || volunteer.status === 'suspended' ? <Teams certified={volunteer.status === 'certified'} /> : null}
      <Certificates volunteer={volunteer} />
    </>
  );
}

// ---------------------------------------------------------------- notifications

function Notifications() {
  const list = useNotifications();
  const markRead = useMarkRead();
  const markAll = useMarkAllRead();
  const unread = (list.data?.items ?? []).filter((n) => !n.read);
  if (!list.data || list.data.unread === 0 || unread.length === 0) return null;

  return (
    <section className={`${styles.card} ${v.notice}`} aria-labelledby="notice-title">
      <h2 id="notice-title" className={styles.sectionTitle} style={{ marginTop: 0 }}>
        新消息 <small>{list.data.unread} 条未读</small>
      </h2>
      {unread.slice(0, 5).map((n) => (
        <div key={n.id} className={v.noticeItem}>
          <p className={v.noticeTitle}>{n.title}</p>
          {n.body ? <p className={styles.text}>{n.body}</p> : null}
          <p className={v.itemMeta}>{formatDateTime(n.createdAt)}</p>
          <div className={v.itemActions}>
            {n.link?.startsWith('/') ? (
              <Link to={n.link} className={v.smallBtn} onClick={() => markRead.mutate(n.id)}>
                查看
              </Link>
            ) : null}
            <button type="button" className={v.smallBtn} onClick={() => markRead.mutate(n.id)} disabled={markRead.isPending}>
              知道了
            </button>
          </div>
        </div>
      ))}
      {unread.length > 1 ? (
        <button type="button" className={`${styles.btn} ${styles.btnGhost} ${styles.btnBlock}`} onClick={() => markAll.mutate()} disabled={markAll.isPending}>
          全部标为已读
        </button>
      ) : null}
    </section>
  );
}

// ---------------------------------------------------------------- status and identity

const REVEAL_SECONDS = 30;

function StatusCard({ volunteer }: { volunteer: VolunteerView }) {
  const reveal = useRevealIdNumber();
  const [full, setFull] = useState<string | null>(null);
  const [left, setLeft] = useState(0);

  // The full number stays on screen for 30 seconds, then goes back to the masked one.
  useEffect(() => {
    if (!full) return;
    const id = window.setInterval(() => {
      setLeft((s) => {
        if (s <= 1) {
          setFull(null);
          return 0;
        }
        return s - 1;
      });
    }, 1000);
    return () => window.clearInterval(id);
  }, [full]);

  const show = () =>
    reveal.mutate(undefined, {
      onSuccess: (r) => {
        setFull(r.idNumber);
        setLeft(REVEAL_SECONDS);
      },
    });

  return (
    <section className={styles.card} aria-labelledby="status-title">
      <div className={v.statusRow}>
        <h2 id="status-title" className={styles.hello} style={{ fontSize: 'var(--fs-h2)' }}>
          {volunteer.name}
        </h2>
        <span className={`${v.tag} ${STATUS_TONE[volunteer.status]}`} data-testid="volunteer-status">
          {VOLUNTEER_STATUSES[volunteer.status]}
        </span>
      </div>
      {volunteer.status === 'reviewing' ? (
        <p className={styles.text}>您的注册已提交给 {volunteer.stationName}。工作人员审核通过后会生成志愿者编号，并在这里通知您。</p>
      ) : volunteer.status === 'rejected' ? (
        <p className={styles.text}>
          未通过的原因：{volunteer.statusReason ?? '未填写'}。如有疑问，请联系 {volunteer.stationName}。
        </p>
      ) : volunteer.status === 'suspended' || volunteer.status === 'exited' ? (
        <p className={styles.text}>
          {volunteer.statusReason ? `原因：${volunteer.statusReason}。` : ''}如需恢复，请联系 {volunteer.stationName}。
        </p>
      ) : null}
      <dl className={v.kv}>
        {volunteer.volunteerNo ? (
          <>
            <dt>志愿者编号</dt>
            <dd className={v.mono} style={{ fontWeight: 700 }}>
              {volunteer.volunteerNo}
            </dd>
          </>
        ) : null}
        <dt>所在实践站</dt>
        <dd>{volunteer.stationName}</dd>
        <dt>身份证号</dt>
        <dd>
          <span className={v.idRow}>
            <span className={v.mono} aria-live="polite">
              {full ?? volunteer.idNumberMasked ?? '—'}
            </span>
            {full ? (
              <button type="button" className={v.linkButton} onClick={() => setFull(null)}>
                隐藏
              </button>
            ) : volunteer.idNumberMasked ? (
              <button type="button" className={v.linkButton} onClick={show} disabled={reveal.isPending}>
                {reveal.isPending ? '正在获取…' : '查看完整号码'}
              </button>
            ) : null}
          </span>
          {full ? <span className={styles.hint}>{left} 秒后自动隐藏</span> : null}
          {reveal.error ? (
            <span className={styles.fieldError} role="alert">
              {errorMessage(reveal.error)}
            </span>
          ) : null}
        </dd>
        <dt>服务类别</dt>
        <dd>{volunteer.serviceCategories.join('、') || '—'}</dd>
      </dl>
    </section>
  );
}

// ---------------------------------------------------------------- hours and stars

function HoursBlock() {
  const summary = useMyHoursSummary();
  if (summary.isPending) {
    return (
      <p className={styles.empty} role="status">
        正在加载服务时长…
      </p>
    );
  }
  if (summary.error) {
    return (
      <div className={styles.errorBox} role="alert">
        服务时长加载失败：{summary.error.message}
      </div>
    );
  }
  const s = summary.data;
  return (
    <section aria-labelledby="hours-title">
      <h2 id="hours-title" className={styles.sectionTitle}>
        服务时长
      </h2>
      <dl className={v.numbers}>
        <div className={v.number}>
          <dt>已认定时长</dt>
          <dd data-testid="approved-hours">
            {hoursText(s.approvedHours)}
            <small>小时</small>
          </dd>
        </div>
        <div className={`${v.number} ${v.numberPending}`}>
          <dt>待审核时长</dt>
          <dd data-testid="pending-hours">
            {hoursText(s.pendingHours)}
            <small>小时</small>
          </dd>
        </div>
      </dl>
      <StarCard summary={s} />
    </section>
  );
}

function starFraction(stars: HoursSummaryView['stars']): number {
  if (stars.nextThresholdHours === null) return 1;
  const previous = stars.level > 0 ? (stars.thresholds[stars.level - 1] ?? 0) : 0;
  const span = stars.nextThresholdHours - previous;
  return span > 0 ? Math.min(1, Math.max(0, (stars.approvedHours - previous) / span)) : 0;
}

function StarCard({ summary }: { summary: HoursSummaryView }) {
  const { stars } = summary;
  const fraction = starFraction(stars);
  const levelName = stars.level === 0 ? '尚未定级' : `${STAR_NAMES[stars.level]}志愿者`;
  const previous = stars.level > 0 ? (stars.thresholds[stars.level - 1] ?? 0) : 0;
  return (
    <div className={styles.card} style={{ marginTop: 'var(--gap)' }}>
      <div className={v.stars} role="img" aria-label={`星级：${levelName}`}>
        {stars.thresholds.map((t, i) => (
          <span key={t} className={i < stars.level ? v.starOn : v.starOff} aria-hidden="true">
            {i < stars.level ? '★' : '☆'}
          </span>
        ))}
        <span className={v.levelName} aria-hidden="true">
          {levelName}
        </span>
      </div>
      {stars.nextLevel !== null && stars.nextThresholdHours !== null ? (
        <>
          <div
            className={v.track}
            role="progressbar"
            aria-label={`距离${STAR_NAMES[stars.nextLevel]}的进度`}
            aria-valuemin={previous}
            aria-valuemax={stars.nextThresholdHours}
            aria-valuenow={Math.min(stars.approvedHours, stars.nextThresholdHours)}
            aria-valuetext={`已认定 ${hoursText(stars.approvedHours)} 小时，还差 ${hoursText(stars.hoursToNext ?? 0)} 小时`}
          >
            <span className={v.fill} style={{ width: `${Math.max(fraction * 100, fraction > 0 ? 2 : 0)}%` }} />
          </div>
          <div className={v.trackLegend} aria-hidden="true">
            <span>{previous} 小时</span>
            <span>
              {STAR_NAMES[stars.nextLevel]} {stars.nextThresholdHours} 小时
            </span>
          </div>
        </>
      ) : null}
      <p className={v.explain} data-testid="star-explanation">
        {stars.explanation}
      </p>
      {summary.byYear.length ? (
        <ul className={v.years} aria-label="各年度认定时长">
          {summary.byYear.map((y) => (
            <li key={y.year}>
              {y.year} 年：<strong>{hoursText(y.hours)}</strong> 小时 · {y.records} 次
            </li>
          ))}
        </ul>
      ) : null}
    </div>
  );
}

// ---------------------------------------------------------------- records

function Records() {
  const [pageSize, setPageSize] = useState(10);
  const records = useMyHours({ page: 1, pageSize });
  const requests = useCorrectionRequests('open');
  const [asking, setAsking] = useState<string | null>(null);
  const openFor = new Set((requests.data ?? []).map((r) => r.recordId).filter(Boolean));
  const items = records.data?.items ?? [];
  const total = records.data?.total ?? 0;

  return (
    <section aria-labelledby="records-title">
      <h2 id="records-title" className={styles.sectionTitle}>
        我的服务记录 {records.data ? <small>共 {total} 条</small> : null}
      </h2>
      {records.isPending ? (
        <p className={styles.empty} role="status">
          正在加载服务记录…
        </p>
      ) : records.error ? (
        <div className={styles.errorBox} role="alert">
          服务记录加载失败：{records.error.message}
        </div>
      ) : items.length === 0 ? (
        <p className={styles.empty}>还没有服务记录。参加活动签到签退，或由实践站补录后，记录会出现在这里。</p>
      ) : (
        <ul className={ui.list}>
          {items.map((r) => (
            <li key={r.id} className={ui.item}>
              <div className={ui.itemHead}>
                <div>
                  <h3 className={v.itemTitle}>{r.title}</h3>
                  <p className={v.itemMeta}>
                    {r.serviceDate}
                    {r.startAt && r.endAt ? ` ${formatClock(r.startAt)}–${formatClock(r.endAt)}` : ''}
                    <br />
                    {r.organiserName}
                  </p>
                </div>
                <span className={v.itemHours}>{r.hours > 0 && r.source === 'correction' ? `+${hoursText(r.hours)}` : hoursText(r.hours)} 小时</span>
              </div>
              <div className={v.itemActions}>
                <span className={`${v.tag} ${RECORD_TONE[r.status]}`}>{RECORD_STATUSES[r.status]}</span>
                <span className={`${v.tag} ${v.tagBlue}`}>{RECORD_SOURCES[r.source]}</span>
                {r.flag === 'auto_closed' ? <span className={v.itemMeta}>未签退，按活动结束时间计</span> : null}
                {r.status === 'rejected' && r.decisionNote ? <span className={v.itemMeta}>原因：{r.decisionNote}</span> : null}
              </div>
              {openFor.has(r.id) ? (
                <p className={v.itemMeta}>已申请更正，等待实践站处理。</p>
              ) : asking === r.id ? (
                <CorrectionForm record={r} onDone={() => setAsking(null)} />
              ) : r.source !== 'correction' ? (
                <div className={v.itemActions}>
                  <button type="button" className={v.smallBtn} onClick={() => setAsking(r.id)} aria-label={`对「${r.title}」申请更正`}>
                    申请更正
                  </button>
                </div>
              ) : null}
            </li>
          ))}
        </ul>
      )}
      {items.length < total ? (
        <button
          type="button"
          className={`${styles.btn} ${styles.btnGhost} ${styles.btnBlock}`}
          onClick={() => setPageSize((n) => Math.min(200, n + 10))}
          disabled={records.isFetching}
        >
          {records.isFetching ? '正在加载…' : '加载更多'}
        </button>
      ) : null}
    </section>
  );
}

function CorrectionForm({ record, onDone }: { record: ServiceRecordView; onDone: () => void }) {
  const ask = useRequestCorrection();
  const [message, setMessage] = useState('');
  const [error, setError] = useState<string | null>(null);
  const id = `correction-${record.id}`;

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!message.trim()) {
      setError('请说明哪里不对，例如：实际服务到 11:30，少记了半小时');
      return;
    }
    setError(null);
    ask.mutate({ recordId: record.id, message: message.trim() }, { onSuccess: onDone, onError: (err) => setError(errorMessage(err)) });
  };

  return (
    <form className={v.inlineForm} onSubmit={submit} noValidate>
      <label className={styles.label} htmlFor={id}>
        哪里不对？
      </label>
      <textarea
        id={id}
        className={v.textarea}
        value={message}
        onChange={(e) => setMessage(e.target.value)}
        maxLength={500}
        aria-invalid={!!error}
        aria-describedby={error ? `${id}-error` : undefined}
      />
      {error ? (
        <span id={`${id}-error`} className={styles.fieldError} role="alert">
          {error}
        </span>
      ) : null}
      <div className={v.itemActions}>
        <button type="submit" className={`${v.smallBtn} ${v.smallBtnSolid}`} disabled={ask.isPending}>
          {ask.isPending ? '正在提交…' : '提交更正申请'}
        </button>
        <button type="button" className={v.smallBtn} onClick={onDone}>
          取消
        </button>
      </div>
    </form>
  );
}

// ---------------------------------------------------------------- teams

function Teams({ certified }: { certified: boolean }) {
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
                    <span className={`${v.tag} ${t.myMembership === 'active' ? v.tagGreen : v.tagGold}`}>{t.myMembership === 'active' ? '已加入' : '申请中'}</span>
                  </div>
                  <p className={v.itemMeta}>{teamLine(t)}</p>
                  {t.leader ? <p className={v.itemMeta}>{TEAM_ROLES.leader}：{t.leader.name}</p> : null}
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

function Certificates({ volunteer }: { volunteer: VolunteerView }) {
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
