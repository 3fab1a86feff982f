/**
 * Geometry for the family comparison's inline bars: each family's median pay band on one shared USD scale, and its
 * remote share (0–100%) with the 95% interval. Pure.
 */
import { max, min, scaleLinear } from 'd3';
import type { FamilySummary } from '../../lib/dataset/compare.ts';

/** One family's bars. */
export interface FamilyBars {
  family: FamilySummary;
  /** Median low end to median high end (or the median low end alone when high ends are too few). */
  pay: { x1: number; x2: number } | null;
  remote: { x: number; lo: number; hi: number };
}

/** Lay out every family's inline bars on shared scales. */
export function layoutFamilyBars(families: FamilySummary[], options: { width?: number } = {}) {
  const width = options.width ?? 160;
  const priced = families.filter((f) => f.pay.low !== null);
  const lo = min(priced, (f) => f.pay.low!.median) ?? 0;
  const hi = max(priced, (f) => f.pay.high?.median ?? f.pay.low!.median) ?? 1;
  const x = scaleLinear().domain([lo, hi === lo ? lo + 1 : hi]).nice(4).range([2, width - 2]);
  const share = scaleLinear().domain([0, 1]).range([0, width]);
  const rows = families.map((f): FamilyBars => ({
    family: f,
    pay: f.pay.low ? { x1: x(f.pay.low.median), x2: x(f.pay.high?.median ?? f.pay.low.median) } : null,
    remote: { x: share(f.remote.share), lo: share(f.remote.lo), hi: share(f.remote.hi) },
  }));
  return { width, rows, payDomain: x.domain() as [number, number], payTicks: priced.length ? x.ticks(3) : [] };
}
