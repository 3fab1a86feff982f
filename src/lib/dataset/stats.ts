/** Small statistics the charts share: Wilson intervals for shares, quartiles for pay. Pure. */
import { quantileSorted } from 'd3';

/** A share k/n with its 95% Wilson score interval (all 0–1). */
export interface Share {
  k: number;
  n: number;
  share: number;
  lo: number;
  hi: number;
}

/**
 * The 95% Wilson score interval of k successes in n trials: honest at small n and near 0% or 100%, where the
 * normal approximation gives impossible bounds.
 * @param k postings that have the property
 * @param n postings in the group (0 gives share 0 and the whole 0–1 interval)
 */
export function wilson(k: number, n: number, z = 1.959964): Share {
  if (n <= 0) return { k, n, share: 0, lo: 0, hi: 1 };
  const p = k / n, z2 = z * z;
  const centre = (p + z2 / (2 * n)) / (1 + z2 / n);
  const half = (z * Math.sqrt((p * (1 - p)) / n + z2 / (4 * n * n))) / (1 + z2 / n);
  return { k, n, share: p, lo: Math.max(0, centre - half), hi: Math.min(1, centre + half) };
}

/** Lower quartile, median and upper quartile of a list of numbers. */
export interface Quartiles {
  q1: number;
  median: number;
  q3: number;
}

/** Quartiles of `values` (d3's R-7 quantiles), or null for an empty list. */
export function quartiles(values: number[]): Quartiles | null {
  if (values.length === 0) return null;
  const s = [...values].sort((a, b) => a - b);
  return { q1: quantileSorted(s, 0.25)!, median: quantileSorted(s, 0.5)!, q3: quantileSorted(s, 0.75)! };
}
