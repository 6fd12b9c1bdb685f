import { Link, useParams } from 'react-router-dom';
import { ApiError, errorMessage } from '../../lib/api';
import { usePublicNewsItem } from '../../lib/queries/public-news';
import { useTitle } from '../../lib/title';
import { dateOf, NewsChrome } from './news-chrome';
import s from './news.module.css';

/** One published item. The body was sanitised on the server when it was written (allow-list). */
export default function NewsPage() {
  const { id = '' } = useParams();
  const q = usePublicNewsItem(id);
  useTitle(q.data?.title ?? '新闻');
  const back = (
    <Link to="/news" className={s.back}>
      ← 返回新闻列表
    </Link>
  );
  if (q.isPending) {
    return (
      <NewsChrome title="新闻" top={back}>
        <p className={s.empty}>正在加载…</p>
      </NewsChrome>
    );
  }
  if (q.error || !q.data) {
    const missing = q.error instanceof ApiError && q.error.status === 404;
    return (
      <NewsChrome title={missing ? '找不到这条新闻' : '新闻'} top={back}>
        <p className={s.error} role="alert">
          {missing ? '这条新闻不存在或已撤回。' : `加载失败：${errorMessage(q.error)}`}
        </p>
      </NewsChrome>
    );
  }
  const n = q.data;
  return (
    <NewsChrome title={n.title} top={back}>
      <article>
        <p className={s.meta}>
          {n.categoryLabel} · {n.unitName} · {dateOf(n.publishedAt)}
        </p>
        {n.coverUrl ? <img className={s.heroImage} src={n.coverUrl} alt="" /> : null}
        {/* biome-ignore lint/security/noDangerouslySetInnerHtml: the body is sanitised on the server (sanitize-html allow-list) when written */}
        <div className={s.body} dangerouslySetInnerHTML={{ __html: n.body }} />
        {n.activityTitle ? <p className={s.related}>相关活动：{n.activityTitle}</p> : null}
        {n.programmeName ? <p className={s.related}>实践项目：{n.programmeName}</p> : null}
      </article>
    </NewsChrome>
  );
}
