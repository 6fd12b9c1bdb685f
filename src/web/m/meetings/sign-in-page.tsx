import { useMutation, useQuery } from '@tanstack/react-query';
import { useEffect, useRef, useState } from 'react';
import { Link, useSearchParams } from 'react-router-dom';
// Types only: the phone pages must not pull zod into their chunks; the zod-free route table gives method and path.
import type { ResponseOf } from '../../../shared/endpoint';
import type * as meetings from '../../../shared/meetings.endpoints';
import { ATTENDANCE_STATUSES, MEETING_KINDS } from '../../../shared/rules/meeting-flow';
import { routes } from '../../../shared/routes';
import { callRoute, errorMessage } from '../../lib/api';
import { formatDateTime } from '../../lib/format';
import { useSession } from '../../lib/session';
import { useTitle } from '../../lib/title';
import a from '../activities/activities.module.css';
import styles from '../mobile.module.css';

type Result = ResponseOf<typeof meetings.signIn>;

/**
 * `/m/meetings/sign-in?m=<meeting>&t=<token>`: what the QR code on the meeting room's screen opens.
 * An attendee on the list is signed in straight away; a second scan only shows the first time.
 */
export default function MeetingSignInPage() {
  useTitle('会议签到');
  const session = useSession();
  const [params, setParams] = useSearchParams();
  const meetingId = params.get('m') ?? '';
  const token = params.get('t') ?? '';
  const seat = useQuery({
    queryKey: ['meetings', 'seat', meetingId],
    enabled: Boolean(session.data && meetingId),
    retry: false,
    queryFn: () => callRoute<typeof meetings.mySeat>(routes.myMeetingSeat, { params: { id: meetingId } }),
  });
  const signIn = useMutation({
    mutationFn: (t: string) => callRoute<typeof meetings.signIn>(routes.signInToMeeting, { params: { id: meetingId }, body: { token: t } }),
  });
  const started = useRef<string | null>(null);
  const [result, setResult] = useState<Result | null>(null);
  const [problem, setProblem] = useState<string | null>(null);

  // Scanning is the request to sign in: once per token, then the token leaves the address so a reload does not resend it.
  // biome-ignore lint/correctness/useExhaustiveDependencies: runs once per scanned token
  useEffect(() => {
    if (!session.data || !meetingId || !token || started.current === token) return;
    started.current = token;
    setParams({ m: meetingId }, { replace: true });
    signIn.mutateAsync(token).then(
      (r) => {
        setResult(r);
        void seat.refetch();
      },
      (err) => setProblem(errorMessage(err)),
    );
  }, [session.data, meetingId, token]);

  if (session.isPending) {
    return (
      <p className={styles.empty} role="status">
        正在加载…
      </p>
    );
  }
  if (!session.data) {
    const here = `/m/meetings/sign-in?${params.toString()}`;
    return (
      <section className={styles.card}>
        <p className={styles.hello}>请先登录再签到</p>
        <p className={`${styles.text} ${styles.muted}`}>登录后会自动回到这里完成签到。二维码 30 秒更换一次，如提示二维码已失效，请重新扫描会场的二维码。</p>
        <Link to={`/login?next=${encodeURIComponent(here)}`} className={`${styles.btn} ${styles.btnBlock}`}>
          登录
        </Link>
      </section>
    );
  }
  if (!meetingId) {
    return (
      <section className={styles.card}>
        <p className={styles.hello}>请扫描会场的签到二维码</p>
        <p className={`${styles.text} ${styles.muted}`}>会议签到二维码由会务人员在会场屏幕上出示，每 30 秒更换一次。</p>
      </section>
    );
  }

  const mine = seat.data?.attendee;
  return (
    <>
      {signIn.isPending ? (
        <section className={`${styles.card} ${a.result}`} aria-busy="true">
          <p className={a.resultTitle} role="status">
            正在签到…
          </p>
        </section>
      ) : null}
      {result ? (
        <section className={`${styles.card} ${a.result}`} aria-live="polite">
          <div className={a.tick} aria-hidden="true">
            <svg viewBox="0 0 24 24" width="60%" height="60%" focusable="false" aria-hidden="true">
              <path d="M4.5 12.5l5 5 10-11" fill="none" stroke="currentColor" strokeWidth="2.6" strokeLinecap="round" strokeLinejoin="round" />
            </svg>
          </div>
          <p className={a.resultTitle}>{result.firstTime ? '签到成功' : '您已签到'}</p>
          <p className={a.resultTime}>{formatDateTime(result.signedAt)}</p>
          <p className={styles.text}>{result.meetingTitle}</p>
        </section>
      ) : null}
      {problem ? (
        <div className={styles.errorBox} role="alert">
          <strong>没有签到成功：</strong>
          {problem}
        </div>
      ) : null}
      {seat.error ? (
        <div className={styles.errorBox} role="alert">
          {errorMessage(seat.error)}
        </div>
      ) : null}
      {seat.data ? (
        <section className={styles.card} aria-label="会议">
          <p className={styles.hello} style={{ fontSize: 'var(--fs-h2)' }}>
            {seat.data.title}
          </p>
          <p className={`${styles.text} ${styles.muted}`}>
            {MEETING_KINDS[seat.data.kind]} · {formatDateTime(seat.data.startsAt)} · {seat.data.place}
          </p>
          <p className={styles.text}>
            {mine ? (
              <>
                {mine.name}：<strong>{ATTENDANCE_STATUSES[mine.status]}</strong>
                {mine.signedAt ? `（${formatDateTime(mine.signedAt)}）` : ''}
              </>
            ) : (
              '您不在本次会议的参会名单中，如有疑问请联系会务人员。'
            )}
          </p>
        </section>
      ) : null}
      {!result && mine?.status !== 'present' ? (
        <section className={styles.card} aria-labelledby="how-title">
          <h2 id="how-title" className={styles.sectionTitle} style={{ marginTop: 0 }}>
            怎样签到
          </h2>
          <ol className={a.steps}>
            <li>会议开始前 1 小时起，用手机扫描会场屏幕上的二维码，就会自动签到。</li>
            <li>二维码 30 秒更换一次，提示失效时请重新扫描。</li>
            <li>不方便扫码时，请会务人员在后台代为签到。</li>
          </ol>
        </section>
      ) : null}
    </>
  );
}
