import { type FormEvent, useId, useState } from 'react';
import { Link, Navigate, useNavigate, useSearchParams } from 'react-router-dom';
import { ApiError, errorMessage } from '../lib/api';
import { useElderMode } from '../lib/elder';
import { formatClock } from '../lib/format';
import { usePublicSite } from '../lib/queries/public';
import { homeFor, useLogin, useSession } from '../lib/session';
import { useTitle } from '../lib/title';
import styles from './login-page.module.css';
import { TotpStep } from './totp-step';

/** The server's message, plus when a locked account opens again ("… 21:45 后可再试"). */
function loginErrorText(error: unknown): string {
  if (error instanceof ApiError && error.code === 'auth.locked') {
    const until = typeof error.details.lockedUntil === 'string' ? formatClock(error.details.lockedUntil) : '';
    return until ? `${error.message}。${until} 后可再试。` : error.message;
  }
  return errorMessage(error);
}

const REASONS: Record<string, string> = {
  expired: '登录已过期，请重新登录。',
  idle: '您已长时间未操作，为保护账号安全已自动退出，请重新登录。',
};

export default function LoginPage() {
  useTitle('登录');
  const [params] = useSearchParams();
  const navigate = useNavigate();
  const session = useSession();
  const login = useLogin();
  const site = usePublicSite();
  const [elder, setElder] = useElderMode();
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');
  const [showPassword, setShowPassword] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  const [challenge, setChallenge] = useState<string | null>(null);
  const errorId = useId();
  const formId = useId();
  const next = params.get('next');
  const reason = params.get('reason');
  const institute = site.data?.institutes[0];

  if (session.data && !login.isPending) return <Navigate to={homeFor(session.data, next)} replace />;

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!username.trim()) return setProblem('请输入账号或手机号');
    if (!password) return setProblem('请输入密码');
    setProblem(null);
    login.mutate(
      { username: username.trim(), password },
      {
        onSuccess: (s) => {
          if ('step' in s) {
            setPassword('');
            setChallenge(s.challengeToken);
          } else navigate(homeFor(s, next), { replace: true });
        },
        onError: (err) => {
          setPassword('');
          setProblem(loginErrorText(err));
        },
      },
    );
  };

  return (
    <div className={styles.page} data-elder={elder ? 'true' : 'false'}>
      <header className={styles.top}>
        <Link to="/" className={styles.brand}>
          <img src="/favicon.svg" alt="" width={36} height={36} />
          <span>
            <strong>实践</strong>
            <span className={styles.brandSub}>新时代文明实践平台</span>
          </span>
        </Link>
        <button type="button" className={styles.elder} aria-pressed={elder} onClick={() => setElder(!elder)}>
          长辈版
        </button>
      </header>
      <main className={styles.main}>
        <section className={styles.card} aria-labelledby="login-title">
          <p className={styles.product}>实践 · 新时代文明实践平台</p>
          <h1 id="login-title" className={styles.title}>
            登录
          </h1>
          {institute ? <p className={styles.institute}>{institute.name}</p> : null}
          {reason && REASONS[reason] ? (
            <p className={styles.notice} role="status">
              {REASONS[reason]}
            </p>
          ) : null}
          {challenge ? (
            <TotpStep challengeToken={challenge} onSignedIn={(s) => navigate(homeFor(s, next), { replace: true })} onRestart={() => setChallenge(null)} />
          ) : (
            <form onSubmit={submit} noValidate className={styles.form}>
              <div className={styles.field}>
                <label htmlFor={`${formId}-username`} className={styles.label}>
                  账号/手机号
                </label>
                <input
                  id={`${formId}-username`}
                  name="username"
                  autoComplete="username"
                  autoCapitalize="none"
                  spellCheck={false}
                  value={username}
                  onChange={(e) => setUsername(e.target.value)}
                  aria-invalid={!!problem && !username.trim()}
                  aria-describedby={problem ? errorId : undefined}
                  maxLength={64}
                  className={styles.input}
                />
              </div>
              <div className={styles.field}>
                <label htmlFor={`${formId}-password`} className={styles.label}>
                  密码
                </label>
                <div className={styles.passwordRow}>
                  <input
                    id={`${formId}-password`}
                    name="password"
                    type={showPassword ? 'text' : 'password'}
                    autoComplete="current-password"
                    value={password}
                    onChange={(e) => setPassword(e.target.value)}
                    aria-invalid={!!problem && !!username.trim()}
                    aria-describedby={problem ? errorId : undefined}
                    maxLength={256}
                    className={styles.input}
                  />
                  <button type="button" className={styles.reveal} aria-pressed={showPassword} aria-label="显示密码" onClick={() => setShowPassword((v) => !v)}>
                    {showPassword ? '隐藏' : '显示'}
                  </button>
                </div>
              </div>
              <div id={errorId} className={styles.error} role="alert">
                {problem}
              </div>
              <button type="submit" className={styles.submit} disabled={login.isPending}>
                {login.isPending ? '正在登录…' : '登录'}
              </button>
            </form>
          )}
          <p className={styles.help}>忘记密码或账号被锁定，请联系所在实践站或实践所的管理员协助处理。</p>
        </section>
        <nav className={styles.links} aria-label="其他入口">
          <Link to="/">返回门户首页</Link>
          <Link to="/m">进入移动端</Link>
        </nav>
      </main>
      <footer className={styles.footer}>
        {institute ? `${institute.name}${institute.phone ? ` · 联系电话 ${institute.phone}` : ''}` : '实践 · 新时代文明实践平台'}
      </footer>
    </div>
  );
}
