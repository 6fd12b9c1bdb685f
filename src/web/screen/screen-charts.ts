/** The screen's chart options, from the dashboard's figures: pure functions, one per panel. */
import type { DashboardView } from '../../shared/dashboard';
import type { ChartOption } from './echart';

export const COLORS = ['#4fc3f7', '#ffca28', '#66bb6a', '#ef5350', '#ab47bc', '#26c6da', '#ff7043', '#9ccc65', '#5c6bc0', '#ec407a'];
const TEXT = '#c9d6ea';
const LINE = 'rgba(120, 160, 220, 0.25)';
const base = { color: COLORS, textStyle: { color: TEXT, fontSize: 14 }, tooltip: { trigger: 'item' }, animationDuration: 600 };
const axisStyle = { axisLine: { lineStyle: { color: LINE } }, axisLabel: { color: TEXT, fontSize: 13 }, splitLine: { lineStyle: { color: LINE } } };

type Count = { name: string; count: number };

/** Horizontal bars, longest on top: station names are long, so they sit on the y axis. */
export function barsOf(rows: Count[], unit: string): ChartOption {
  const sorted = [...rows].sort((a, b) => a.count - b.count);
  return {
    ...base,
    tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
    grid: { left: 8, right: 40, top: 8, bottom: 8, containLabel: true },
    xAxis: { type: 'value', minInterval: 1, ...axisStyle },
    yAxis: {
      type: 'category',
      data: sorted.map((r) => shortName(r.name)),
      ...axisStyle,
      axisLabel: { color: TEXT, fontSize: sorted.length > 12 ? 12 : 13, interval: 0 },
      splitLine: { show: false },
    },
    series: [
      {
        type: 'bar',
        name: unit,
        data: sorted.map((r) => r.count),
        barMaxWidth: 18,
        label: { show: true, position: 'right', color: TEXT },
        itemStyle: { borderRadius: [0, 4, 4, 0] },
      },
    ],
  };
}

export function columnsOf(rows: Count[], unit: string): ChartOption {
  return {
    ...base,
    tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
    grid: { left: 8, right: 8, top: 24, bottom: 8, containLabel: true },
    xAxis: { type: 'category', data: rows.map((r) => r.name), ...axisStyle, splitLine: { show: false } },
    yAxis: { type: 'value', minInterval: 1, ...axisStyle },
    series: [
      {
        type: 'bar',
        name: unit,
        data: rows.map((r) => r.count),
        barMaxWidth: 28,
        label: { show: true, position: 'top', color: TEXT },
        itemStyle: { borderRadius: [4, 4, 0, 0] },
      },
    ],
  };
}

/** How many slices a pie shows; the rest are summed as 其他, so the labels fit beside it. */
const PIE_SLICES = 7;

export function pieOf(all: Count[], unit: string): ChartOption {
  const sorted = [...all].sort((a, b) => b.count - a.count);
  const rest = sorted.slice(PIE_SLICES).reduce((n, r) => n + r.count, 0);
  const rows = rest > 0 ? [...sorted.slice(0, PIE_SLICES), { name: '其他', count: rest }] : sorted;
  return {
    ...base,
    series: [
      {
        type: 'pie',
        name: unit,
        radius: ['30%', '52%'],
        center: ['50%', '52%'],
        minShowLabelAngle: 10,
        data: rows.map((r) => ({ name: r.name, value: r.count })),
        label: { color: TEXT, fontSize: 12, formatter: '{b}\n{c}', overflow: 'truncate', width: 64, alignTo: 'edge', edgeDistance: 4 },
        labelLine: { lineStyle: { color: LINE } },
        itemStyle: { borderColor: '#0b1a33', borderWidth: 2 },
      },
    ],
  };
}

export function hoursOf(rows: DashboardView['hoursByMonth']): ChartOption {
  return {
    ...base,
    tooltip: { trigger: 'axis' },
    grid: { left: 8, right: 16, top: 24, bottom: 8, containLabel: true },
    xAxis: { type: 'category', data: rows.map((r) => `${Number(r.month.slice(5))}月`), boundaryGap: false, ...axisStyle, splitLine: { show: false } },
    yAxis: { type: 'value', name: '小时', nameTextStyle: { color: TEXT }, ...axisStyle },
    series: [
      {
        type: 'line',
        name: '服务时长',
        data: rows.map((r) => r.hours),
        smooth: true,
        symbolSize: 7,
        lineStyle: { width: 3, color: '#4fc3f7' },
        itemStyle: { color: '#4fc3f7' },
        areaStyle: { color: 'rgba(79, 195, 247, 0.18)' },
      },
    ],
  };
}

