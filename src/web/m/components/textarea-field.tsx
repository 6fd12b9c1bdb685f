import { type CSSProperties, useId } from 'react';
import styles from '../mobile.module.css';
import o from '../orders/orders.module.css';

/** A labelled text box of the phone pages (进展情况, 想说的话, 服务情况 …), with its hint. */
export function TextareaField({
  label,
  optional,
  value,
  onChange,
  maxLength,
  placeholder,
  hint,
  short = false,
  invalid,
  style,
}: {
  label: string;
  /** Shown after the label in brackets, e.g. "可不写". */
  optional?: string;
  value: string;
  onChange: (value: string) => void;
  maxLength: number;
  placeholder?: string;
  hint?: string;
  /** A few lines instead of a full box. */
  short?: boolean;
  invalid?: boolean;
  style?: CSSProperties;
}) {
  const id = useId();
  return (
    <div className={styles.field} style={style}>
      <label className={styles.label} htmlFor={id}>
        {label}
        {optional ? <span className={o.optional}>（{optional}）</span> : null}
      </label>
      <textarea
        id={id}
        className={o.textarea}
        style={short ? { minHeight: '4.5em' } : undefined}
        value={value}
        maxLength={maxLength}
        onChange={(e) => onChange(e.target.value)}
        placeholder={placeholder}
        aria-invalid={invalid}
      />
      {hint ? <span className={styles.hint}>{hint}</span> : null}
    </div>
  );
}

/** The line under a form that says what is missing. */
export function FormError({ error }: { error: string | null | undefined }) {
  return error ? (
    <p className={styles.fieldError} role="alert">
      {error}
    </p>
  ) : null;
}
