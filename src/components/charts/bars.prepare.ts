/**
 * Geometry for a horizontal bar chart of shares (remote policy mix, skill demand). Pure.
 */
import { scaleLinear } from 'd3';
import { percent } from '../../lib/site/format.ts';

/** One bar's input: a share (0–1) and the count behind it. */
export interface BarDatum {
  key: string;
  label: string;
  share: number;
  n: number;
  /** Optional link for the label (already including the base path). */
  href?: string;
  /** Optional CSS class (colour). */
  tone?: string;
}

/** One bar's geometry. */
export interface BarLayout extends BarDatum {
  /** The label cut to fit the label column (full label in the title and table). */
  short: string;
  y: number;
  width: number;
  value: string;
}

/** Everything the bar chart draws. */
export interface BarsLayout {
  width: number;
  height: number;
  labelWidth: number;
  barHeight: number;
  ticks: { x: number; label: string }[];
  bars: BarLayout[];
}

/**
 * Lay out bars, one a row, longest share = the widest bar (the axis runs 0 to the largest share, rounded up).
 * @param data the bars, in the order to draw them
 * @param options viewBox width and the width kept for labels (px)
 */
export function layoutBars(data: BarDatum[], options: { width?: number; labelWidth?: number } = {}): BarsLayout {
  const width = options.width ?? 640;
  const labelWidth = options.labelWidth ?? 150;
  const barHeight = 18, step = 26, top = 22, valueRoom = 80;
  const maxShare = Math.max(0.01, ...data.map((d) => d.share));
  const x = scaleLinear().domain([0, maxShare]).nice().range([0, width - labelWidth - valueRoom]);
  const ticks = x.ticks(4).map((t) => ({ x: labelWidth + x(t), label: percent(t) }));
  const fit = Math.max(4, Math.floor((labelWidth - 12) / 7));
  const bars = data.map((d, i) => ({ ...d, short: d.label.length > fit ? `${d.label.slice(0, fit - 1).trimEnd()}…` : d.label, y: top + i * step, width: x(d.share), value: `${percent(d.share)} (${d.n})` }));
  return { width, height: top + data.length * step + 4, labelWidth, barHeight, ticks, bars };
}
