import { type FormEvent, useId, useState } from 'react';
import { useNavigate } from 'react-router-dom';
import v from './verify.module.css';

/** What a certificate number looks like on paper; the server has the last word. */
export function cleanCertificateNumber(raw: string): string {
  return raw.trim().replace(/\s+/g, '').toUpperCase();
}

/** The certificate-number box on the verify page and the portal home. */
export function NumberForm({ initial = '' }: { initial?: string }) {
  const navigate = useNavigate();
  const [value, setValue] = useState(initial);
  const [problem, setProblem] = useState<string | null>(null);
  const errorId = useId();

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const number = cleanCertificateNumber(value);
    if (number.length < 6) {
      setProblem('请输入证明上的编号，例如 SJ2026-7KQ3M9XA');
      return;
    }
    setProblem(null);
    navigate(`/verify/${encodeURIComponent(number)}`);
  };

  return (
    <form className={v.form} onSubmit={submit} noValidate aria-label="证明核验">
      <label>
        证明编号
        <input
          value={value}
          onChange={(e) => setValue(e.target.value)}
          placeholder="如 SJ2026-7KQ3M9XA"
          autoComplete="off"
          autoCapitalize="characters"
          spellCheck={false}
          maxLength={40}
          aria-invalid={!!problem}
          aria-describedby={problem ? errorId : undefined}
        />
      </label>
      <button type="submit">核验</button>
      {problem ? (
        <p id={errorId} className={v.formError} role="alert">
          {problem}
        </p>
      ) : null}
    </form>
  );
}
