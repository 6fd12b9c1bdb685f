import { type FormEvent, useEffect, useRef, useState } from 'react';
import { Link, useSearchParams } from 'react-router-dom';
import { errorMessage } from '../../lib/api';
import { checkinOpen, chinaToday, clock, timeRange } from '../../../shared/china-time';
import { type CheckinResult, useActivities, useActivity, useCheckIn } from '../../lib/queries/activities';
import { useSession } from '../../lib/session';
import { useTitle } from '../../lib/title';
import styles from '../mobile.module.css';
import a from '../activities/activities.module.css';

type Phase = { step: 'idle' } | { step: 'locating' } | { step: 'sending' } | { step: 'done'; result: CheckinResult } | { step: 'failed'; message: string };

/**
 * The phone's position, if the person allows it: an activity with a geofence checks it. Refusing,
 * or a phone that cannot tell, is fine — the check-in goes without it (and is flagged).
 */
function locate(): Promise<{ lat: number; lng: number } | null> {
  if (typeof navigator === 'undefined' || !navigator.geolocation) return Promise.resolve(null);
  return new Promise((resolve) => {
    const timer = window.setTimeout(() => resolve(null), 8000);
    navigator.geolocation.getCurrentPosition(
      (pos) => {
        window.clearTimeout(timer);
        resolve({ lat: pos.coords.latitude, lng: pos.coords.longitude });
      },
      () => {
        window.clearTimeout(timer);
        resolve(null);
      },
      { enableHighAccuracy: true, timeout: 7000, maximumAge: 60_000 },
    );
  });
}

/**
 * `/m/checkin?a=<activity>&t=<token>`: what the organiser's QR code opens. It checks the person in
 * (or out, if they are in) straight away; the 6-digit code is the fallback for phones that cannot scan.
 */
export default function CheckinPage() {
  useTitle('签到');
  const session = useSession();
  const [params, setParams] = useSearchParams();
  const activityId = params.get('a') ?? '';
  const token = params.get('t') ?? '';
  const checkIn = useCheckIn();
  const [phase, setPhase] = useState<Phase>({ step: 'idle' });
  const started = useRef<string | null>(null);

  const run = async (id: string, proof: { token?: string; code?: string }) => {
    setPhase({ step: 'locating' });
    const where = await locate();
    setPhase({ step: 'sending' });
    try {
      const result = await checkIn.mutateAsync({ id, ...proof, ...(where ?? {}) });
      setPhase({ step: 'done', result });
    } catch (err) {
      setPhase({ step: 'failed', message: errorMessage(err) });
    }
  };

  // Scanning the QR code is the request to check in: do it once, then drop the one-use token from
  // the address so a reload does not try it again.
  // biome-ignore lint/correctness/useExhaustiveDependencies: runs once per scanned token
  useEffect(() => {
    if (!session.data || !activityId || !token || started.current === token) return;
    started.current = token;
    setParams({ a: activityId }, { replace: true });
    void run(activityId, { token });
  }, [session.data, activityId, token]);

  if (session.isPending) {
    return (
      <p className={styles.empty} role="status">
        正在加载…
      </p>
    );
  }
  if (!session.data) {
    const here = `/m/checkin?${params.toString()}`;
    return (
      <section className={styles.card}>
        <p className={styles.hello}>请先登录再签到</p>
        <p className={`${styles.text} ${styles.muted}`}>
          登录后会自动回到这里完成签到。二维码 30 秒更换一次，如登录后提示二维码已过期，请重新扫描现场的二维码。
        </p>
        <Link to={`/login?next=${encodeURIComponent(here)}`} className={`${styles.btn} ${styles.btnBlock}`}>
          登录
        </Link>
      </section>
    );
  }

  if (phase.step === 'locating' || phase.step === 'sending') {
    return (
      <section className={`${styles.card} ${a.result}`} aria-busy="true">
        <p className={a.resultTitle} role="status">
          {phase.step === 'locating' ? '正在获取位置…' : '正在签到…'}
        </p>
        {phase.step === 'locating' ? <p className={`${styles.text} ${styles.muted}`}>如手机询问是否允许使用位置，可以选择允许或拒绝，都能签到。</p> : null}
      </section>
    );
  }

  if (phase.step === 'done') return <Done result={phase.result} activityId={activityId} />;

  return (
    <>
      {phase.step === 'failed' ? (
        <div className={styles.errorBox} role="alert">
          <strong>没有签到成功：</strong>
          {phase.message}
        </div>
      ) : null}
      {activityId ? <ActivityLine id={activityId} /> : null}
      <CodeForm activityId={activityId} onSubmit={(id, code) => void run(id, { code })} busy={checkIn.isPending} />
      <section className={styles.card} aria-labelledby="how-title">
        <h2 id="how-title" className={styles.sectionTitle} style={{ marginTop: 0 }}>
          怎样签到
        </h2>
        <ol className={a.steps}>
          <li>活动开始前 1 小时起，用手机扫描工作人员出示的二维码，就会自动签到。</li>
          <li>服务结束时再扫一次，就是签退。</li>
          <li>不能扫码时，输入现场公布的 6 位签到码。</li>
          <li>没有手机也没关系，请工作人员代为签到。</li>
        </ol>
      </section>
    </>
  );
}

