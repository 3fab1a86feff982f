/**
 * Across ML roles: the numbers that compare role families (pay distributions, remote share, top skills, each with
 * its n), trends over months and years, rising and falling skills, pay by skill, skills named together, and the
 * small pre-aggregated tables the browser's filters read. Pure: same dataset, same numbers.
 */
import { ascending, rollups } from 'd3';
import { LEVELS, type Level } from '../extract/types.ts';
import { THRESHOLDS, levelOrder, mlRows, payBand, skillDemand } from './aggregates.ts';
import { ML_FAMILIES, familyLabel, monthOf, paySourceOf, regionOf, type PaySource } from './families.ts';
import { shareSeriesByKey, shareSeriesOf, timeAxis, type ShareSeries, type TimeAxis, type TimeThresholds } from './over-time.ts';
import { quartiles, wilson, type Quartiles, type Share } from './stats.ts';
import type { Dataset, PostingRow } from './types.ts';
import { compareText } from '../collate.ts';

/** Thresholds of the comparisons, beside the site's THRESHOLDS. */
export const COMPARE_THRESHOLDS = {
  /** Rising and falling skills compare two periods of this many months each. */
  changeMonths: 3,
  /** Each period needs at least this many dated ML postings. */
  changeMinPeriod: 30,
  /** A skill is listed only when named by at least this many postings over both periods. */
  changeMinSkill: 5,
  /** Rising and falling lists are this long at most. */
  changeTop: 8,
  /** A share (remote, states pay) is drawn for a group only with at least this many postings; below it, numbers only. */
  shareMinN: 10,
  /** A page draws every stated range, one line each, only up to this many (beyond that, group distributions). */
  individualMax: 60,
} as const;

/** The thresholds every share over time is held to (from THRESHOLDS). */
export const TIME_THRESHOLDS: TimeThresholds = { minPerMonth: THRESHOLDS.trendMinPerPeriod, minMonths: THRESHOLDS.trendMinPeriods };

// ---------------------------------------------------------------------------------------------------------------
// Pay distributions

/** How pay is spread in one group: quartiles of the stated low ends and high ends (annual USD), with n. */
export interface PayDistribution {
  key: string;
  /** The ML family, or null for all ML roles. */
  family: string | null;
  /** The level, null for "level not stated", or "all" for every level. */
  level: Level | null | 'all';
  label: string;
  /** Postings with a USD pay figure. */
  n: number;
  /** Quartiles of low ends; null below THRESHOLDS.medianMinPostings. */
  low: Quartiles | null;
  /** Quartiles of high ends over closed ranges; null when fewer than the threshold are closed. */
  high: Quartiles | null;
  /** Closed ranges among them (the high end's n). */
  nHigh: number;
  /** Where the figures come from. */
  sources: Record<PaySource, number>;
  /** The currencies stated, most common first. */
  currencies: { currency: string; n: number }[];
  /** What a sub-group row is called under its family (a region), when it is not a level. */
  sub?: string;
}

/** Rows that carry a USD pay view, with the USD band. */
const withUsd = (rows: PostingRow[]) => rows.flatMap((r) => {
  const b = payBand(r);
  return b ? [{ row: r, band: b }] : [];
});

/** The pay distribution of a set of rows (labelled as given). */
export function payDistribution(rows: PostingRow[], key: string, label: string, family: string | null, level: PayDistribution['level']): PayDistribution {
  const bands = withUsd(rows);
  const enough = bands.length >= THRESHOLDS.medianMinPostings;
  const closed = bands.filter((b) => b.band.maxUsd !== null).map((b) => b.band.maxUsd!);
  const sources: Record<PaySource, number> = { text: 0, board: 0, 'front-matter': 0 };
  for (const b of bands) sources[paySourceOf(b.row) ?? 'text'] += 1;
  const currencies = rollups(bands, (v) => v.length, (b) => b.band.currency)
    .map(([currency, n]) => ({ currency, n }))
    .sort((a, b) => b.n - a.n || compareText(a.currency, b.currency));
  return {
    key, family, level, label, n: bands.length,
    low: enough ? quartiles(bands.map((b) => b.band.minUsd)) : null,
    high: closed.length >= THRESHOLDS.medianMinPostings ? quartiles(closed) : null,
    nHigh: closed.length, sources, currencies,
  };
}

