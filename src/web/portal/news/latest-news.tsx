import { Link } from 'react-router-dom';
import { usePublicNews } from '../../lib/queries/public-news';
import styles from '../portal.module.css';
import { NewsItemRow } from './news-list-page';
import s from './news.module.css';

/** The portal home's 新闻 section: the latest three published items; nothing while there are none. */
export default function LatestNews() {
  const q = usePublicNews({ page: 1, pageSize: 3 });
  if (!q.data || q.data.items.length === 0) return null;
  return (
    <section className={styles.section} aria-labelledby="news-title">
      <h2 id="news-title" className={styles.sectionTitle}>
        新闻动态
      </h2>
      <div className={styles.card}>
        <ul className={s.list}>
          {q.data.items.map((n) => (
            <NewsItemRow key={n.id} n={n} />
          ))}
        </ul>
        <Link to="/news" className={styles.cardLink}>
          更多新闻
        </Link>
      </div>
    </section>
  );
}
