import type { ReactNode } from 'react';
import styles from '../mobile.module.css';
import type { Draft, Errors } from './draft';

/** What every step gets from the page: the draft, a setter that clears the field's error, and the errors. */
export interface StepProps {
  draft: Draft;
  set: <K extends keyof Draft>(key: K, value: Draft[K]) => void;
  errors: Errors;
}

/** The error line under a field (its id is what `aria-describedby` points at). */
export function fieldError(errors: Errors, key: keyof Draft): ReactNode {
  return errors[key] ? (
    <span id={`reg-${key}-error`} className={styles.fieldError}>
      {errors[key]}
    </span>
  ) : null;
}

export const describedBy = (errors: Errors, key: keyof Draft, hint?: boolean) => (errors[key] ? `reg-${key}-error` : hint ? `reg-${key}-hint` : undefined);

export function TextField({
  id,
  label,
  value,
  onChange,
  error,
  describedBy,
  hint,
  ...rest
}: {
  id: keyof Draft;
  label: string;
  value: string;
  onChange: (value: string) => void;
  error: ReactNode;
  describedBy?: string;
  hint?: string;
  autoComplete?: string;
  inputMode?: 'tel' | 'text';
  maxLength?: number;
}) {
  return (
    <div className={styles.field}>
      <label className={styles.label} htmlFor={`reg-${id}`}>
        {label}
      </label>
      <input
        id={`reg-${id}`}
        className={styles.input}
        value={value}
        onChange={(e) => onChange(e.target.value)}
        aria-invalid={!!error}
        aria-describedby={describedBy}
        {...rest}
      />
      {hint ? (
        <span id={`reg-${id}-hint`} className={styles.hint}>
          {hint}
        </span>
      ) : null}
      {error}
    </div>
  );
}