/**
 * Pay per family, then per family × level (levels in seniority order, "not stated" last); groups with no pay
 * left out. Quartiles only where a group reaches the threshold.
 */
export function payByFamilyLevel(dataset: Dataset): PayDistribution[] {
  const ml = mlRows(dataset);
  const out: PayDistribution[] = [payDistribution(ml, 'all', 'All ML roles', null, 'all')];
  for (const family of ML_FAMILIES) {
    const rows = ml.filter((r) => r.roleFamily === family);
    if (withUsd(rows).length === 0) continue;
    out.push(payDistribution(rows, family, familyLabel(family), family, 'all'));
    const byLevel = rollups(rows, (v) => v, (r) => r.level).sort(([a], [b]) => levelOrder(a) - levelOrder(b));
    for (const [level, lr] of byLevel) {
      const d = payDistribution(lr, `${family}:${level ?? 'not-stated'}`, `${familyLabel(family)} · ${level === null ? 'level not stated' : level}`, family, level);
      if (d.n > 0) out.push(d);
    }
  }
  return out;
}

/**
 * Pay per family, then per family × region (where the role is: the remote region, else the first location's
 * country), regions with the most postings stating pay first; groups with no pay left out.
 */
export function payByFamilyRegion(dataset: Dataset): PayDistribution[] {
  const ml = mlRows(dataset);
  const out: PayDistribution[] = [];
  for (const family of ML_FAMILIES) {
    const rows = ml.filter((r) => r.roleFamily === family);
    if (withUsd(rows).length === 0) continue;
    out.push(payDistribution(rows, family, familyLabel(family), family, 'all'));
    const byRegion = rollups(rows, (v) => v, (r) => regionOf(r))
      .map(([region, rr]) => ({ region, d: payDistribution(rr, `${family}@${region ?? 'not-stated'}`, `${familyLabel(family)} · ${region ?? 'region not stated'}`, family, 'all') }))
      .filter((x) => x.d.n > 0)
      .sort((a, b) => (a.region === null ? 1 : 0) - (b.region === null ? 1 : 0) || b.d.n - a.d.n || compareText(a.region ?? '', b.region ?? ''));
    for (const { region, d } of byRegion) out.push({ ...d, sub: region ?? 'Region not stated' });
  }
  return out;
}

/** Pay per skill (ML postings naming it), for skills with enough postings stating pay; highest median low end first. */
export function payBySkill(dataset: Dataset): (PayDistribution & { id: string })[] {
  const bySkill = rowsBySkill(mlRows(dataset));
  return skillDemand(dataset).skills
    .map((s) => ({ ...payDistribution(bySkill.get(s.id) ?? [], s.id, s.label, null, 'all'), id: s.id }))
    .filter((d) => d.low !== null)
    .sort((a, b) => b.low!.median - a.low!.median || compareText(a.label, b.label));
}

// ---------------------------------------------------------------------------------------------------------------
// Family comparison

/** One family side by side with the others: pay, remote share, pay disclosure and top skills, each with its n. */
export interface FamilySummary {
  family: string;
  label: string;
  /** ML postings of the family. */
  n: number;
  pay: PayDistribution;
  /** Share of postings that can be done fully remotely (of all its postings), with its 95% interval. */
  remote: Share;
  /** Share of postings stating pay (any source). */
  payStated: Share;
  /** Its most named skills, with counts. */
  skills: { id: string; label: string; n: number; share: number }[];
}

