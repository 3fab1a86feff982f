/**
 * Geometry for a share-over-time chart: a real time axis (d3 scaleUtc) whose year / quarter / month labels are
 * thinned until none overlap at the chart's width, each series' 3-month rolling share as a line with its 95% band,
 * monthly shares as faint dots, gaps where there are too few postings (never zero), and the last month shaded when
 * the data stop part-way through it. Pure: used at build time and by the filters in the browser.
 */
import { area, line, max, scaleLinear, scaleUtc, schemeTableau10, utcMonth, utcYear } from 'd3';
import type { ShareSeries, TimeAxis } from '../../lib/dataset/over-time.ts';

/** What the chart draws: the axis and the series (only those with `drawn` are laid out). */
export interface ShareTrendInput {
  axis: TimeAxis;
  series: ShareSeries[];
}

/** One tick label on the time axis. */
export interface TimeTick {
  x: number;
  label: string;
  anchor: 'start' | 'middle' | 'end';
  /** A year boundary (drawn as a stronger grid line). */
  major: boolean;
}

/** One series' marks. */
export interface ShareLine {
  key: string;
  label: string;
  colour: string;
  /** Rolling share line (gaps where null). */
  d: string;
  /** 95% band of the rolling share. */
  band: string;
  /** Rolling-share points (so an isolated month still shows), with a description for hover. */
  points: { x: number; y: number; title: string; partial: boolean }[];
  /** Monthly shares (faint). */
  dots: { x: number; y: number }[];
}

/** Everything the chart draws. */
export interface ShareTrendLayout {
  width: number;
  height: number;
  plot: { left: number; right: number; top: number; bottom: number };
  xTicks: TimeTick[];
  yTicks: { y: number; label: string }[];
  lines: ShareLine[];
  /** The partial last month's extent, when it is partial. */
  partial: { x0: number; x1: number } | null;
  /** The first month drawn: earlier months with no share to draw in any series are left off the axis. */
  firstMonth: string;
}

/** Approximate width (px) of a tick label at the axis font size (11px sans). */
export const labelWidth = (s: string): number => s.length * 6.6 + 2;

const start = (m: string) => new Date(`${m}-01T00:00:00Z`);
const mid = (m: string) => new Date(start(m).getTime() + 15 * 864e5);
const pct = (x: number) => `${Math.round(x * 1000) / 10}%`;
const monthWords = (d: Date) => d.toLocaleDateString('en-US', { month: 'short', timeZone: 'UTC' });
const monthYear = (m: string) => start(m).toLocaleDateString('en-US', { month: 'short', year: 'numeric', timeZone: 'UTC' });

/**
 * Tick labels for a UTC time scale over [d0, d1]: the finest of months, quarters, years, 2, 5 or 10 years whose
 * labels leave at least `gap` px between neighbours (and stay inside [0, width]).
 */
export function timeTicks(x: (d: Date) => number, d0: Date, d1: Date, width: number, gap = 8): TimeTick[] {
  const candidates: { every: () => Date[]; label: (d: Date) => string }[] = [
    { every: () => utcMonth.range(d0, new Date(d1.getTime() + 1)), label: (d) => (d.getUTCMonth() === 0 ? String(d.getUTCFullYear()) : monthWords(d)) },
    { every: () => utcMonth.every(3)!.range(d0, new Date(d1.getTime() + 1)), label: (d) => (d.getUTCMonth() === 0 ? String(d.getUTCFullYear()) : `Q${d.getUTCMonth() / 3 + 1}`) },
    ...[1, 2, 5, 10].map((k) => ({ every: () => utcYear.every(k)!.range(d0, new Date(d1.getTime() + 1)), label: (d: Date) => String(d.getUTCFullYear()) })),
  ];
  let best: TimeTick[] = [];
  for (const c of candidates) {
    const dates = c.every();
    const ticks = dates.map((d): TimeTick => {
      const label = c.label(d), w = labelWidth(label), px = x(d);
      const anchor = px - w / 2 < 0 ? 'start' : px + w / 2 > width ? 'end' : 'middle';
      return { x: px, label, anchor, major: d.getUTCMonth() === 0 };
    });
    // A span too short for even one boundary gets its first month named in full.
    if (ticks.length === 0) continue;
    const extent = (t: TimeTick) => {
      const w = labelWidth(t.label);
      return t.anchor === 'start' ? [t.x, t.x + w] : t.anchor === 'end' ? [t.x - w, t.x] : [t.x - w / 2, t.x + w / 2];
    };
    const fits = ticks.every((t, i) => i === 0 || extent(t)[0]! - extent(ticks[i - 1]!)[1]! >= gap);
    best = ticks;
    if (fits) return ticks;
  }
  // Nothing fits (a very narrow chart): keep every other label of the coarsest until they do.
  while (best.length > 1) {
    best = best.filter((_, i) => i % 2 === 0);
    const ok = best.every((t, i) => i === 0 || t.x - best[i - 1]!.x >= (labelWidth(t.label) + labelWidth(best[i - 1]!.label)) / 2 + gap);
    if (ok) break;
  }
  return best;
}

