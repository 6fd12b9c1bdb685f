import { useMemo, useState } from 'react';
import { OFFLINE_VENUE_KINDS, VENUE_KIND_LABELS } from '../../../shared/labels';
import type { VenueKind } from '../../../shared/venues';
import { usePublicBrands } from '../../lib/queries/programmes';
import { useMapConfig, usePublicVenues, type VenueView } from '../../lib/queries/venues';
import p from '../portal.module.css';
import s from './venues-section.module.css';
import { KIND_COLOURS, shortVenueName, VenueMap } from './venue-map';

const OFFLINE = Object.keys(OFFLINE_VENUE_KINDS) as VenueKind[];

/** The portal's 实践阵地 (map and directory) and 品牌 (一所一品、一社区一特色) sections, from public endpoints. */
export default function VenuesSection() {
  return (
    <>
      <Venues />
      <Brands />
    </>
  );
}

function Venues() {
  const venues = usePublicVenues();
  const config = useMapConfig();
  const [kind, setKind] = useState<VenueKind | 'all'>('all');
  const [hover, setHover] = useState<string | null>(null);

  const offline = useMemo(() => (venues.data ?? []).filter((v) => v.mode === 'offline' && !v.archived), [venues.data]);
  const online = useMemo(() => (venues.data ?? []).filter((v) => v.mode === 'online' && !v.archived), [venues.data]);
  const shown = kind === 'all' ? offline : offline.filter((v) => v.kind === kind);
  // One number per venue, the same on the map and in the list.
  const numbered = shown.map((v, i) => ({ venue: v, number: i + 1 }));
  const points = numbered
    .filter(({ venue }) => venue.lng !== null && venue.lat !== null)
    .map(({ venue, number }) => ({
      id: venue.id,
      name: venue.name,
      lng: venue.lng as number,
      lat: venue.lat as number,
      colour: KIND_COLOURS[venue.kind] ?? '#3d434d',
      number,
      label: shortVenueName(venue.name),
    }));
  const kinds = OFFLINE.filter((k) => offline.some((v) => v.kind === k));

  return (
    <section className={p.section} aria-labelledby="venues-title" id="venues">
      <h2 id="venues-title" className={p.sectionTitle}>
        实践阵地
      </h2>
      {venues.isPending ? (
        <p className={p.state} role="status">
          正在加载阵地…
        </p>
      ) : venues.error ? (
        <div className={p.state} role="alert">
          <p>阵地信息加载失败：{venues.error.message}</p>
          <button type="button" onClick={() => void venues.refetch()} className={p.retry}>
            重新加载
          </button>
        </div>
      ) : offline.length + online.length === 0 ? (
        <p className={p.state}>暂未公布阵地信息</p>
      ) : (
        <>
          <p className={p.count}>
            线下阵地 {offline.length} 处，线上阵地 {online.length} 个。理论宣讲、教育服务、文化惠民、乡风文明、健康促进与体育服务，在家门口就能参加。
          </p>
          {kinds.length > 1 ? (
            <fieldset className={s.filters}>
              <legend className="sr-only">按类型查看阵地</legend>
              <button type="button" aria-pressed={kind === 'all'} onClick={() => setKind('all')}>
                全部
              </button>
              {kinds.map((k) => (
                <button key={k} type="button" aria-pressed={kind === k} onClick={() => setKind(k)}>
                  <span className={s.dot} style={{ background: KIND_COLOURS[k] }} aria-hidden="true" />
                  {VENUE_KIND_LABELS[k]}
                </button>
              ))}
            </fieldset>
          ) : null}
          <div className={s.layout}>
            <div className={s.map}>
              <VenueMap
                points={points}
                legend={kinds.map((k) => ({ colour: KIND_COLOURS[k], label: VENUE_KIND_LABELS[k] }))}
                tileUrl={config.data?.tileUrl}
                attribution={config.data?.attribution}
                title="实践阵地分布示意图"
                highlight={hover}
              />
            </div>
            <ol className={s.list} aria-label="阵地名录">
              {numbered.map(({ venue, number }) => (
                <VenueItem key={venue.id} venue={venue} number={number} onHover={setHover} />
              ))}
            </ol>
          </div>
          {online.length ? (
            <>
              <h3 className={s.subTitle}>线上阵地</h3>
              <ul className={p.grid}>
                {online.map((v) => (
                  <li key={v.id} className={p.card}>
                    <p className={p.cardMeta}>{VENUE_KIND_LABELS[v.kind]}</p>
                    <h4 className={p.cardTitle}>{v.name}</h4>
                    {v.intro ? <p className={p.cardText}>{v.intro}</p> : null}
                    {v.url ? (
                      <a href={v.url} className={p.cardLink} target="_blank" rel="noreferrer noopener">
                        访问
                      </a>
                    ) : null}
                  </li>
                ))}
              </ul>
            </>
          ) : null}
        </>
      )}
    </section>
  );
}

function VenueItem({ venue: v, number, onHover }: { venue: VenueView; number: number; onHover: (id: string | null) => void }) {
  const rooms = v.rooms.filter((r) => !r.archived);
  return (
    <li className={s.item} onMouseEnter={() => onHover(v.id)} onMouseLeave={() => onHover(null)}>
      <span className={s.number} style={{ background: KIND_COLOURS[v.kind] ?? '#3d434d' }} aria-hidden="true">
        {number}
      </span>
      <div className={s.itemBody}>
        <h3 className={s.itemTitle}>
          <span className="sr-only">{number}. </span>
          {v.name}
        </h3>
        <p className={s.itemMeta}>
          {VENUE_KIND_LABELS[v.kind]} · {v.unitName}
        </p>
        {v.address ? <p className={s.itemText}>{v.address}</p> : null}
        {v.openingHours ? <p className={s.itemText}>开放时间：{v.openingHours}</p> : null}
        {rooms.length ? <p className={s.itemText}>功能室：{rooms.map((r) => r.name).join('、')}</p> : null}
        {v.contactPhone ? (
          <p className={s.itemText}>
            电话：<a href={`tel:${v.contactPhone.replace(/[^0-9+]/g, '')}`}>{v.contactPhone}</a>
          </p>
        ) : null}
      </div>
    </li>
  );
}

function Brands() {
  const brands = usePublicBrands();
  const institute = (brands.data ?? []).filter((b) => b.unitKind === 'institute');
  const stations = (brands.data ?? []).filter((b) => b.unitKind === 'station');
  if (brands.isPending || brands.error || (brands.data ?? []).length === 0) return null;
  return (
    <section className={p.section} aria-labelledby="brands-title" id="brands">
      <h2 id="brands-title" className={p.sectionTitle}>
        品牌展示
      </h2>
      {institute.map((b) => (
        <div key={b.unitId} className={s.hero}>
          <p className={s.heroEyebrow}>一所一品 · {b.unitName}</p>
          <h3 className={s.heroTitle}>{b.name}</h3>
          {b.intro ? <p className={s.heroText}>{b.intro}</p> : null}
        </div>
      ))}
      {stations.length ? (
        <>
          <h3 className={s.subTitle}>一社区一特色</h3>
          <ul className={p.grid}>
            {stations.map((b) => (
              <li key={b.unitId} className={p.card}>
                <p className={p.cardMeta}>{b.unitName}</p>
                <h4 className={p.cardTitle}>{b.name}</h4>
                {b.intro ? <p className={p.cardText}>{b.intro}</p> : null}
              </li>
            ))}
          </ul>
        </>
      ) : null}
    </section>
  );
}