/** The six ML families compared (all six listed, with n = 0 where there are none yet). */
export function familyComparison(dataset: Dataset, topSkills = 3): FamilySummary[] {
  const ml = mlRows(dataset);
  return ML_FAMILIES.map((family) => {
    const rows = ml.filter((r) => r.roleFamily === family);
    const sub: Dataset = { ...dataset, postings: rows };
    return {
      family,
      label: familyLabel(family),
      n: rows.length,
      pay: payDistribution(rows, family, familyLabel(family), family, 'all'),
      remote: wilson(rows.filter((r) => r.remote?.policy === 'remote').length, rows.length),
      payStated: wilson(rows.filter((r) => r.pay !== null).length, rows.length),
      skills: skillDemand(sub).skills.slice(0, topSkills).map(({ id, label, n, share }) => ({ id, label, n, share })),
    };
  });
}

// ---------------------------------------------------------------------------------------------------------------
// Over time

/** Several share series on one time axis. */
export interface ShareTrend {
  axis: TimeAxis;
  /** Dated postings per month (all the rows the series are drawn from), and undated ones left out. */
  totals: number[];
  undated: number;
  series: ShareSeries[];
}

/** The axis of every dated ML posting in the dataset (so every trend on the site shares one time scale). */
export function mlAxis(dataset: Dataset): TimeAxis {
  const months = mlRows(dataset).map(monthOf).filter((m): m is string => m !== null);
  return timeAxis(months, dataset.asOf);
}

function totalsOf(rows: PostingRow[], axis: TimeAxis): number[] {
  const index = new Map(axis.months.map((m, i) => [m, i]));
  const out = axis.months.map(() => 0);
  for (const r of rows) {
    const i = index.get(monthOf(r) ?? '');
    if (i !== undefined) out[i]! += 1;
  }
  return out;
}

/** Each skill's share of ML postings month by month (default: the six most named). */
export function skillShareTrend(dataset: Dataset, options: { skillIds?: string[]; top?: number; axis?: TimeAxis; labels?: ReadonlyMap<string, string> } = {}): ShareTrend {
  const ml = mlRows(dataset);
  const axis = options.axis ?? mlAxis(dataset);
  // Demand ranks the skills and names them, unless both are given (a family's trend beside the whole one's).
  const demand = options.skillIds && options.labels ? [] : skillDemand(dataset).skills;
  const labels = new Map(options.labels ?? demand.map((s) => [s.id, s.label]));
  const ids = options.skillIds ?? demand.slice(0, options.top ?? 6).map((s) => s.id);
  // A skill asked for that no ML posting names takes its label from any posting that does (the scan only then).
  if (ids.some((id) => !labels.has(id))) for (const r of dataset.postings) for (const s of r.skills) if (!labels.has(s.id)) labels.set(s.id, s.label);
  return {
    axis,
    totals: totalsOf(ml, axis),
    undated: ml.filter((r) => monthOf(r) === null).length,
    series: shareSeriesByKey(ml, axis, monthOf, (r) => r.skills.map((s) => s.id), ids.map((id) => ({ key: id, label: labels.get(id) ?? id })), TIME_THRESHOLDS),
  };
}

/** Share of each ML family's postings that can be done fully remotely, month by month (and all ML roles first). */
export function remoteShareTrend(dataset: Dataset): ShareTrend {
  const ml = mlRows(dataset);
  const axis = mlAxis(dataset);
  const isRemote = (r: PostingRow) => r.remote?.policy === 'remote';
  return {
    axis,
    totals: totalsOf(ml, axis),
    undated: ml.filter((r) => monthOf(r) === null).length,
    series: [
      shareSeriesOf(ml, axis, monthOf, isRemote, 'all', 'All ML roles', TIME_THRESHOLDS),
      ...ML_FAMILIES.map((f) => shareSeriesOf(ml.filter((r) => r.roleFamily === f), axis, monthOf, isRemote, f, familyLabel(f), TIME_THRESHOLDS)),
    ],
  };
}

/**
 * Share of ML postings stating pay, month by month: stated in the text and stated by the job board counted apart,
 * for all ML roles and for each family. Series keys are `<family or all>:text` and `<family or all>:board`.
 */
