import { useEffect, useRef, useState } from 'react';
import { SHOWCASE_KINDS, type ShowcaseKind } from '../../../shared/showcase-kinds';
import { errorMessage } from '../../lib/api';
import { useElderMode } from '../../lib/elder';
import { type PublicShowcaseItem, showcaseFileUrl, usePublicShowcase } from '../../lib/queries/public-showcase';
import { PRODUCT_NAME, useTitle } from '../../lib/title';
import { PortalHeader } from '../portal-header';
import styles from '../portal.module.css';
import s from './showcase.module.css';

interface Photo {
  fileId: string;
  caption: string | null;
}

/** A light lightbox: the native <dialog> (focus kept inside, Esc closes), one photo at a time. */
function Lightbox({ photos, index, title, onClose }: { photos: Photo[]; index: number; title: string; onClose: () => void }) {
  const ref = useRef<HTMLDialogElement>(null);
  const [at, setAt] = useState(index);
  useEffect(() => {
    const d = ref.current;
    if (d && !d.open) d.showModal();
    return () => d?.close();
  }, []);
  const photo = photos[at];
  if (!photo) return null;
  return (
    <dialog ref={ref} className={s.lightbox} aria-label={`${title} 第 ${at + 1} 张，共 ${photos.length} 张`} onClose={onClose}>
      <img src={showcaseFileUrl(photo.fileId)} alt={photo.caption ?? `${title} 第 ${at + 1} 张`} />
      {photo.caption ? <p>{photo.caption}</p> : null}
      <div className={s.lightboxBar}>
        {photos.length > 1 ? (
          <button type="button" onClick={() => setAt((at - 1 + photos.length) % photos.length)}>
            上一张
          </button>
        ) : null}
        <button type="button" onClick={() => ref.current?.close()}>
          关闭
        </button>
        {photos.length > 1 ? (
          <button type="button" onClick={() => setAt((at + 1) % photos.length)}>
            下一张
          </button>
        ) : null}
      </div>
    </dialog>
  );
}

function Photos({ photos, title }: { photos: Photo[]; title: string }) {
  const [open, setOpen] = useState<number | null>(null);
  if (photos.length === 0) return null;
  return (
    <>
      <ul className={s.grid}>
        {photos.map((p, i) => (
          <li key={p.fileId}>
            <button type="button" className={s.thumb} onClick={() => setOpen(i)} aria-label={`查看大图：${p.caption ?? `${title} 第 ${i + 1} 张`}`}>
              <img src={showcaseFileUrl(p.fileId)} alt="" loading="lazy" />
              {p.caption ? <span aria-hidden="true">{p.caption}</span> : null}
            </button>
          </li>
        ))}
      </ul>
      {open !== null ? <Lightbox photos={photos} index={open} title={title} onClose={() => setOpen(null)} /> : null}
    </>
  );
}

function Media({ item }: { item: PublicShowcaseItem }) {
  const images = item.media.filter((m) => m.mime.startsWith('image/'));
  return (
    <>
      {item.media
        .filter((m) => m.mime.startsWith('video/'))
        .map((m) => (
          // biome-ignore lint/a11y/useMediaCaption: short promotional clips uploaded by stations carry no caption track
          <video key={m.fileId} className={s.video} controls preload="metadata" aria-label={item.title}>
            <source src={showcaseFileUrl(m.fileId)} type={m.mime} />
            您的浏览器不能播放该视频。
          </video>
        ))}
      <Photos photos={images} title={item.title} />
      {item.media
        .filter((m) => m.mime === 'application/pdf')
        .map((m) => (
          <a key={m.fileId} className={s.pdf} href={showcaseFileUrl(m.fileId)} target="_blank" rel="noopener" aria-label={`查看宣传折页（PDF）：${item.title}`}>
            查看宣传折页（PDF）
          </a>
        ))}
    </>
  );
}

function ItemCard({ item }: { item: PublicShowcaseItem }) {
  const a = item.activity;
  return (
    <article className={s.card} aria-labelledby={`sc-${item.id}`}>
      <h2 className={s.cardTitle} id={`sc-${item.id}`}>
        {item.title}
        {item.featured ? <span className={s.featured}>精选</span> : null}
      </h2>
      <p className={s.meta}>
        {item.unitName} · {item.kindLabel}
      </p>
      {item.coverFileId && item.kind !== 'gallery' ? <img className={s.cover} src={showcaseFileUrl(item.coverFileId)} alt={`${item.title} 封面`} /> : null}
      {item.description ? <p className={s.text}>{item.description}</p> : null}
      {a ? (
        <div className={s.activity}>
          <p>
            <strong>{a.title}</strong>（{a.startsAt.slice(0, 10)}）
          </p>
          {a.summary ? <p>{a.summary}</p> : null}
          {a.servedCount !== null ? <p>服务群众 {a.servedCount} 人次</p> : null}
          <Photos photos={a.photos.map((fileId) => ({ fileId, caption: null }))} title={a.title} />
        </div>
      ) : null}
      <Media item={item} />
      {item.people.length > 0 ? <p className={s.people}>出镜人员：{item.people.join('、')}</p> : null}
    </article>
  );
}

/** 成果展示: what the institute and its stations published — brands, featured activities, galleries, videos, the culture wall, leaflets. */
export default function PortalShowcasePage() {
  useTitle('成果展示');
  const [elder] = useElderMode();
  const [kind, setKind] = useState<ShowcaseKind | undefined>();
  const q = usePublicShowcase(kind);
  const kinds: [ShowcaseKind | undefined, string][] = [
    [undefined, '全部'],
    ...Object.entries(SHOWCASE_KINDS).map(([k, v]) => [k as ShowcaseKind, v.label] as [ShowcaseKind, string]),
  ];
  return (
    <div className={styles.page}>
      <PortalHeader />
      <main id="content" className={`${s.main} ${elder ? s.elder : ''}`}>
        <h1 className={s.title}>成果展示</h1>
        <p className={s.lead}>新时代文明实践所和各实践站的品牌项目、精品活动、图片集、短视频、文化墙和宣传折页。</p>
        <fieldset className={s.kinds}>
          <legend className={s.legend}>展示类别</legend>
          {kinds.map(([k, label]) => (
            <button key={label} type="button" className={s.kind} aria-pressed={kind === k} onClick={() => setKind(k)}>
              {label}
            </button>
          ))}
        </fieldset>
        {q.isPending ? <p className={s.empty}>正在加载…</p> : null}
        {q.error ? (
          <p className={s.error} role="alert">
            加载失败：{errorMessage(q.error)}
          </p>
        ) : null}
        {q.data && q.data.items.length === 0 ? <p className={s.empty}>暂无展示</p> : null}
        {q.data?.items.map((item) => (
          <ItemCard key={item.id} item={item} />
        ))}
      </main>
      <footer className={styles.footer}>
        <div className={styles.footerInner}>
          <p className={styles.footerProduct}>{PRODUCT_NAME}</p>
        </div>
      </footer>
    </div>
  );
}