/**
 * Lay out a share-over-time chart; null when no series has enough data to draw.
 * @param input the axis and series (series with `drawn` false are left out)
 * @param options viewBox width and height (px), colours by series key (default Tableau 10 in order)
 */
export function layoutShareTrend(input: ShareTrendInput, options: { width?: number; height?: number; colours?: Record<string, string> } = {}): ShareTrendLayout | null {
  const shown = input.series.filter((s) => s.drawn);
  const months = input.axis.months;
  if (shown.length === 0 || months.length === 0) return null;
  const width = options.width ?? 720, height = options.height ?? 300;
  const plot = { left: 44, right: width - 12, top: 14, bottom: height - 26 };
  // Start where the first share can be drawn: a long run of thin early months would squeeze every line to the right edge.
  const firstIndex = Math.max(0, Math.min(...shown.map((s) => s.points.findIndex((p) => p.rolling !== null || p.share !== null)).filter((i) => i >= 0)));
  const firstMonth = months[firstIndex]!;
  const d0 = start(firstMonth), d1 = utcMonth.offset(start(months.at(-1)!), 1);
  const x = scaleUtc().domain([d0, d1]).range([plot.left, plot.right]);
  const top = max(shown.flatMap((s) => s.points), (p) => Math.max(p.rollingHi ?? 0, p.share ?? 0)) ?? 0;
  const y = scaleLinear().domain([0, Math.max(top, 0.05)]).nice(4).range([plot.bottom, plot.top]);
  type P = ShareSeries['points'][number];
  const lastIndex = months.length - 1;
  const path = line<P>().defined((p) => p.rolling !== null).x((p) => x(mid(p.month))).y((p) => y(p.rolling ?? 0));
  const band = area<P>().defined((p) => p.rollingLo !== null).x((p) => x(mid(p.month))).y0((p) => y(p.rollingLo ?? 0)).y1((p) => y(p.rollingHi ?? 0));
  const lines = shown.map((s, i): ShareLine => {
    const pts = s.points.map((p, j) => ({ ...p, month: p.month || months[j]! })).slice(firstIndex);
    return {
      key: s.key,
      label: s.label,
      colour: options.colours?.[s.key] ?? schemeTableau10[i % schemeTableau10.length]!,
      d: path(pts) ?? '',
      band: band(pts) ?? '',
      points: pts.flatMap((p, j) => p.rolling === null ? [] : [{
        x: x(mid(p.month)), y: y(p.rolling),
        partial: input.axis.lastPartial && j + firstIndex === lastIndex,
        title: `${s.label}, ${monthYear(p.month)}${input.axis.lastPartial && j + firstIndex === lastIndex ? ' (partial month)' : ''}: ${pct(p.rolling)} over three months (${p.rollingK} of ${p.rollingN}; 95% interval ${pct(p.rollingLo!)}–${pct(p.rollingHi!)})`,
      }]),
      dots: pts.flatMap((p) => (p.share === null ? [] : [{ x: x(mid(p.month)), y: y(p.share) }])),
    };
  });
  const partial = input.axis.lastPartial ? { x0: x(start(months.at(-1)!)), x1: x(d1) } : null;
  return {
    width, height, plot,
    xTicks: timeTicks(x, d0, d1, width),
    yTicks: y.ticks(4).map((t) => ({ y: y(t), label: `${Math.round(t * 100)}%` })),
    lines,
    partial,
    firstMonth,
  };
}
