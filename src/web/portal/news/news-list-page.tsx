import { useState } from 'react';
import { Link } from 'react-router-dom';
import { NEWS_CATEGORIES, type NewsCategory } from '../../../shared/news-labels';
import { errorMessage } from '../../lib/api';
import { type PublicNewsItem, usePublicNews } from '../../lib/queries/public-news';
import { useTitle } from '../../lib/title';
import { dateOf, NewsChrome } from './news-chrome';
import s from './news.module.css';

const PAGE_SIZE = 10;

export function NewsItemRow({ n }: { n: PublicNewsItem }) {
  return (
    <li className={s.item}>
      <Link to={`/news/${n.id}`} className={s.itemLink}>
        {n.coverUrl ? <img className={s.cover} src={n.coverUrl} alt="" loading="lazy" width={112} height={84} /> : null}
        <span>
          <h3 className={s.itemTitle}>{n.title}</h3>
          <p className={s.meta}>
            {n.categoryLabel} · {n.unitName} · {dateOf(n.publishedAt)}
          </p>
          {n.summary ? <p className={s.summary}>{n.summary}</p> : null}
        </span>
      </Link>
    </li>
  );
}

/** 新闻: every published item, newest first, by category; no login. */
export default function NewsListPage() {
  useTitle('新闻');
  const [category, setCategory] = useState<NewsCategory | undefined>(undefined);
  const [page, setPage] = useState(1);
  const q = usePublicNews({ category, page, pageSize: PAGE_SIZE });
  const pages = q.data ? Math.max(1, Math.ceil(q.data.total / PAGE_SIZE)) : 1;
  const pick = (c: NewsCategory | undefined) => {
    setCategory(c);
    setPage(1);
  };
  return (
    <NewsChrome title="新闻">
      <ul className={s.filters} aria-label="新闻类别">
        <li>
          <button type="button" className={s.filter} aria-pressed={category === undefined} onClick={() => pick(undefined)}>
            全部
          </button>
        </li>
        {(Object.entries(NEWS_CATEGORIES) as [NewsCategory, string][]).map(([k, label]) => (
          <li key={k}>
            <button type="button" className={s.filter} aria-pressed={category === k} onClick={() => pick(k)}>
              {label}
            </button>
          </li>
        ))}
      </ul>
      {q.isPending ? <p className={s.empty}>正在加载…</p> : null}
      {q.error ? (
        <p className={s.error} role="alert">
          加载失败：{errorMessage(q.error)}
        </p>
      ) : null}
      {q.data && q.data.items.length === 0 ? <p className={s.empty}>暂无新闻</p> : null}
      {q.data && q.data.items.length > 0 ? (
        <>
          <h2 className="sr-only">新闻列表</h2>
          <ul className={s.list}>
            {q.data.items.map((n) => (
              <NewsItemRow key={n.id} n={n} />
            ))}
          </ul>
          {pages > 1 ? (
            <nav className={s.pager} aria-label="翻页">
              <button type="button" disabled={page <= 1} onClick={() => setPage(page - 1)}>
                上一页
              </button>
              <span>
                第 {page} / {pages} 页
              </span>
              <button type="button" disabled={page >= pages} onClick={() => setPage(page + 1)}>
                下一页
              </button>
            </nav>
          ) : null}
        </>
      ) : null}
    </NewsChrome>
  );
}
