import { type FormEvent, useId, useState } from 'react';
import type { SessionView } from '../../shared/accounts';
import { errorMessage } from '../lib/api';
import { useLoginWithTotp } from '../lib/session';
import styles from './login-page.module.css';

/**
 * The second login step: the password was right and the account uses two-factor login. The 6-digit
 * code of the authenticator app, or one of the recovery codes.
 */
export function TotpStep({ challengeToken, onSignedIn, onRestart }: { challengeToken: string; onSignedIn: (s: SessionView) => void; onRestart: () => void }) {
  const verify = useLoginWithTotp();
  const [method, setMethod] = useState<'code' | 'recovery'>('code');
  const [code, setCode] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  const id = useId();
  const errorId = `${id}-error`;

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!code.trim()) return setProblem(method === 'code' ? '请输入 6 位验证码' : '请输入恢复码');
    setProblem(null);
    verify.mutate(
      { challengeToken, method, code: code.trim() },
      {
        onSuccess: onSignedIn,
        onError: (err) => {
          setCode('');
          setProblem(errorMessage(err));
        },
      },
    );
  };

  const switchMethod = () => {
    setMethod(method === 'code' ? 'recovery' : 'code');
    setCode('');
    setProblem(null);
  };

  return (
    <form onSubmit={submit} noValidate className={styles.form} aria-label="双因素验证">
      <p className={styles.notice} role="status">
        {method === 'code' ? '请打开手机上的身份验证器，输入显示的 6 位验证码。' : '请输入一个未使用过的恢复码（每个只能使用一次）。'}
      </p>
      <div className={styles.field}>
        <label htmlFor={`${id}-code`} className={styles.label}>
          {method === 'code' ? '验证码' : '恢复码'}
        </label>
        <input
          id={`${id}-code`}
          name="code"
          inputMode={method === 'code' ? 'numeric' : 'text'}
          autoComplete="one-time-code"
          autoCapitalize="characters"
          spellCheck={false}
          value={code}
          onChange={(e) => setCode(e.target.value)}
          aria-invalid={!!problem}
          aria-describedby={problem ? errorId : undefined}
          maxLength={method === 'code' ? 6 : 32}
          className={styles.input}
          // biome-ignore lint/a11y/noAutofocus: the one field of this step, shown right after the password was accepted
          autoFocus
        />
      </div>
      <div id={errorId} className={styles.error} role="alert">
        {problem}
      </div>
      <button type="submit" className={styles.submit} disabled={verify.isPending}>
        {verify.isPending ? '正在验证…' : '验证并登录'}
      </button>
      <p className={styles.help}>
        <button type="button" className={styles.linkButton} onClick={switchMethod}>
          {method === 'code' ? '手机不在身边？使用恢复码' : '使用身份验证器验证码'}
        </button>
        {' · '}
        <button type="button" className={styles.linkButton} onClick={onRestart}>
          重新输入账号密码
        </button>
      </p>
    </form>
  );
}