export function payDisclosureTrend(dataset: Dataset): ShareTrend {
  const ml = mlRows(dataset);
  const axis = mlAxis(dataset);
  const groups: [string, string, PostingRow[]][] = [['all', 'All ML roles', ml], ...ML_FAMILIES.map((f): [string, string, PostingRow[]] => [f, familyLabel(f), ml.filter((r) => r.roleFamily === f)])];
  const textLike = (r: PostingRow) => { const s = paySourceOf(r); return s === 'text' || s === 'front-matter'; };
  return {
    axis,
    totals: totalsOf(ml, axis),
    undated: ml.filter((r) => monthOf(r) === null).length,
    series: groups.flatMap(([key, label, rows]) => [
      shareSeriesOf(rows, axis, monthOf, textLike, `${key}:text`, `${label}: in the text`, TIME_THRESHOLDS),
      shareSeriesOf(rows, axis, monthOf, (r) => paySourceOf(r) === 'board', `${key}:board`, `${label}: by the job board`, TIME_THRESHOLDS),
    ]),
  };
}

// ---------------------------------------------------------------------------------------------------------------
// Rising and falling skills

/** One skill's share in two periods. */
export interface SkillChange {
  id: string;
  label: string;
  before: Share;
  after: Share;
  /** after − before, in share points (0–1 scale). */
  change: number;
}

/** Rising and falling skills between two periods of equal length (the latest months, and the months before them). */
export interface SkillChanges {
  before: { from: string; to: string; n: number };
  after: { from: string; to: string; n: number };
  enough: boolean;
  reason: string | null;
  rising: SkillChange[];
  falling: SkillChange[];
}

/** Compare each skill's share in the latest COMPARE_THRESHOLDS.changeMonths months with the same span before. */
export function skillChanges(dataset: Dataset): SkillChanges {
  const ml = mlRows(dataset);
  const axis = mlAxis(dataset);
  const L = COMPARE_THRESHOLDS.changeMonths;
  const after = axis.months.slice(-L), before = axis.months.slice(-2 * L, -L);
  const span = (ms: string[]) => ({ from: ms[0] ?? '', to: ms.at(-1) ?? '' });
  const inA = new Set(after), inB = new Set(before);
  const rowsA = ml.filter((r) => inA.has(monthOf(r) ?? '')), rowsB = ml.filter((r) => inB.has(monthOf(r) ?? ''));
  const out: SkillChanges = {
    before: { ...span(before), n: rowsB.length }, after: { ...span(after), n: rowsA.length },
    enough: false, reason: null, rising: [], falling: [],
  };
  const min = COMPARE_THRESHOLDS.changeMinPeriod;
  if (before.length < L || rowsA.length < min || rowsB.length < min) {
    out.reason = `each period needs at least ${min} dated ML postings (${rowsB.length} before, ${rowsA.length} in the latest ${L} months)`;
    return out;
  }
  out.enough = true;
  const inBefore = rowsBySkill(rowsB), inAfter = rowsBySkill(rowsA);
  const changes = skillDemand(dataset).skills
    .map((s): SkillChange => {
      const b = wilson(inBefore.get(s.id)?.length ?? 0, rowsB.length), a = wilson(inAfter.get(s.id)?.length ?? 0, rowsA.length);
      return { id: s.id, label: s.label, before: b, after: a, change: a.share - b.share };
    })
    .filter((c) => c.before.k + c.after.k >= COMPARE_THRESHOLDS.changeMinSkill);
  const top = COMPARE_THRESHOLDS.changeTop;
  out.rising = changes.filter((c) => c.change > 0).sort((a, b) => b.change - a.change || compareText(a.label, b.label)).slice(0, top);
  out.falling = changes.filter((c) => c.change < 0).sort((a, b) => a.change - b.change || compareText(a.label, b.label)).slice(0, top);
  return out;
}

// ---------------------------------------------------------------------------------------------------------------
// Skills named together

