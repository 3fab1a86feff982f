/**
 * Geometry for pay by group at volume: per group (family, family × level, skill) the spread of stated low ends and
 * of high ends as quartile boxes (25th–75th percentile) with the median marked, and n. Groups below the threshold
 * are not drawn (the component lists them). Pure.
 */
import { max, min, scaleLinear } from 'd3';
import type { PayDistribution } from '../../lib/dataset/compare.ts';
import { levelLabel, usdShort } from '../../lib/site/format.ts';

/** One quartile box. */
export interface QuartileBox {
  x1: number;
  x2: number;
  xm: number;
}

/** One group's row. */
export interface PayGroupRow {
  key: string;
  family: string | null;
  label: string;
  /** What the row is called on the chart: the family (or skill) for a whole group, the level for a level row. */
  short: string;
  n: number;
  /** A whole family (or all ML roles) rather than one of its levels. */
  total: boolean;
  y: number;
  low: QuartileBox;
  high: QuartileBox | null;
  title: string;
}

/** Everything the chart draws. */
export interface PayGroupsLayout {
  width: number;
  height: number;
  /** Labels sit left of the plot (wide) or above each row (narrow). */
  labelsAbove: boolean;
  plot: { left: number; right: number; top: number; bottom: number };
  rowHeight: number;
  ticks: { x: number; label: string; anchor: 'start' | 'middle' | 'end' }[];
  rows: PayGroupRow[];
}

const span = (q: { q1: number; median: number; q3: number }) => `${usdShort(q.q1)}–${usdShort(q.q3)} (median ${usdShort(q.median)})`;

/**
 * Lay out the groups that have quartiles (the rest are left out).
 * @param groups pay distributions, in the order to draw them
 * @param options viewBox width (px); under 500 the labels go above each row
 */
export function layoutPayGroups(groups: PayDistribution[], options: { width?: number } = {}): PayGroupsLayout {
  const width = options.width ?? 720;
  const labelsAbove = width < 500;
  const shown = groups.filter((g) => g.low !== null);
  const rowHeight = 16, step = labelsAbove ? 40 : 26;
  const plot = { left: labelsAbove ? 8 : 210, right: width - (labelsAbove ? 12 : 16), top: 26, bottom: 0 };
  const lo = min(shown, (g) => g.low!.q1) ?? 0;
  const hi = max(shown, (g) => Math.max(g.high?.q3 ?? 0, g.low!.q3)) ?? 1;
  const tickCount = labelsAbove ? 3 : 5;
  const x = scaleLinear().domain([lo, hi === lo ? lo + 1 : hi]).nice(tickCount).range([plot.left, plot.right]);
  const box = (q: { q1: number; median: number; q3: number }): QuartileBox => ({ x1: x(q.q1), x2: x(q.q3), xm: x(q.median) });
  const rows = shown.map((g, i): PayGroupRow => ({
    key: g.key,
    family: g.family,
    label: g.label,
    short: g.sub ?? (g.level === 'all' ? g.label : levelLabel(g.level)),
    n: g.n,
    total: g.level === 'all' && g.sub === undefined,
    y: plot.top + i * step + (labelsAbove ? 18 : 4),
    low: box(g.low!),
    high: g.high ? box(g.high) : null,
    title: `${g.label}, n = ${g.n}: low ends ${span(g.low!)}${g.high ? `; high ends ${span(g.high)}` : '; too few closed ranges for high ends'}`,
  }));
  plot.bottom = plot.top + shown.length * step + 4;
  return { width, height: plot.bottom + 6, labelsAbove, plot, rowHeight, ticks: x.ticks(tickCount).map((t) => {
    const label = usdShort(t), half = label.length * 3.4;
    return { x: x(t), label, anchor: x(t) - half < 0 ? 'start' as const : x(t) + half > width ? 'end' as const : 'middle' as const };
  }), rows };
}
