/**
 * Shares over time: per calendar month, with 95% Wilson intervals, a 3-month rolling share, months below the
 * threshold left as gaps (null, never 0), and the last month flagged when the data stop part-way through it.
 * The core works on counts, so the browser can recompute a series from a pre-aggregated table. Pure.
 */
import { wilson } from './stats.ts';

/** A calendar month, "YYYY-MM". */
export type Month = string;

/** The thresholds a share over time is held to. */
export interface TimeThresholds {
  /** A month's own share is shown only with at least this many postings. */
  minPerMonth: number;
  /** A series is drawn only with at least this many months that have a rolling share. */
  minMonths: number;
}

/** One month of a share series. Every share is null where there are too few postings to say. */
export interface SharePoint {
  month: Month;
  /** Postings in the group that month, and how many of them have the property. */
  n: number;
  k: number;
  share: number | null;
  lo: number | null;
  hi: number | null;
  /** Pooled share over this month and the two before (calendar months), with its interval and pooled counts. */
  rolling: number | null;
  rollingLo: number | null;
  rollingHi: number | null;
  rollingN: number;
  rollingK: number;
}

/** One line: a group's share of postings with a property, month by month. */
export interface ShareSeries {
  key: string;
  label: string;
  /** Totals over all months. */
  n: number;
  k: number;
  points: SharePoint[];
  /** False when fewer than `minMonths` months have a rolling share: the line is not drawn and `reason` says why. */
  drawn: boolean;
  reason: string | null;
}

/** Months a trend runs over, and whether the last one is partial. */
export interface TimeAxis {
  months: Month[];
  /** True when the data end before the last month does (the latest date is not that month's last day). */
  lastPartial: boolean;
  /** The latest date in the data. */
  asOf: string | null;
}

/** The month after `m`. */
export function nextMonth(m: Month): Month {
  let [y, mo] = m.split('-').map(Number) as [number, number];
  mo += 1;
  if (mo > 12) { mo = 1; y += 1; }
  return `${y}-${String(mo).padStart(2, '0')}`;
}

/** Every calendar month from `first` to `last`, gaps included. */
export function monthRange(first: Month, last: Month): Month[] {
  const out: Month[] = [];
  for (let m = first; m <= last; m = nextMonth(m)) out.push(m);
  return out;
}

/** True when `asOf` (YYYY-MM-DD) falls before the last day of its month: that month has only part of its data. */
export function isPartialMonth(asOf: string | null): boolean {
  if (!asOf || asOf.length < 10) return false;
  const [y, m, d] = asOf.split('-').map(Number) as [number, number, number];
  const lastDay = new Date(Date.UTC(y, m, 0)).getUTCDate();
  return d < lastDay;
}

/** The axis for a list of months (any order, repeats allowed) and the data's latest date. */
export function timeAxis(months: Month[], asOf: string | null): TimeAxis {
  const sorted = [...new Set(months)].sort();
  if (sorted.length === 0) return { months: [], lastPartial: false, asOf };
  const all = monthRange(sorted[0]!, sorted.at(-1)!);
  return { months: all, lastPartial: !!asOf && asOf.slice(0, 7) === all.at(-1) && isPartialMonth(asOf), asOf };
}

/**
 * A share series from monthly counts.
 * @param axis the months (every month of the axis, in order)
 * @param n postings in the group per month (same order as axis.months)
 * @param k postings with the property per month
 */
export function shareSeries(key: string, label: string, n: number[], k: number[], t: TimeThresholds): ShareSeries {
  const points = n.map((nm, i): SharePoint => {
    const km = k[i] ?? 0;
    const own = nm >= t.minPerMonth ? wilson(km, nm) : null;
    let rn = 0, rk = 0;
    for (let j = Math.max(0, i - 2); j <= i; j++) { rn += n[j] ?? 0; rk += k[j] ?? 0; }
    // A month with no postings is a gap, even when its neighbours would fill a rolling window.
    const roll = nm > 0 && rn >= t.minPerMonth ? wilson(rk, rn) : null;
    return {
      month: '', n: nm, k: km,
      share: own?.share ?? null, lo: own?.lo ?? null, hi: own?.hi ?? null,
      rolling: roll?.share ?? null, rollingLo: roll?.lo ?? null, rollingHi: roll?.hi ?? null, rollingN: rn, rollingK: rk,
    };
  });
  const usable = points.filter((p) => p.rolling !== null).length;
  const drawn = usable >= t.minMonths;
  return {
    key, label,
    n: n.reduce((a, b) => a + b, 0), k: k.reduce((a, b) => a + b, 0),
    points, drawn,
    reason: drawn ? null : `${usable} month${usable === 1 ? '' : 's'} with at least ${t.minPerMonth} postings over three months; a line needs ${t.minMonths}`,
  };
}

/**
 * A share series from rows: each row's month (null = undated, left out), whether it is in the group, and whether
 * it has the property.
 */
export function shareSeriesOf<R>(
  rows: R[], axis: TimeAxis, monthOf: (r: R) => Month | null, has: (r: R) => boolean,
  key: string, label: string, t: TimeThresholds,
): ShareSeries {
  const index = new Map(axis.months.map((m, i) => [m, i]));
  const n = axis.months.map(() => 0), k = axis.months.map(() => 0);
  for (const r of rows) {
    const m = monthOf(r);
    const i = m === null ? undefined : index.get(m);
    if (i === undefined) continue;
    n[i]! += 1;
    if (has(r)) k[i]! += 1;
  }
  return withMonths(shareSeries(key, label, n, k, t), axis);
}

/**
 * {@link shareSeriesOf} for many keys at once, in one pass over the rows (a series per skill would otherwise read
 * every row once per skill): the series of each key in `keys`, where a row counts for the keys `keysOf` gives it.
 */
export function shareSeriesByKey<R>(
  rows: R[], axis: TimeAxis, monthOf: (r: R) => Month | null, keysOf: (r: R) => Iterable<string>,
  keys: { key: string; label: string }[], t: TimeThresholds,
): ShareSeries[] {
  const index = new Map(axis.months.map((m, i) => [m, i]));
  const n = axis.months.map(() => 0);
  const k = new Map(keys.map(({ key }) => [key, axis.months.map(() => 0)]));
  for (const r of rows) {
    const m = monthOf(r);
    const i = m === null ? undefined : index.get(m);
    if (i === undefined) continue;
    n[i]! += 1;
    for (const key of new Set(keysOf(r))) {
      const counts = k.get(key);
      if (counts) counts[i]! += 1;
    }
  }
  return keys.map(({ key, label }) => withMonths(shareSeries(key, label, n, k.get(key)!, t), axis));
}

/** Fill in each point's month from the axis. */
export function withMonths(s: ShareSeries, axis: TimeAxis): ShareSeries {
  return { ...s, points: s.points.map((p, i) => ({ ...p, month: axis.months[i]! })) };
}
