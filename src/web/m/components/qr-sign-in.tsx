import { useMutation, useQuery } from '@tanstack/react-query';
import { type ReactNode, useEffect, useRef, useState } from 'react';
import { Link, useSearchParams } from 'react-router-dom';
import { errorMessage } from '../../lib/api';
import { formatDateTime } from '../../lib/format';
import { useSession } from '../../lib/session';
import { useTitle } from '../../lib/title';
import a from '../activities/activities.module.css';
import styles from '../mobile.module.css';

export interface SignedIn {
  firstTime: boolean;
  signedAt: string;
  /** What was signed in to: the meeting's title, the training's topic. */
  what: string;
}

/**
 * The phone page a room's rotating QR code opens (`?<idParam>=<id>&t=<token>`), shared by meeting
 * and training sign-in: after login it signs in once per scanned token (then drops the token from
 * the address, so a reload does not resend it), shows the result, and the caller's seat.
 */
export function QrSignIn<Seat>(props: {
  title: string;
  /** The query parameter carrying the meeting's or session's id. */
  idParam: string;
  /** Where this page lives, to come back to after login. */
  path: string;
  seatKey: readonly unknown[];
  loadSeat: (id: string) => Promise<Seat>;
  signIn: (id: string, token: string) => Promise<SignedIn>;
  renderSeat: (seat: Seat) => ReactNode;
  /** Whether the seat already shows the caller signed in (the how-to is then hidden). */
  isPresent: (seat: Seat | undefined) => boolean;
  /** "会场" / "培训现场": where the code is shown. */
  room: string;
  steps: string[];
}) {
  useTitle(props.title);
  const session = useSession();
  const [params, setParams] = useSearchParams();
  const id = params.get(props.idParam) ?? '';
  const token = params.get('t') ?? '';
  const seat = useQuery({
    queryKey: [...props.seatKey, id],
    enabled: Boolean(session.data && id),
    retry: false,
    queryFn: () => props.loadSeat(id),
  });
  const signIn = useMutation({ mutationFn: (t: string) => props.signIn(id, t) });
  const started = useRef<string | null>(null);
  const [result, setResult] = useState<SignedIn | null>(null);
  const [problem, setProblem] = useState<string | null>(null);

  // Scanning is the request to sign in: once per token, then the token leaves the address so a reload does not resend it.
  // biome-ignore lint/correctness/useExhaustiveDependencies: runs once per scanned token
  useEffect(() => {
    if (!session.data || !id || !token || started.current === token) return;
    started.current = token;
    setParams({ [props.idParam]: id }, { replace: true });
    signIn.mutateAsync(token).then(
      (r) => {
        setResult(r);
        void seat.refetch();
      },
      (err) => setProblem(errorMessage(err)),
    );
  }, [session.data, id, token]);

  if (session.isPending) {
    return (
      <p className={styles.empty} role="status">
        正在加载…
      </p>
    );
  }
  if (!session.data) {
    const here = `${props.path}?${params.toString()}`;
    return (
      <section className={styles.card}>
        <p className={styles.hello}>请先登录再签到</p>
        <p className={`${styles.text} ${styles.muted}`}>
          登录后会自动回到这里完成签到。二维码 30 秒更换一次，如提示二维码已失效，请重新扫描{props.room}的二维码。
        </p>
        <Link to={`/login?next=${encodeURIComponent(here)}`} className={`${styles.btn} ${styles.btnBlock}`}>
          登录
        </Link>
      </section>
    );
  }
  if (!id) {
    return (
      <section className={styles.card}>
        <p className={styles.hello}>请扫描{props.room}的签到二维码</p>
        <p className={`${styles.text} ${styles.muted}`}>签到二维码由工作人员在{props.room}屏幕上出示，每 30 秒更换一次。</p>
      </section>
    );
  }

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
          <p className={styles.text}>{result.what}</p>
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
      {seat.data ? props.renderSeat(seat.data) : null}
      {!result && !props.isPresent(seat.data) ? (
        <section className={styles.card} aria-labelledby="how-title">
          <h2 id="how-title" className={styles.sectionTitle} style={{ marginTop: 0 }}>
            怎样签到
          </h2>
          <ol className={a.steps}>
            {props.steps.map((s) => (
              <li key={s}>{s}</li>
            ))}
          </ol>
        </section>
      ) : null}
    </>
  );
}
