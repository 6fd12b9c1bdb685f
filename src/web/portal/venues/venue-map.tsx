import { useEffect, useMemo, useRef, useState } from 'react';
import styles from './venue-map.module.css';

/**
 * A map of venues without a map library and without the internet: by default a plain SVG plot of
 * the coordinates (Web Mercator, scaled to the points' bounding box, numbered and labelled dots);
 * when the server names a tile server (`MAP_TILE_URL`, XYZ `{z}/{x}/{y}`), the same dots over a
 * grid of tile images from it. No React or antd dependency beyond React itself, so the portal,
 * the phone pages and the console can all use it.
 */

export interface MapPoint {
  id: string;
  name: string;
  lng: number;
  lat: number;
  colour: string;
  /** Shown in the dot: the venue's number in the list next to the map. */
  number: number;
  /** A shorter label for the map than the full name, e.g. 金银社区实践站. */
  label?: string;
}

export interface LegendEntry {
  colour: string;
  label: string;
}

const TILE = 256;
const PAD = 36;
const DOT = 10;
const FONT = 13;

function mercator(lng: number, lat: number, zoom: number): [number, number] {
  const scale = TILE * 2 ** zoom;
  const s = Math.sin((Math.max(-85, Math.min(85, lat)) * Math.PI) / 180);
  return [((lng + 180) / 360) * scale, (0.5 - Math.log((1 + s) / (1 - s)) / (4 * Math.PI)) * scale];
}

interface Box {
  x: number;
  y: number;
  w: number;
  h: number;
}
const overlaps = (a: Box, b: Box) => a.x < b.x + b.w && b.x < a.x + a.w && a.y < b.y + b.h && b.y < a.y + a.h;

/** Greedy label placement: right, left, above, below; a label that fits nowhere is left out (the number stays). */
function placeLabels(dots: { x: number; y: number; text: string }[], width: number, height: number) {
  const taken: Box[] = dots.map((d) => ({ x: d.x - DOT, y: d.y - DOT, w: DOT * 2, h: DOT * 2 }));
  return dots.map((d) => {
    const w = [...d.text].reduce((s, ch) => s + (ch.charCodeAt(0) > 0xff ? FONT : FONT * 0.6), 0) + 4;
    const h = FONT + 4;
    const options: (Box & { anchor: 'start' | 'end' | 'middle'; tx: number; ty: number })[] = [
      { x: d.x + DOT + 3, y: d.y - h / 2, w, h, anchor: 'start', tx: d.x + DOT + 5, ty: d.y + FONT / 2 - 2 },
      { x: d.x - DOT - 3 - w, y: d.y - h / 2, w, h, anchor: 'end', tx: d.x - DOT - 5, ty: d.y + FONT / 2 - 2 },
      { x: d.x - w / 2, y: d.y - DOT - 2 - h, w, h, anchor: 'middle', tx: d.x, ty: d.y - DOT - 6 },
      { x: d.x - w / 2, y: d.y + DOT + 2, w, h, anchor: 'middle', tx: d.x, ty: d.y + DOT + FONT + 2 },
      // Near an edge: above or below, flush with the dot's side.
      { x: d.x + DOT - w, y: d.y - DOT - 2 - h, w, h, anchor: 'end', tx: d.x + DOT - 2, ty: d.y - DOT - 6 },
      { x: d.x - DOT, y: d.y - DOT - 2 - h, w, h, anchor: 'start', tx: d.x - DOT + 2, ty: d.y - DOT - 6 },
      { x: d.x + DOT - w, y: d.y + DOT + 2, w, h, anchor: 'end', tx: d.x + DOT - 2, ty: d.y + DOT + FONT + 2 },
      { x: d.x - DOT, y: d.y + DOT + 2, w, h, anchor: 'start', tx: d.x - DOT + 2, ty: d.y + DOT + FONT + 2 },
    ];
    const fit = options.find((o) => o.x >= 2 && o.y >= 2 && o.x + o.w <= width - 2 && o.y + o.h <= height - 2 && !taken.some((t) => overlaps(t, o)));
    if (!fit) return null;
    taken.push(fit);
    return { x: fit.tx, y: fit.ty, anchor: fit.anchor };
  });
}

function useWidth<T extends HTMLElement>(): [React.RefObject<T | null>, number] {
  const ref = useRef<T>(null);
  const [width, setWidth] = useState(800);
  useEffect(() => {
    const el = ref.current;
    if (!el) return;
    setWidth(el.clientWidth || 800);
    if (typeof ResizeObserver === 'undefined') return;
    const ro = new ResizeObserver((entries) => {
      const w = Math.round(entries[0]?.contentRect.width ?? 0);
      if (w > 0) setWidth(w);
    });
    ro.observe(el);
    return () => ro.disconnect();
  }, []);
  return [ref, width];
}

function tileSrc(template: string, z: number, x: number, y: number): string {
  return template
    .replace('{z}', String(z))
    .replace('{x}', String(x))
    .replace('{y}', String(y))
    .replace('{s}', 'abc'[(x + y) % 3]);
}

