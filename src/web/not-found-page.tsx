import { Link } from 'react-router-dom';
import { useTitle } from './lib/title';
import styles from './not-found-page.module.css';

export default function NotFoundPage() {
  useTitle('页面不存在');
  return (
    <main className={styles.wrap}>
      <p className={styles.code} aria-hidden="true">
        404
      </p>
      <h1 className={styles.title}>页面不存在</h1>
      <p className={styles.text}>您访问的地址可能有误，或页面已被移除。</p>
      <nav className={styles.links} aria-label="返回">
        <Link to="/">返回首页</Link>
        <Link to="/m">进入移动端</Link>
        <Link to="/login">登录</Link>
      </nav>
    </main>
  );
}