function ActivityLine({ id }: { id: string }) {
  const activity = useActivity(id);
  if (!activity.data) return null;
  return (
    <section className={styles.card} aria-label="签到的活动">
      <p className={styles.hello} style={{ fontSize: 'var(--fs-h2)' }}>
        {activity.data.title}
      </p>
      <p className={`${styles.text} ${styles.muted}`}>{timeRange(activity.data.startsAt, activity.data.endsAt)}</p>
    </section>
  );
}

function Done({ result, activityId }: { result: CheckinResult; activityId: string }) {
  const out = result.direction === 'out';
  return (
    <>
      <section className={`${styles.card} ${a.result}`} aria-live="polite">
        <div className={`${a.tick} ${out ? a.tickOut : ''}`} aria-hidden="true">
          <svg viewBox="0 0 24 24" width="60%" height="60%" focusable="false" aria-hidden="true">
            <path d="M4.5 12.5l5 5 10-11" fill="none" stroke="currentColor" strokeWidth="2.6" strokeLinecap="round" strokeLinejoin="round" />
          </svg>
        </div>
        <p className={a.resultTitle}>{out ? '签退成功' : '签到成功'}</p>
        <p className={a.resultTime}>{clock(result.at)}</p>
        <p className={styles.text}>{result.activityTitle}</p>
        <p className={`${styles.text} ${styles.muted}`}>
          {out ? '感谢您的志愿服务！服务时长将在活动结束后由负责人确认。' : '服务结束时请再扫一次二维码签退。'}
        </p>
      </section>
      {activityId ? (
        <Link to={`/m/activities/${activityId}`} className={`${styles.btn} ${styles.btnGhost} ${styles.btnBlock}`}>
          查看活动
        </Link>
      ) : null}
      <Link to="/m/activities?mine=1" className={`${styles.btn} ${styles.btnGhost} ${styles.btnBlock}`}>
        我的报名
      </Link>
    </>
  );
}

/** 输入签到码: the activity from the link, or one of today's activities the person signed up for. */
function CodeForm({ activityId, onSubmit, busy }: { activityId: string; onSubmit: (activityId: string, code: string) => void; busy: boolean }) {
  const today = chinaToday();
  const mine = useActivities({ mine: true, from: today, to: today, pageSize: 50 }, !activityId);
  const choices = (mine.data?.items ?? []).filter((x) => x.mySignup?.status === 'confirmed' && checkinOpen(x));
  const [picked, setPicked] = useState<string>('');
  const [code, setCode] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  const target = activityId || picked || (choices.length === 1 ? choices[0].id : '');

  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (!target) {
      setProblem('请先选择要签到的活动');
      return;
    }
    if (!/^\d{6}$/.test(code)) {
      setProblem('签到码为 6 位数字');
      return;
    }
    setProblem(null);
    onSubmit(target, code);
  };

  return (
    <section className={styles.card} aria-labelledby="code-title">
      <h2 id="code-title" className={styles.sectionTitle} style={{ marginTop: 0 }}>
        输入签到码
      </h2>
      <form className={styles.form} onSubmit={submit} noValidate>
        {!activityId ? (
          mine.isPending ? (
            <p className={styles.muted} role="status">
              正在查找今天的活动…
            </p>
          ) : choices.length === 0 ? (
            <p className={styles.muted}>您今天没有可以签到的活动（签到在活动开始前 1 小时至结束后 1 小时开放）。</p>
          ) : choices.length > 1 ? (
            <fieldset className={a.positions}>
              <legend>选择活动</legend>
              {choices.map((x) => (
                <label key={x.id} className={a.position}>
                  <input type="radio" name="activity" value={x.id} checked={target === x.id} onChange={() => setPicked(x.id)} />
                  <span className={a.positionName}>{x.title}</span>
                  <span className={a.positionLeft}>
                    {clock(x.startsAt)}–{clock(x.endsAt)}
                  </span>
                </label>
              ))}
            </fieldset>
          ) : (
            <p className={styles.text} style={{ marginTop: 0 }}>
              {choices[0].title}（{clock(choices[0].startsAt)}–{clock(choices[0].endsAt)}）
            </p>
          )
        ) : null}
        {!target && !mine.isPending && choices.length === 0 ? null : (
          <>
            <div className={styles.field}>
              <label htmlFor="checkin-code" className={styles.label}>
                6 位签到码
              </label>
              <input
                id="checkin-code"
                className={`${styles.input} ${a.codeInput}`}
                inputMode="numeric"
                autoComplete="one-time-code"
                pattern="[0-9]*"
                maxLength={6}
                value={code}
                onChange={(e) => setCode(e.target.value.replace(/\D/g, '').slice(0, 6))}
                aria-invalid={problem ? true : undefined}
                aria-describedby={problem ? 'checkin-code-error' : undefined}
              />
              {problem ? (
                <span id="checkin-code-error" className={styles.fieldError}>
                  {problem}
                </span>
              ) : null}
            </div>
            <button type="submit" className={`${styles.btn} ${styles.btnBlock}`} style={{ marginTop: 0 }} disabled={busy}>
              {busy ? '正在签到…' : '签到 / 签退'}
            </button>
          </>
        )}
      </form>
    </section>
  );
}