const FUNNEL_STEPS = [
  ['placed', '点单'],
  ['dispatched', '派单'],
  ['accepted', '接单'],
  ['done', '完成'],
  ['rated', '评价'],
] as const;

export function funnelOf(f: DashboardView['orderFunnel']): ChartOption {
  const max = Math.max(1, f.placed);
  return {
    ...base,
    series: [
      {
        type: 'funnel',
        name: '点单',
        left: 8,
        right: 8,
        top: 8,
        bottom: 8,
        min: 0,
        max,
        sort: 'none',
        minSize: '34%',
        gap: 3,
        data: FUNNEL_STEPS.map(([k, name]) => ({ name, value: f[k] })),
        label: { show: true, position: 'inside', color: '#0b1a33', fontSize: 14, fontWeight: 'bold', formatter: '{b} {c}' },
        itemStyle: { borderWidth: 0 },
      },
    ],
  };
}

/**
 * Venues and stations drawn over their coordinates on a plain grid (no map tiles: the screen works
 * offline). The ranges keep one degree of latitude as long as cos(lat) degrees of longitude, for a
 * panel of `aspect` width/height, so the layout is not stretched.
 */
export function mapOf(d: DashboardView, aspect: number): ChartOption {
  const stations = d.stations.filter((s) => s.lat !== null && s.lng !== null) as { name: string; lat: number; lng: number }[];
  const points = [...d.venues, ...stations];
  const lats = points.map((p) => p.lat);
  const lngs = points.map((p) => p.lng);
  const midLat = points.length ? (Math.min(...lats) + Math.max(...lats)) / 2 : 31.5;
  const midLng = points.length ? (Math.min(...lngs) + Math.max(...lngs)) / 2 : 117.9;
  const k = Math.cos((midLat * Math.PI) / 180);
  const spanLat = points.length ? Math.max(Math.max(...lats) - Math.min(...lats), ((Math.max(...lngs) - Math.min(...lngs)) * k) / aspect, 0.01) * 1.35 : 0.1;
  const spanLng = (spanLat * aspect) / k;
  const hidden = { show: false };
  return {
    ...base,
    tooltip: {
      trigger: 'item',
      formatter: (p: { seriesName: string; data: { name: string; station?: string } }) =>
        p.data.station ? `${p.data.name}<br/>${p.data.station}` : p.data.name,
    },
    grid: { left: 0, right: 0, top: 0, bottom: 0 },
    xAxis: {
      type: 'value',
      min: midLng - spanLng / 2,
      max: midLng + spanLng / 2,
      axisLabel: hidden,
      axisTick: hidden,
      axisLine: hidden,
      splitLine: { lineStyle: { color: 'rgba(120, 160, 220, 0.12)' } },
    },
    yAxis: {
      type: 'value',
      min: midLat - spanLat / 2,
      max: midLat + spanLat / 2,
      axisLabel: hidden,
      axisTick: hidden,
      axisLine: hidden,
      splitLine: { lineStyle: { color: 'rgba(120, 160, 220, 0.12)' } },
    },
    series: [
      {
        type: 'scatter',
        name: '阵地',
        symbolSize: 11,
        itemStyle: { color: '#ffca28', shadowBlur: 10, shadowColor: 'rgba(255, 202, 40, 0.8)' },
        data: d.venues.map((v) => ({ name: v.name, station: v.stationName, value: [v.lng, v.lat] })),
      },
      {
        type: 'scatter',
        name: '实践站',
        symbol: 'pin',
        symbolSize: 30,
        itemStyle: { color: '#ef5350' },
        label: {
          show: true,
          position: 'right',
          color: '#ffffff',
          fontSize: 14,
          formatter: (p: { name: string }) => shortName(p.name),
          textBorderColor: '#0b1a33',
          textBorderWidth: 3,
        },
        data: stations.map((s) => ({ name: s.name, value: [s.lng, s.lat] })),
      },
    ],
  };
}

/** `金银社区新时代文明实践站` → `金银社区`: the screen has no room for the full names. */
export function shortName(name: string): string {
  return name.replace(/新时代文明实践(站|所|中心)$/, '') || name;
}