/** The rows naming each skill, in the rows' order (one pass, where a filter per skill reads every row per skill). */
export function rowsBySkill(rows: PostingRow[]): Map<string, PostingRow[]> {
  const out = new Map<string, PostingRow[]>();
  for (const r of rows) {
    for (const id of new Set(r.skills.map((s) => s.id))) {
      const list = out.get(id);
      if (list) list.push(r);
      else out.set(id, [r]);
    }
  }
  return out;
}

/** Skills named by the same ML postings as `skillId`: how many, and their share of the postings naming it. */
export function coSkills(dataset: Dataset, skillId: string, top = 10): { id: string; label: string; n: number; share: number }[] {
  const rows = mlRows(dataset).filter((r) => r.skills.some((s) => s.id === skillId));
  const counts = new Map<string, { id: string; label: string; n: number }>();
  for (const r of rows) {
    for (const s of new Map(r.skills.map((s) => [s.id, s])).values()) {
      if (s.id === skillId) continue;
      const c = counts.get(s.id) ?? { id: s.id, label: s.label, n: 0 };
      c.n += 1;
      counts.set(s.id, c);
    }
  }
  return [...counts.values()]
    .sort((a, b) => b.n - a.n || compareText(a.label, b.label))
    .slice(0, top)
    .map((c) => ({ ...c, share: c.n / rows.length }));
}

// ---------------------------------------------------------------------------------------------------------------
// Tables for the browser's filters (counts only, never rows)

/**
 * ML postings counted by family × level × region × month × work arrangement × pay source: what the filters on the
 * chart pages read. `cells` rows are indexes into `dims` (month −1 = undated) and a count.
 */
export interface FilterCube {
  dims: { family: string[]; level: string[]; region: string[]; policy: string[]; paySource: string[]; month: string[] };
  /** Whether the last month is partial, and the data's latest date. */
  lastPartial: boolean;
  asOf: string | null;
  /** The thresholds a share over time is held to (the same as the build-time charts). */
  thresholds: TimeThresholds;
  /** [family, level, region, policy, paySource, month, count] */
  cells: [number, number, number, number, number, number, number][];
}

/** Regions beyond the most common ones are pooled as "elsewhere", so the table stays small. */
const CUBE_REGIONS = 10;

