import { type FormEvent, useState } from 'react';
import { Link, Navigate, useNavigate } from 'react-router-dom';
import { ApiError, errorMessage } from '../lib/api';
import { passwordChecks, passwordProblemText } from '../lib/password-checks';
import { useChangePassword, useSession } from '../lib/session';
import { useTitle } from '../lib/title';
import styles from './mobile.module.css';

type Field = 'currentPassword' | 'newPassword' | 'confirmPassword';

export default function PasswordPage() {
  useTitle('修改密码');
  const session = useSession();
  const change = useChangePassword();
  const navigate = useNavigate();
  const [values, setValues] = useState<Record<Field, string>>({ currentPassword: '', newPassword: '', confirmPassword: '' });
  const [errors, setErrors] = useState<Partial<Record<Field | 'form', string>>>({});
  const [done, setDone] = useState(false);
  const me = session.data;

  if (session.isPending) return <p className={styles.empty}>正在加载…</p>;
  if (!me) return <Navigate to="/login?next=/m/password" replace />;

  const forced = me.account.mustChangePassword;
  const set = (field: Field) => (e: React.ChangeEvent<HTMLInputElement>) => setValues((v) => ({ ...v, [field]: e.target.value }));

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const next: typeof errors = {};
    if (!values.currentPassword) next.currentPassword = '请输入当前密码';
    const problem = values.newPassword ? passwordProblemText(values.newPassword, me.account.username) : '请输入新密码';
    if (problem) next.newPassword = problem;
    if (values.confirmPassword !== values.newPassword) next.confirmPassword = '两次输入的新密码不一致';
    setErrors(next);
    if (Object.keys(next).length) return;
    change.mutate(
      { currentPassword: values.currentPassword, newPassword: values.newPassword },
      {
        onSuccess: () => {
          setValues({ currentPassword: '', newPassword: '', confirmPassword: '' });
          setDone(true);
        },
        onError: (err) => {
          if (err instanceof ApiError && err.code === 'auth.wrong_password') setErrors({ currentPassword: err.message });
          else if (err instanceof ApiError && err.code.startsWith('password.')) setErrors({ newPassword: err.message });
          else setErrors({ form: errorMessage(err) });
        },
      },
    );
  };

  if (done) {
    return (
      <section className={styles.card} aria-live="polite">
        <p className={styles.hello}>密码已修改</p>
        <p className={`${styles.text} ${styles.muted}`}>下次登录请使用新密码。其他设备上的登录已失效。</p>
        <button type="button" className={`${styles.btn} ${styles.btnBlock}`} onClick={() => navigate('/m', { replace: true })}>
          返回首页
        </button>
      </section>
    );
  }

  const field = (name: Field, label: string, autoComplete: string, extra?: React.ReactNode) => (
    <div className={styles.field}>
      <label className={styles.label} htmlFor={`pw-${name}`}>
        {label}
      </label>
      <input
        id={`pw-${name}`}
        type="password"
        className={styles.input}
        autoComplete={autoComplete}
        value={values[name]}
        onChange={set(name)}
        aria-invalid={!!errors[name]}
        aria-describedby={errors[name] ? `pw-${name}-error` : extra ? `pw-${name}-extra` : undefined}
        maxLength={256}
      />
      {extra}
      {errors[name] ? (
        <span id={`pw-${name}-error`} className={styles.fieldError}>
          {errors[name]}
        </span>
      ) : null}
    </div>
  );

  return (
    <>
      {forced ? (
        <p className={styles.notice} role="status">
          您正在使用管理员发放的一次性密码，或密码已到期。请先设置自己的新密码再继续使用。
        </p>
      ) : null}
      <section className={styles.card} aria-label="修改密码">
        <form className={styles.form} onSubmit={submit} noValidate>
          <input type="text" name="username" autoComplete="username" value={me.account.username} readOnly hidden />
          {field(
            'currentPassword',
            '当前密码',
            'current-password',
            forced ? (
              <span id="pw-currentPassword-extra" className={styles.hint}>
                即管理员告知您的一次性密码
              </span>
            ) : undefined,
          )}
          {field(
            'newPassword',
            '新密码',
            'new-password',
            <ul id="pw-newPassword-extra" className={styles.checks} aria-label="新密码要求">
              {passwordChecks(values.newPassword, me.account.username).map((c) => (
                <li key={c.label} className={c.ok ? `${styles.check} ${styles.checkOk}` : styles.check}>
                  <span aria-hidden="true">{c.ok ? '✓' : '·'}</span>
                  <span>
                    {c.label}
                    <span className="sr-only">{c.ok ? '（已满足）' : '（未满足）'}</span>
                  </span>
                </li>
              ))}
            </ul>,
          )}
          {field('confirmPassword', '确认新密码', 'new-password')}
          {errors.form ? (
            <p className={styles.errorBox} role="alert">
              {errors.form}
            </p>
          ) : null}
          <button type="submit" className={`${styles.btn} ${styles.btnBlock}`} disabled={change.isPending}>
            {change.isPending ? '正在提交…' : '确认修改'}
          </button>
        </form>
      </section>
      {!forced ? (
        <Link to="/m/me" className={`${styles.btn} ${styles.btnGhost} ${styles.btnBlock}`}>
          返回我的
        </Link>
      ) : null}
    </>
  );
}
