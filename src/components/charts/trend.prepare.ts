/**
 * Geometry for the skill-trend chart: each skill's monthly share of ML postings as a line, with gaps where a
 * month has too few postings to say. Pure; nothing is drawn when the aggregate says there is not enough data.
 */
import { line, max, scaleLinear, scalePoint, schemeTableau10 } from 'd3';
import type { TrendAggregate } from '../../lib/dataset/aggregates.ts';
import { monthLabel, percent } from '../../lib/site/format.ts';

/** One skill's line. */
export interface TrendLine {
  id: string;
  label: string;
  colour: string;
  /** SVG path (d); gaps where a month has no share. */
  d: string;
  points: { x: number; y: number; title: string }[];
  /** Where its end label sits (pushed apart from the others so they never overlap). */
  labelY: number;
  labelX: number;
}

/** Everything the trend chart draws. */
export interface TrendLayout {
  width: number;
  height: number;
  plot: { left: number; right: number; top: number; bottom: number };
  xTicks: { x: number; label: string }[];
  yTicks: { y: number; label: string }[];
  lines: TrendLine[];
}

/**
 * Lay out the trend lines; null when the aggregate has not enough data for a trend.
 * @param trend the trend aggregate (months and skill shares)
 * @param options viewBox width and height (px)
 */
export function layoutTrend(trend: TrendAggregate, options: { width?: number; height?: number } = {}): TrendLayout | null {
  if (!trend.enough || trend.skills.length === 0) return null;
  const width = options.width ?? 720, height = options.height ?? 320;
  const plot = { left: 44, right: width - 130, top: 16, bottom: height - 30 };
  const x = scalePoint<string>().domain(trend.periods.map((p) => p.period)).range([plot.left, plot.right]).padding(0.3);
  const top = max(trend.skills.flatMap((s) => s.points), (p) => p.share ?? 0) ?? 0;
  const y = scaleLinear().domain([0, Math.max(top, 0.05)]).nice().range([plot.bottom, plot.top]);
  type P = (typeof trend.skills)[number]['points'][number];
  const path = line<P>().defined((p) => p.share !== null).x((p) => x(p.period) ?? 0).y((p) => y(p.share ?? 0));
  const lines = trend.skills.map((s, i): TrendLine => {
    const shown = s.points.filter((p) => p.share !== null);
    const last = shown.at(-1);
    return {
      id: s.id,
      label: s.label,
      colour: schemeTableau10[i % schemeTableau10.length]!,
      d: path(s.points) ?? '',
      points: shown.map((p) => ({
        x: x(p.period) ?? 0,
        y: y(p.share ?? 0),
        title: `${s.label}, ${monthLabel(p.period)}: ${percent(p.share ?? 0)} (${p.n} of ${p.total})`,
      })),
      labelX: (last ? x(last.period) ?? plot.right : plot.right) + 8,
      labelY: last ? y(last.share ?? 0) : plot.top,
    };
  });
  // Push end labels apart (at least 13px) so none overlap, keeping their order.
  const byY = [...lines].sort((a, b) => a.labelY - b.labelY);
  for (let i = 1; i < byY.length; i++) byY[i]!.labelY = Math.max(byY[i]!.labelY, byY[i - 1]!.labelY + 13);
  return {
    width,
    height,
    plot,
    xTicks: trend.periods.map((p) => ({ x: x(p.period) ?? 0, label: monthLabel(p.period) })),
    yTicks: y.ticks(5).map((t) => ({ y: y(t), label: percent(t) })),
    lines,
  };
}