/** The filter table of a dataset's ML postings. */
export function filterCube(dataset: Dataset): FilterCube {
  const ml = mlRows(dataset);
  const regionCounts = rollups(ml, (v) => v.length, (r) => regionOf(r) ?? 'not-stated')
    .filter(([r]) => r !== 'not-stated')
    .sort((a, b) => b[1] - a[1] || ascending(a[0], b[0]));
  const kept = new Set(regionCounts.slice(0, CUBE_REGIONS).map(([r]) => r));
  const axis = mlAxis(dataset);
  const regionKey = (r: PostingRow) => { const g = regionOf(r); return g === null ? 'not-stated' : kept.has(g) ? g : 'elsewhere'; };
  const dims = {
    family: [...ML_FAMILIES] as string[],
    level: [...LEVELS, 'not-stated'] as string[],
    region: [...[...kept].sort(), 'elsewhere', 'not-stated'],
    policy: ['remote', 'hybrid', 'onsite', 'not-stated'],
    paySource: ['text', 'board', 'front-matter', 'none'],
    month: axis.months,
  };
  const idx = (list: string[], v: string) => list.indexOf(v);
  const counts = new Map<string, number>();
  for (const r of ml) {
    const f = idx(dims.family, r.roleFamily ?? '');
    if (f < 0) continue;
    const key = [f, idx(dims.level, r.level ?? 'not-stated'), idx(dims.region, regionKey(r)), idx(dims.policy, r.remote?.policy ?? 'not-stated'),
      idx(dims.paySource, paySourceOf(r) ?? 'none'), idx(dims.month, monthOf(r) ?? '')].join(',');
    counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  const cells = [...counts.entries()].sort(([a], [b]) => compareText(a, b))
    .map(([k, n]) => [...k.split(',').map(Number), n] as FilterCube['cells'][number]);
  return { dims, lastPartial: axis.lastPartial, asOf: axis.asOf, thresholds: TIME_THRESHOLDS, cells };
}

/** Per skill, ML postings naming it each month (skills named by at least `minN` ML postings): the skill comparison reads it. */
export interface SkillMonths {
  months: string[];
  lastPartial: boolean;
  thresholds: TimeThresholds;
  /** Dated ML postings per month. */
  totals: number[];
  skills: { id: string; label: string; n: number; k: number[] }[];
  /** The same per ML family (families with dated postings): monthly totals, and each skill's counts as sparse [month index, count] pairs. */
  families: { family: string; totals: number[]; k: Record<string, [number, number][]> }[];
}

/**
 * Rows per month of `axis` (dated ones only), and for each of `ids` the rows naming it (a row once per skill): the
 * counts a share trend starts from, without the shares, which the skill comparison works out in the browser.
 */
function monthlySkillCounts(rows: PostingRow[], axis: TimeAxis, ids: string[]): { totals: number[]; k: Map<string, number[]> } {
  const index = new Map(axis.months.map((m, i) => [m, i]));
  const totals = axis.months.map(() => 0);
  const k = new Map(ids.map((id) => [id, axis.months.map(() => 0)]));
  for (const r of rows) {
    const m = monthOf(r);
    const i = m === null ? undefined : index.get(m);
    if (i === undefined) continue;
    totals[i]! += 1;
    for (const id of new Set(r.skills.map((s) => s.id))) {
      const counts = k.get(id);
      if (counts) counts[i]! += 1;
    }
  }
  return { totals, k };
}

/** The skill comparison's table. */
export function skillMonths(dataset: Dataset, minN = 3): SkillMonths {
  const demand = skillDemand(dataset).skills.filter((s) => s.n >= minN);
  const ids = demand.map((s) => s.id);
  const axis = mlAxis(dataset);
  const ml = mlRows(dataset);
  const all = monthlySkillCounts(ml, axis, ids);
  const families = ML_FAMILIES.flatMap((family) => {
    const t = monthlySkillCounts(ml.filter((r) => r.roleFamily === family), axis, ids);
    if (t.totals.every((n) => n === 0)) return [];
    const k: Record<string, [number, number][]> = {};
    for (const id of ids) {
      const pairs = t.k.get(id)!.flatMap((count, i): [number, number][] => (count > 0 ? [[i, count]] : []));
      if (pairs.length > 0) k[id] = pairs;
    }
    return [{ family, totals: t.totals, k }];
  });
  return {
    months: axis.months,
    lastPartial: axis.lastPartial,
    thresholds: TIME_THRESHOLDS,
    totals: all.totals,
    skills: demand.map(({ id, label }) => {
      const k = all.k.get(id)!;
      return { id, label, n: k.reduce((a, b) => a + b, 0), k };
    }),
    families,
  };
}

// ---------------------------------------------------------------------------------------------------------------

/** Everything the comparison and trend charts show (merged into public/data/aggregates.json). */
export interface Atlas {
  compareThresholds: typeof COMPARE_THRESHOLDS;
  families: FamilySummary[];
  payGroups: PayDistribution[];
  payRegions: PayDistribution[];
  payBySkill: (PayDistribution & { id: string })[];
  skillTrend: ShareTrend;
  remoteTrend: ShareTrend;
  payDisclosure: ShareTrend;
  skillChanges: SkillChanges;
}

/** The comparison and trend aggregates of a dataset. */
export function buildAtlas(dataset: Dataset): Atlas {
  return {
    compareThresholds: COMPARE_THRESHOLDS,
    families: familyComparison(dataset),
    payGroups: payByFamilyLevel(dataset),
    payRegions: payByFamilyRegion(dataset),
    payBySkill: payBySkill(dataset),
    skillTrend: skillShareTrend(dataset),
    remoteTrend: remoteShareTrend(dataset),
    payDisclosure: payDisclosureTrend(dataset),
    skillChanges: skillChanges(dataset),
  };
}
