import { type FormEvent, useId, useState } from 'react';
import { errorMessage } from '../../lib/api';
import { type PublicCampaign, useFileObjection, usePublicCampaigns } from '../../lib/queries/public-campaigns';
import { PRODUCT_NAME, useTitle } from '../../lib/title';
import { PortalHeader } from '../portal-header';
import styles from '../portal.module.css';
import s from './campaigns.module.css';

function Nominees({ c }: { c: PublicCampaign }) {
  if (c.nominees.length === 0) return <p className={s.empty}>暂无名单</p>;
  return (
    <ul className={s.list}>
      {c.nominees.map((n) => (
        <li key={n.id}>
          <span className={s.name}>{n.name}</span>
          <span className={s.station}>{n.stationName}</span>
          <p className={s.deeds}>{n.deeds}</p>
        </li>
      ))}
    </ul>
  );
}

/** 异议: anyone, without logging in, during 公示. Name optional; contact so the institute can reply. */
function ObjectionForm({ c }: { c: PublicCampaign }) {
  const id = useId();
  const [open, setOpen] = useState(false);
  const [done, setDone] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const file = useFileObjection(c.id);
  if (done)
    return (
      <p className={s.ok} role="status">
        {done}
      </p>
    );
  if (!open) {
    return (
      <button type="button" className={s.toggle} onClick={() => setOpen(true)}>
        对公示名单提出异议
      </button>
    );
  }
  const submit = async (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    const f = new FormData(e.currentTarget);
    const text = (k: string) => String(f.get(k) ?? '').trim();
    setError(null);
    try {
      const r = await file.mutateAsync({
        nominationId: text('nominationId'),
        name: text('name') || undefined,
        contact: text('contact'),
        content: text('content'),
      });
      setDone(r.message);
    } catch (err) {
      setError(errorMessage(err));
    }
  };
  return (
    <form className={s.form} onSubmit={(e) => void submit(e)} aria-label={`对“${c.title}”提出异议`}>
      <label htmlFor={`${id}-n`}>
        异议对象
        <select id={`${id}-n`} name="nominationId" required defaultValue="">
          <option value="" disabled>
            请选择
          </option>
          {c.nominees.map((n) => (
            <option key={n.id} value={n.id}>
              {n.name}（{n.stationName}）
            </option>
          ))}
        </select>
      </label>
      <label htmlFor={`${id}-name`}>
        您的姓名（可不填）
        <input id={`${id}-name`} name="name" maxLength={40} autoComplete="name" />
      </label>
      <label htmlFor={`${id}-c`}>
        联系方式（电话或地址，仅实践所核实时使用，不公开）
        <input id={`${id}-c`} name="contact" required minLength={5} maxLength={60} autoComplete="tel" />
      </label>
      <label htmlFor={`${id}-t`}>
        异议内容
        <textarea id={`${id}-t`} name="content" required minLength={5} maxLength={1000} rows={4} />
      </label>
      {error ? (
        <p className={s.error} role="alert">
          {error}
        </p>
      ) : null}
      <button type="submit" className={s.button} disabled={file.isPending}>
        {file.isPending ? '提交中…' : '提交异议'}
      </button>
    </form>
  );
}

function CampaignCard({ c }: { c: PublicCampaign }) {
  return (
    <article className={s.card}>
      <h3 className={s.cardTitle}>{c.title}</h3>
      <p className={s.meta}>
        {c.instituteName} · {c.kindLabel}
        {c.status === 'notice' && c.noticeEndsOn ? ` · 公示至 ${c.noticeEndsOn}` : ''}
      </p>
      {c.status === 'notice' ? <p className={s.criteria}>评选条件：{c.criteria}</p> : null}
      <Nominees c={c} />
      {c.objectionsOpen ? <ObjectionForm c={c} /> : null}
    </article>
  );
}

function ResultsByYear({ list, empty }: { list: PublicCampaign[]; empty: string }) {
  if (list.length === 0) return <p className={s.empty}>{empty}</p>;
  const years = [...new Set(list.map((c) => c.year))];
  return (
    <>
      {years.map((y) => (
        <div key={y}>
          <h3 className={s.year}>{y} 年度</h3>
          {list
            .filter((c) => c.year === y)
            .map((c) => (
              <CampaignCard key={c.id} c={c} />
            ))}
        </div>
      ))}
    </>
  );
}

/** 评选公示与结果: campaigns in 公示 (with the objection form), 善行义举榜, 乡贤榜, and other results by year. */
export default function PortalCampaignsPage() {
  useTitle('评选公示');
  const q = usePublicCampaigns();
  const results = q.data?.results ?? [];
  return (
    <div className={styles.page}>
      <PortalHeader />
      <main id="content" className={s.main}>
        <h1 className={s.title}>评选公示与结果</h1>
        <p className={s.lead}>十星文明户、福美院落、清洁户、身边好人、道德模范、乡贤评选的公示名单和结果。公示期内，对名单有异议的，可以在下方提出。</p>
        {q.isPending ? <p className={s.empty}>正在加载…</p> : null}
        {q.error ? (
          <p className={s.error} role="alert">
            加载失败：{errorMessage(q.error)}
          </p>
        ) : null}
        {q.data ? (
          <>
            <section className={s.section} aria-labelledby="notices">
              <h2 id="notices" className={s.sectionTitle}>
                正在公示
              </h2>
              {q.data.notices.length === 0 ? <p className={s.empty}>目前没有正在公示的评选</p> : q.data.notices.map((c) => <CampaignCard key={c.id} c={c} />)}
            </section>
            <section className={s.section} aria-labelledby="good">
              <h2 id="good" className={s.sectionTitle}>
                善行义举榜
              </h2>
              <ResultsByYear list={results.filter((c) => c.kind === 'good_person')} empty="还没有上榜的身边好人" />
            </section>
            <section className={s.section} aria-labelledby="sages">
              <h2 id="sages" className={s.sectionTitle}>
                乡贤榜
              </h2>
              <ResultsByYear list={results.filter((c) => c.kind === 'sage')} empty="还没有上榜的乡贤" />
            </section>
            <section className={s.section} aria-labelledby="results">
              <h2 id="results" className={s.sectionTitle}>
                历年评选结果
              </h2>
              <ResultsByYear list={results.filter((c) => c.kind !== 'good_person' && c.kind !== 'sage')} empty="还没有公布的评选结果" />
            </section>
          </>
        ) : null}
      </main>
      <footer className={styles.footer}>
        <div className={styles.footerInner}>
          <p className={styles.footerProduct}>{PRODUCT_NAME}</p>
        </div>
      </footer>
    </div>
  );
}
