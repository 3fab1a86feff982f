/**
 * Geometry for the pay-bands chart: each ML posting's annual USD pay as a min–max bar (an open range as a bar that
 * fades out, a single figure as a tick), stacked in level groups, with group medians where the data allow.
 * Pure: the .astro component only prints what this returns.
 */
import { max, min, scaleLinear } from 'd3';
import type { PayAggregate, PayShape } from '../../lib/dataset/aggregates.ts';
import { levelLabel, usdShort } from '../../lib/site/format.ts';

/** One posting's mark. */
export interface PayMark {
  id: string;
  shape: PayShape;
  x1: number;
  /** For an open range, where the fade ends. */
  x2: number;
  y: number;
  /** Accessible description: "Staff ML Engineer, Acme: $180k–$240k a year (USD)". */
  label: string;
}

/** One level group: its label, vertical extent and medians. */
export interface PayGroupLayout {
  label: string;
  n: number;
  y0: number;
  y1: number;
  medianMin: { x: number; value: string } | null;
  medianMax: { x: number; value: string } | null;
}

/** Everything the pay-bands chart draws. */
export interface PayLayout {
  width: number;
  height: number;
  plot: { left: number; right: number; top: number; bottom: number };
  rowHeight: number;
  ticks: { x: number; label: string }[];
  groups: PayGroupLayout[];
  marks: PayMark[];
}

/** How far (px) an open range's bar runs past its minimum before fading out. */
export const OPEN_RUN = 56;

/**
 * Lay out the pay-bands chart.
 * @param pay the /pay/ aggregate (groups of bands)
 * @param options width of the viewBox (px); the height follows from the number of postings
 */
export function layoutPay(pay: PayAggregate, options: { width?: number } = {}): PayLayout {
  const width = options.width ?? 720;
  const bands = pay.groups.flatMap((g) => g.bands);
  const rowHeight = bands.length > 120 ? 4 : bands.length > 60 ? 6 : 9;
  const gap = rowHeight >= 9 ? 3 : 2;
  const groupHeader = 24, groupGap = 14;
  const plot = { left: 28, right: width - 16, top: 30, bottom: 0 };
  const lo = min(bands, (b) => b.minUsd) ?? 0;
  const hi = max(bands, (b) => b.maxUsd ?? b.minUsd) ?? 1;
  const tickCount = width < 500 ? 4 : 7;
  // nice() with the same count as ticks(), so the axis starts and ends on a labelled tick.
  const x = scaleLinear().domain([lo, hi === lo ? lo + 1 : hi]).nice(tickCount).range([plot.left, plot.right - OPEN_RUN]);
  const ticks = x.ticks(tickCount).map((t) => ({ x: x(t), label: usdShort(t) }));
  let y = plot.top;
  const groups: PayGroupLayout[] = [];
  const marks: PayMark[] = [];
  for (const g of pay.groups) {
    y += groupHeader;
    const y0 = y;
    for (const b of g.bands) {
      const x1 = x(b.minUsd);
      const x2 = b.shape === 'open' ? x1 + OPEN_RUN : x(b.maxUsd ?? b.minUsd);
      const range = b.shape === 'open' ? `${usdShort(b.minUsd)} or more` : b.shape === 'single' ? usdShort(b.minUsd) : `${usdShort(b.minUsd)}–${usdShort(b.maxUsd)}`;
      const native = b.currency === 'USD' && b.period === 'year' ? '' : ` (stated in ${b.currency} per ${b.period})`;
      marks.push({ id: b.id, shape: b.shape, x1, x2, y: y + rowHeight / 2, label: `${b.title ?? 'Untitled'}, ${b.company ?? 'unknown company'}: ${range} a year${native}${b.source === 'board' ? ', stated by the job board' : ''}` });
      y += rowHeight + gap;
    }
    const y1 = y - gap;
    groups.push({
      label: levelLabel(g.level),
      n: g.n,
      y0,
      y1,
      medianMin: g.medianMinUsd === null ? null : { x: x(g.medianMinUsd), value: usdShort(g.medianMinUsd) },
      medianMax: g.medianMaxUsd === null ? null : { x: x(g.medianMaxUsd), value: usdShort(g.medianMaxUsd) },
    });
    y += groupGap;
  }
  plot.bottom = y;
  return { width, height: y + 4, plot, rowHeight, ticks, groups, marks };
}
