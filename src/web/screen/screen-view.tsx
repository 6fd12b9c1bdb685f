/**
 * 数据大屏: a 1920×1080 stage scaled to the window (a TV, a big display, a laptop); on a phone the
 * panels stack instead. The same view serves the public screen and the staff one.
 */
import { type ReactNode, useEffect, useMemo, useState } from 'react';
import { chinaDay, clock } from '../../shared/china-time';
import type { DashboardView } from '../../shared/dashboard';
import { FEED_KINDS } from '../../shared/dashboard-feed';
import { EChart } from './echart';
import styles from './screen.module.css';
import { barsOf, columnsOf, funnelOf, hoursOf, mapOf, pieOf, shortName } from './screen-charts';

const STAGE_W = 1920;
const STAGE_H = 1080;
/** Below this width the stage would be too small to read: the panels stack. */
const STACK_BELOW = 900;
/** The map panel's width/height on the stage (and its aspect-ratio when stacked). */
const MAP_ASPECT = 16 / 9;
/** The activities-by-station bars show the busiest few: the panel has room for ten. */
const TOP_STATIONS = 10;

const measure = () => (window.innerWidth < STACK_BELOW ? null : Math.min(window.innerWidth / STAGE_W, window.innerHeight / STAGE_H));

function useStageScale(): number | null {
  const [scale, setScale] = useState(measure);
  useEffect(() => {
    const onResize = () => setScale(measure());
    window.addEventListener('resize', onResize);
    return () => window.removeEventListener('resize', onResize);
  }, []);
  return scale;
}

function Panel({ title, children, className }: { title: string; children: ReactNode; className?: string }) {
  return (
    <section className={`${styles.panel} ${className ?? ''}`} aria-label={title}>
      <h2 className={styles.panelTitle}>{title}</h2>
      <div className={styles.panelBody}>{children}</div>
    </section>
  );
}

function Kpi({ label, value, unit }: { label: string; value: number | string; unit?: string }) {
  return (
    <div className={styles.kpi} data-testid={`kpi-${label}`}>
      <dt className={styles.kpiLabel}>{label}</dt>
      <dd className={styles.kpiValue}>
        {value}
        {unit && <span className={styles.kpiUnit}>{unit}</span>}
      </dd>
    </div>
  );
}

const timeOf = (iso: string) => new Date(iso).toLocaleTimeString('zh-CN', { timeZone: 'Asia/Shanghai', hour12: false });
const percent = (share: number | null) => (share === null ? '—' : `${Math.round(share * 1000) / 10}%`);

export function ScreenView({ data, heading, note }: { data: DashboardView | undefined; heading: string; note?: ReactNode }) {
  const scale = useStageScale();
  const stageStyle = scale === null ? undefined : { width: STAGE_W, height: STAGE_H, transform: `scale(${scale})` };
  return (
    <div className={scale === null ? styles.stacked : styles.viewport}>
      <main className={styles.stage} style={stageStyle}>
        <header className={styles.header}>
          <h1 className={styles.title}>{data ? `${data.title}${heading}` : `新时代文明实践${heading}`}</h1>
          <p className={styles.updated} aria-live="polite">
            {data ? `更新于 ${timeOf(data.generatedAt)}` : '正在加载…'}
          </p>
        </header>
        {note}
        {data && <Figures data={data} />}
      </main>
    </div>
  );
}

