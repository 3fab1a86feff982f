/**
 * What the chart filters compute in the browser, from the pre-aggregated count table (FilterCube), never from rows:
 * the filter in a URL and back, and a filtered slice (arrangement mix, monthly counts of remote and stated pay).
 * Pure, and light: imports nothing that pulls extraction or CSV code into the browser bundle.
 */
import type { FilterCube, SkillMonths } from './compare.ts';
import type { TimeThresholds } from './over-time.ts';
import { shareSeries, withMonths, type ShareSeries, type TimeAxis } from './over-time.ts';

/** A reader's filter: each field a value from the cube's dimensions, or absent for "all". */
export interface ChartFilter {
  family?: string;
  level?: string;
  region?: string;
  /** Work arrangement: remote, hybrid, onsite or not-stated. */
  policy?: string;
  /** First and last month included, "YYYY-MM". */
  from?: string;
  to?: string;
}

/** The filter's URL parameters, in the order they are written. */
export const FILTER_KEYS = ['family', 'level', 'region', 'policy', 'from', 'to'] as const;
const KEYS = FILTER_KEYS;

/** The filter a query string holds; values the cube does not know are dropped (a stale link never breaks a chart). */
export function parseFilter(search: string, cube: Pick<FilterCube, 'dims'>): ChartFilter {
  const q = new URLSearchParams(search);
  const out: ChartFilter = {};
  const allowed: Record<(typeof KEYS)[number], string[]> = {
    family: cube.dims.family, level: cube.dims.level, region: cube.dims.region, policy: cube.dims.policy, from: cube.dims.month, to: cube.dims.month,
  };
  for (const k of KEYS) {
    const v = q.get(k);
    if (v && allowed[k].includes(v)) out[k] = v;
  }
  return out;
}

/** The query string of a filter ("" when nothing is filtered), keys in a fixed order; other parameters kept. */
export function filterQuery(f: ChartFilter, keep: string = ''): string {
  const q = new URLSearchParams(keep);
  for (const k of KEYS) q.delete(k);
  for (const k of KEYS) if (f[k]) q.set(k, f[k]!);
  const s = q.toString();
  return s ? `?${s}` : '';
}

/** True when the filter narrows nothing. */
export const isEmptyFilter = (f: ChartFilter): boolean => KEYS.every((k) => !f[k]);

/** One filtered slice of the cube. */
export interface CubeSlice {
  /** ML postings matching (dated and undated when no date range is set). */
  n: number;
  /** Postings by work arrangement (remote, hybrid, onsite, not-stated). */
  policy: Record<string, number>;
  axis: TimeAxis;
  /** Per month of the axis: postings, remote ones, pay stated in the text (or a correction), pay stated by the board. */
  monthly: { n: number[]; remote: number[]; text: number[]; board: number[] };
}

/** Sum the cube's cells that match the filter. */
export function cubeSlice(cube: FilterCube, f: ChartFilter): CubeSlice {
  const d = cube.dims;
  const want = (list: string[], v: string | undefined) => (v === undefined ? -1 : list.indexOf(v));
  const fam = want(d.family, f.family), lev = want(d.level, f.level), reg = want(d.region, f.region), pol = want(d.policy, f.policy);
  let first = f.from ? d.month.indexOf(f.from) : 0;
  let last = f.to ? d.month.indexOf(f.to) : d.month.length - 1;
  if (first > last) [first, last] = [last, first];
  const dated = f.from !== undefined || f.to !== undefined;
  const months = d.month.slice(first, last + 1);
  const zero = () => months.map(() => 0);
  const monthly = { n: zero(), remote: zero(), text: zero(), board: zero() };
  const policy: Record<string, number> = Object.fromEntries(d.policy.map((p) => [p, 0]));
  let n = 0;
  for (const [fi, li, ri, pi, si, mi, count] of cube.cells) {
    if ((fam >= 0 && fi !== fam) || (lev >= 0 && li !== lev) || (reg >= 0 && ri !== reg) || (pol >= 0 && pi !== pol)) continue;
    const inRange = mi >= first && mi <= last;
    if (dated && !inRange) continue;
    n += count;
    policy[d.policy[pi]!]! += count;
    if (mi < 0 || !inRange) continue;
    const i = mi - first;
    monthly.n[i]! += count;
    if (d.policy[pi] === 'remote') monthly.remote[i]! += count;
    const src = d.paySource[si];
    if (src === 'text' || src === 'front-matter') monthly.text[i]! += count;
    if (src === 'board') monthly.board[i]! += count;
  }
  const endsAtLast = last === d.month.length - 1;
  return { n, policy, axis: { months, lastPartial: cube.lastPartial && endsAtLast, asOf: cube.asOf }, monthly };
}

/** The series a slice gives: remote share, and pay stated in the text / by the job board. */
export function sliceSeries(cube: FilterCube, s: CubeSlice, label: string): { remote: ShareSeries; text: ShareSeries; board: ShareSeries } {
  const t = cube.thresholds;
  return {
    remote: withMonths(shareSeries('filtered', label, s.monthly.n, s.monthly.remote, t), s.axis),
    text: withMonths(shareSeries('filtered:text', `${label}: in the text`, s.monthly.n, s.monthly.text, t), s.axis),
    board: withMonths(shareSeries('filtered:board', `${label}: by the job board`, s.monthly.n, s.monthly.board, t), s.axis),
  };
}

/** At most this many skills are compared side by side. */
export const MAX_COMPARED = 5;

/** The skills a query string compares (`?skills=python,pytorch`): known ids only, no repeats, at most MAX_COMPARED. */
export function parseSkills(search: string, known: string[]): string[] {
  const raw = new URLSearchParams(search).get('skills') ?? '';
  const ok = new Set(known);
  return [...new Set(raw.split(',').map((s) => s.trim()).filter((s) => ok.has(s)))].slice(0, MAX_COMPARED);
}

/** The query string with `skills` set to these ids (removed when none); other parameters kept. */
export function skillsQuery(ids: string[], keep: string = ''): string {
  const q = new URLSearchParams(keep);
  q.delete('skills');
  if (ids.length) q.set('skills', ids.slice(0, MAX_COMPARED).join(','));
  const s = q.toString();
  return s ? `?${s.replace(/%2C/g, ',')}` : '';
}

/**
 * Each chosen skill's share of ML postings over time, from the skill table: of all ML postings, or of one family's
 * (`family`) when given.
 */
export function comparedSeries(sm: SkillMonths, ids: string[], t: TimeThresholds, family?: string): { axis: TimeAxis; series: ShareSeries[] } {
  const axis: TimeAxis = { months: sm.months, lastPartial: sm.lastPartial, asOf: null };
  const fam = family === undefined ? undefined : sm.families.find((f) => f.family === family);
  const totals = family === undefined ? sm.totals : fam?.totals ?? sm.months.map(() => 0);
  const series = ids.flatMap((id) => {
    const s = sm.skills.find((x) => x.id === id);
    if (!s) return [];
    let k = s.k;
    if (family !== undefined) {
      k = sm.months.map(() => 0);
      for (const [i, c] of fam?.k[id] ?? []) k[i] = c;
    }
    return [withMonths(shareSeries(s.id, s.label, totals, k, t), axis)];
  });
  return { axis, series };
}

/** The family a skill comparison is narrowed to (`?family=`), when the table knows it. */
export function parseFamily(search: string, sm: Pick<SkillMonths, 'families'>): string | undefined {
  const f = new URLSearchParams(search).get('family');
  return f && sm.families.some((x) => x.family === f) ? f : undefined;
}
