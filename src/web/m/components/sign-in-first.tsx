import { Link } from 'react-router-dom';
import styles from '../mobile.module.css';

/** The phone pages' loading line while the session (or the page's data) comes. */
export function Loading({ text = '正在加载…' }: { text?: string }) {
  return (
    <p className={styles.empty} role="status">
      {text}
    </p>
  );
}

/**
 * What a /m page shows someone not signed in: a title, a line on what signing in gives, and the
 * 登录 button that comes back to `next`.
 */
export function SignInFirst({ title = '请先登录', text, next, label }: { title?: string; text?: string; next: string; label?: string }) {
  return (
    <section className={styles.card} aria-label={label}>
      <p className={styles.hello}>{title}</p>
      {text ? <p className={`${styles.text} ${styles.muted}`}>{text}</p> : null}
      <Link to={`/login?next=${encodeURIComponent(next)}`} className={`${styles.btn} ${styles.btnBlock}`}>
        登录
      </Link>
    </section>
  );
}