function Figures({ data }: { data: DashboardView }) {
  const t = data.totals;
  const o = useMemo(
    () => ({
      byStation: barsOf(data.volunteersByStation, '志愿者'),
      byCategory: pieOf(data.volunteersByCategory, '志愿者'),
      bySkill: barsOf(data.volunteersBySkill, '志愿者'),
      byStar: columnsOf(
        data.volunteersByStar.map((s) => ({ name: s.name, count: s.count })),
        '志愿者',
      ),
      hours: hoursOf(data.hoursByMonth),
      map: mapOf(data, MAP_ASPECT),
      byProgramme: pieOf(data.activitiesByProgramme, '活动'),
      activitiesByStation: barsOf(data.activitiesByStation.slice(0, TOP_STATIONS), '活动'),
      funnel: funnelOf(data.orderFunnel),
    }),
    [data],
  );
  return (
    <div className={styles.grid}>
      <div className={styles.column}>
        <Panel title="志愿者分布（按站点）" className={styles.tall}>
          <EChart option={o.byStation} label="各实践站志愿者人数" className={styles.chart} />
        </Panel>
        <Panel title="服务类别与特长">
          <div className={styles.split}>
            <EChart option={o.byCategory} label="志愿者服务类别分布" className={styles.chart} />
            <EChart option={o.bySkill} label="志愿者特长前十" className={styles.chart} />
          </div>
        </Panel>
        <Panel title="星级志愿者">
          <EChart option={o.byStar} label="各星级志愿者人数" className={styles.chart} />
        </Panel>
      </div>
      <div className={styles.column}>
        <dl className={styles.kpis}>
          <Kpi label="志愿者总数" value={t.volunteers} unit="人" />
          <Kpi label="累计服务时长" value={Math.round(t.approvedHours)} unit="小时" />
          <Kpi label="今年活动" value={t.activitiesThisYear} unit="场" />
          <Kpi label="完成点单" value={t.ordersDone} unit="单" />
          <Kpi label="实践站" value={t.stations} unit="个" />
          <Kpi label="阵地" value={t.venues} unit="处" />
        </dl>
        <Panel title="阵地分布" className={styles.mapPanel}>
          <EChart option={o.map} label={`阵地分布图：${data.venues.length} 处阵地，${data.stations.length} 个实践站`} className={styles.map} />
        </Panel>
        <Panel title="近 12 个月服务时长（小时）">
          <EChart option={o.hours} label="近 12 个月审核通过的服务时长" className={styles.chart} />
        </Panel>
      </div>
      <div className={styles.column}>
        <Panel title="今年活动（按项目 · 按站点）">
          <div className={styles.split}>
            <EChart option={o.byProgramme} label="今年活动按实践项目" className={styles.chart} />
            <EChart option={o.activitiesByStation} label={`今年活动最多的 ${TOP_STATIONS} 个单位`} className={styles.chart} />
          </div>
        </Panel>
        <Panel title="群众点单">
          <p
            className={styles.statNote}
          >{`点单 ${data.orderFunnel.placed} · 按时接单 ${data.timeliness.inTime}/${data.timeliness.due} · 评价 ${data.satisfaction.rated}`}</p>
          <div className={styles.split}>
            <EChart option={o.funnel} label="点单漏斗：点单、派单、接单、完成、评价" className={styles.chart} />
            <dl className={styles.stats}>
              <Kpi label="按时接单率" value={percent(data.timeliness.share)} />
              <Kpi label="满意度" value={data.satisfaction.average === null ? '—' : data.satisfaction.average.toFixed(1)} unit="/ 5" />
            </dl>
          </div>
        </Panel>
        <Panel title="实时动态" className={styles.feedPanel}>
          <ul className={styles.feed}>
            {data.feed.length === 0 && <li className={styles.feedEmpty}>暂无动态</li>}
            {data.feed.map((f) => (
              <li key={`${f.at}-${f.kind}-${f.title}-${f.unitName}`} className={styles.feedItem}>
                <span className={styles.feedTime}>{`${chinaDay(f.at).slice(5)} ${clock(f.at)}`}</span>
                <span className={styles.feedKind} data-kind={f.kind}>
                  {FEED_KINDS[f.kind]}
                </span>
                <span className={styles.feedText}>
                  {shortName(f.unitName)} · {f.title}
                  {f.hours !== null ? ` · ${f.hours} 小时` : ''}
                </span>
              </li>
            ))}
          </ul>
        </Panel>
      </div>
    </div>
  );
}