export function VenueMap({
  points,
  legend = [],
  tileUrl,
  attribution,
  title = '阵地分布示意图',
  highlight,
}: {
  points: MapPoint[];
  legend?: LegendEntry[];
  tileUrl?: string | null;
  attribution?: string | null;
  title?: string;
  highlight?: string | null;
}) {
  const [ref, width] = useWidth<HTMLDivElement>();
  const height = width < 560 ? Math.round(width * 0.9) : Math.min(560, Math.round(width * 0.66));

  const layout = useMemo(() => {
    if (points.length === 0) return null;
    // Zoom: the plain plot uses a continuous scale; tiles need a whole zoom level.
    const world = points.map((p) => mercator(p.lng, p.lat, 0));
    const xs = world.map((w) => w[0]);
    const ys = world.map((w) => w[1]);
    const minX = Math.min(...xs);
    const maxX = Math.max(...xs);
    const minY = Math.min(...ys);
    const maxY = Math.max(...ys);
    const spanX = Math.max(maxX - minX, 1e-6);
    const spanY = Math.max(maxY - minY, 1e-6);
    const fit = Math.min((width - PAD * 2) / spanX, (height - PAD * 2) / spanY);
    const zoom = tileUrl ? Math.max(0, Math.min(18, Math.floor(Math.log2(fit)))) : Math.log2(Math.min(fit, TILE * 2 ** 17));
    const scale = 2 ** zoom;
    const cx = ((minX + maxX) / 2) * scale;
    const cy = ((minY + maxY) / 2) * scale;
    const left = cx - width / 2;
    const top = cy - height / 2;
    const dots = points.map((p, i) => ({ ...p, x: world[i][0] * scale - left, y: world[i][1] * scale - top }));
    const labels = placeLabels(
      dots.map((d) => ({ x: d.x, y: d.y, text: d.label ?? d.name })),
      width,
      height,
    );
    const tiles: { key: string; src: string; x: number; y: number }[] = [];
    if (tileUrl) {
      const z = Math.round(zoom);
      const n = 2 ** z;
      for (let ty = Math.floor(top / TILE); ty <= Math.floor((top + height) / TILE); ty++) {
        for (let tx = Math.floor(left / TILE); tx <= Math.floor((left + width) / TILE); tx++) {
          if (ty < 0 || ty >= n) continue;
          const wx = ((tx % n) + n) % n;
          tiles.push({ key: `${z}/${tx}/${ty}`, src: tileSrc(tileUrl, z, wx, ty), x: tx * TILE - left, y: ty * TILE - top });
        }
      }
    }
    return { dots, labels, tiles };
  }, [points, width, height, tileUrl]);

  return (
    <figure className={styles.figure}>
      <div ref={ref} className={`${styles.canvas} ${tileUrl ? styles.tiled : ''}`} style={{ height }} data-map-mode={tileUrl ? 'tiles' : 'plot'}>
        {layout?.tiles.map((t) => (
          <img
            key={t.key}
            src={t.src}
            alt=""
            className={styles.tile}
            style={{ left: t.x, top: t.y }}
            width={TILE}
            height={TILE}
            loading="lazy"
            draggable={false}
          />
        ))}
        {layout ? (
          <svg
            className={styles.svg}
            width={width}
            height={height}
            viewBox={`0 0 ${width} ${height}`}
            role="img"
            aria-label={`${title}：共 ${points.length} 处，编号与下方名录一致`}
          >
            {!tileUrl ? <PlotGrid width={width} height={height} /> : null}
            {layout.dots.map((d, i) => {
              const label = layout.labels[i];
              const on = highlight === d.id;
              return (
                <g key={d.id} className={styles.point} data-venue={d.name}>
                  <title>{`${d.number}. ${d.name}`}</title>
                  <circle cx={d.x} cy={d.y} r={on ? DOT + 4 : DOT} fill={d.colour} stroke="#fff" strokeWidth={2} />
                  <text x={d.x} y={d.y + 4} textAnchor="middle" className={styles.number}>
                    {d.number}
                  </text>
                  {label ? (
                    <text x={label.x} y={label.y} textAnchor={label.anchor} className={`${styles.label} ${on ? styles.labelOn : ''}`}>
                      {d.label ?? d.name}
                    </text>
                  ) : null}
                </g>
              );
            })}
          </svg>
        ) : (
          <p className={styles.empty}>暂无带坐标的阵地</p>
        )}
      </div>
      <figcaption className={styles.caption}>
        {legend.length ? (
          <ul className={styles.legend} aria-label="图例">
            {legend.map((l) => (
              <li key={l.label}>
                <span className={styles.swatch} style={{ background: l.colour }} aria-hidden="true" />
                {l.label}
              </li>
            ))}
          </ul>
        ) : null}
        <span className={styles.note}>{tileUrl ? (attribution ?? '') : '示意图：按经纬度绘制，未使用在线地图，位置仅供参考'}</span>
      </figcaption>
    </figure>
  );
}

/** Faint grid lines so the plain plot reads as a map, not a chart. */
function PlotGrid({ width, height }: { width: number; height: number }) {
  const step = 80;
  const lines: React.ReactNode[] = [];
  for (let x = step; x < width; x += step) lines.push(<line key={`x${x}`} x1={x} y1={0} x2={x} y2={height} />);
  for (let y = step; y < height; y += step) lines.push(<line key={`y${y}`} x1={0} y1={y} x2={width} y2={y} />);
  return <g className={styles.grid}>{lines}</g>;
}

/** `金银社区新时代文明实践站` → `金银社区实践站`: the map has little room. */
export function shortVenueName(name: string): string {
  return name.replace(/新时代文明实践(站|所)$/, '实践$1');
}

/** Colours for the venue kinds (white numbers on them are readable). */
export const KIND_COLOURS: Record<string, string> = {
  theory: '#c7000b',
  education: '#1d4ed8',
  culture: '#7c3aed',
  civility: '#15803d',
  health_sports: '#b45309',
  station: '#0f766e',
};
