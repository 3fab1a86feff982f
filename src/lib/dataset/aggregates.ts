/**
 * The numbers the site's charts and tables show, computed from the dataset (public/data/aggregates.json).
 * Pure and deterministic: the same dataset gives the same aggregates, whatever the build date.
 * Every chart covers ML roles only (rows with `excluded === null`); excluded rows are counted with their reason.
 */
import { ascending, group, median, rollups } from 'd3';
import { LEVELS, REMOTE_POLICIES, type Level, type RemotePolicy } from '../extract/types.ts';
import type { Dataset, PostingRow } from './types.ts';
import { exclusionGroup } from './build.ts';
import { compareText } from '../collate.ts';
import { paySourceOf, type PaySource } from './families.ts';

/** The thresholds below which the site says "not enough data" instead of drawing or summarising. */
export const THRESHOLDS = {
  /** A level group shows median pay only with at least this many postings with a USD figure. */
  medianMinPostings: 5,
  /** A trend is drawn only with at least this many periods that each have enough postings. */
  trendMinPeriods: 3,
  /** A period counts towards a trend only with at least this many dated ML postings. */
  trendMinPerPeriod: 20,
} as const;

/** The date a posting is placed at: posted, else captured (the same rule as the data step). */
export const datingOf = (p: { posted: string | null; captured: string | null }): string | null => p.posted ?? p.captured;

/** The rows the charts cover: ML roles. */
export const mlRows = (dataset: Dataset): PostingRow[] => dataset.postings.filter((r) => r.excluded === null);

/** The company slug of a posting (the folder its file is in, the first part of its id). */
export const companySlug = (row: Pick<PostingRow, 'id'>): string => row.id.split('/')[0] ?? row.id;

// ---------------------------------------------------------------------------------------------------------------
// Pay bands

/** How a pay figure is drawn: a min–max bar, an open range ("150k+"), or a single figure (a tick). */
export type PayShape = 'range' | 'open' | 'single';

/** One ML posting's stated base pay, annualised and in USD. */
export interface PayBand {
  id: string;
  title: string | null;
  company: string | null;
  level: Level | null;
  shape: PayShape;
  /** Annual USD, low end. */
  minUsd: number;
  /** Annual USD, high end; null when open-ended. */
  maxUsd: number | null;
  /** The currency and period as written ("EUR", "hour"). */
  currency: string;
  period: string;
  /** Annual figures in the native currency. */
  annualMin: number;
  annualMax: number | null;
  evidence: string;
  /** Where the figure comes from: the text, the job board's structured pay, or a front-matter correction. */
  source: PaySource | null;
}

/** The postings of one level, with medians when there are enough of them. */
export interface PayGroup {
  /** A level, or null for "level not stated". */
  level: Level | null;
  n: number;
  /** Median annual USD low end and high end (high end over closed ranges only); null below the threshold. */
  medianMinUsd: number | null;
  medianMaxUsd: number | null;
  bands: PayBand[];
}

/** Everything /pay/ shows. */
export interface PayAggregate {
  /** ML postings in total. */
  ml: number;
  /** ML postings with a pay figure that has a USD view (drawn). */
  n: number;
  /** ML postings that state no pay at all. */
  noPay: number;
  /** ML postings whose pay currency has no known USD rate (listed, not drawn). */
  noUsd: number;
  /** Currencies other than USD among drawn bands, with counts. */
  currencies: { currency: string; n: number }[];
  /** Level groups in seniority order; "level not stated" last; empty groups left out. */
  groups: PayGroup[];
}

/** Sort key for levels: seniority order, null last. */
export const levelOrder = (level: Level | null): number => (level === null ? LEVELS.length : LEVELS.indexOf(level));

/** Turn one row's pay into a band, or null when it has no pay or no USD view. */
export function payBand(row: PostingRow): PayBand | null {
  const p = row.pay;
  if (!p || p.annualMinUsd === null) return null;
  const open = p.max === null || p.annualMaxUsd === null;
  const shape: PayShape = open ? 'open' : p.annualMaxUsd === p.annualMinUsd ? 'single' : 'range';
  return {
    id: row.id,
    title: row.title,
    company: row.company,
    level: row.level,
    shape,
    minUsd: p.annualMinUsd,
    maxUsd: open ? null : p.annualMaxUsd,
    currency: p.currency,
    period: p.period,
    annualMin: p.annualMin,
    annualMax: p.annualMax,
    evidence: p.evidence,
    source: paySourceOf(row),
  };
}

/** Pay bands of ML postings, grouped by level, with medians only where a group is large enough. */
export function payBands(dataset: Dataset): PayAggregate {
  const ml = mlRows(dataset);
  const withPay = ml.filter((r) => r.pay !== null);
  const bands = withPay.map(payBand).filter((b): b is PayBand => b !== null);
  const groups = rollups(bands, (bs) => bs, (b) => b.level)
    .sort(([a], [b]) => levelOrder(a) - levelOrder(b))
    .map(([level, bs]): PayGroup => {
      const sorted = [...bs].sort((a, b) => ascending(a.minUsd, b.minUsd) || ascending(a.maxUsd ?? Infinity, b.maxUsd ?? Infinity) || ascending(a.id, b.id));
      const enough = sorted.length >= THRESHOLDS.medianMinPostings;
      const closed = sorted.filter((b) => b.maxUsd !== null);
      return {
        level,
        n: sorted.length,
        medianMinUsd: enough ? median(sorted, (b) => b.minUsd) ?? null : null,
        medianMaxUsd: enough && closed.length >= THRESHOLDS.medianMinPostings ? median(closed, (b) => b.maxUsd) ?? null : null,
        bands: sorted,
      };
    });
  const currencies = rollups(bands.filter((b) => b.currency !== 'USD'), (v) => v.length, (b) => b.currency)
    .map(([currency, n]) => ({ currency, n }))
    .sort((a, b) => b.n - a.n || compareText(a.currency, b.currency));
  return {
    ml: ml.length,
    n: bands.length,
    noPay: ml.length - withPay.length,
    noUsd: withPay.length - bands.length,
    currencies,
    groups,
  };
}

// ---------------------------------------------------------------------------------------------------------------
// Remote mix

/** A remote policy, or "not-stated" when the text names no work arrangement. */
export type PolicyOrUnknown = RemotePolicy | 'not-stated';

/** Everything /remote/ shows. */
export interface RemoteAggregate {
  /** ML postings. */
  n: number;
  /** One entry per policy, in a fixed order (remote, hybrid, onsite, not-stated), zeros included. */
  mix: { policy: PolicyOrUnknown; n: number; share: number }[];
  /** Office cadences stated (days a year, low–high), most common first. */
  officeDays: { low: number; high: number; n: number }[];
  /** Where remote roles may be done, most common first; "not stated" as null. */
  regions: { region: string | null; n: number }[];
}

/** Remote policy mix of ML postings, with office cadence and region where the text states them. */
export function remoteMix(dataset: Dataset): RemoteAggregate {
  const ml = mlRows(dataset);
  const order: PolicyOrUnknown[] = [...REMOTE_POLICIES, 'not-stated'];
  const mix = order.map((policy) => {
    const n = ml.filter((r) => (r.remote?.policy ?? 'not-stated') === policy).length;
    return { policy, n, share: ml.length ? n / ml.length : 0 };
  });
  const days = ml.map((r) => r.remote?.officeDaysPerYear).filter((d): d is [number, number] => !!d);
  const officeDays = rollups(days, (v) => v.length, (d) => `${d[0]}-${d[1]}`)
    .map(([key, n]) => {
      const [low, high] = key.split('-').map(Number) as [number, number];
      return { low, high, n };
    })
    .sort((a, b) => b.n - a.n || a.low - b.low || a.high - b.high);
  const remote = ml.filter((r) => r.remote?.policy === 'remote');
  const regions = rollups(remote, (v) => v.length, (r) => r.remote?.region ?? null)
    .map(([region, n]) => ({ region, n }))
    .sort((a, b) => b.n - a.n || compareText(a.region ?? '\uffff', b.region ?? '\uffff'));
  return { n: ml.length, mix, officeDays, regions };
}

// ---------------------------------------------------------------------------------------------------------------
// Skills

/** One skill's demand: how many ML postings name it. */
export interface SkillDemand {
  id: string;
  label: string;
  group: string;
  n: number;
  /** Share of ML postings naming it (0–1). */
  share: number;
}

/** Skill demand across ML postings, most named first (ties by label). */
export function skillDemand(dataset: Dataset): { n: number; skills: SkillDemand[] } {
  const ml = mlRows(dataset);
  const bySkill = new Map<string, SkillDemand>();
  for (const r of ml) {
    for (const s of new Map(r.skills.map((s) => [s.id, s])).values()) {
      const d = bySkill.get(s.id) ?? { id: s.id, label: s.label, group: s.group, n: 0, share: 0 };
      d.n += 1;
      bySkill.set(s.id, d);
    }
  }
  const skills = [...bySkill.values()]
    .map((d) => ({ ...d, share: ml.length ? d.n / ml.length : 0 }))
    .sort((a, b) => b.n - a.n || compareText(a.label, b.label) || compareText(a.id, b.id));
  return { n: ml.length, skills };
}

/** A calendar month, "YYYY-MM". */
export type Period = string;

/** Every month from the first to the last dated ML posting (gaps included), and how many postings each has. */
export function periods(rows: PostingRow[]): { period: Period; n: number }[] {
  const months = rows.map(datingOf).filter((d): d is string => d !== null).map((d) => d.slice(0, 7)).sort();
  const first = months[0], last = months.at(-1);
  if (!first || !last) return [];
  const counts = new Map<string, number>();
  for (const m of months) counts.set(m, (counts.get(m) ?? 0) + 1);
  const out: { period: Period; n: number }[] = [];
  let [y, m] = first.split('-').map(Number) as [number, number];
  for (;;) {
    const key = `${y}-${String(m).padStart(2, '0')}`;
    out.push({ period: key, n: counts.get(key) ?? 0 });
    if (key >= last) break;
    m += 1;
    if (m > 12) { m = 1; y += 1; }
  }
  return out;
}

/** One skill's share of ML postings per month. `share` is null for months with too few postings to say. */
export interface SkillTrend {
  id: string;
  label: string;
  points: { period: Period; n: number; total: number; share: number | null }[];
}

/** Skill shares over time, and whether there is enough data to draw a trend at all. */
export interface TrendAggregate {
  /** True when at least THRESHOLDS.trendMinPeriods months have THRESHOLDS.trendMinPerPeriod dated ML postings each. */
  enough: boolean;
  /** Why not, in words, when `enough` is false. */
  reason: string | null;
  periods: { period: Period; n: number; enough: boolean }[];
  /** Undated ML postings (left out of trends). */
  undated: number;
  skills: SkillTrend[];
}

/**
 * Monthly share of ML postings naming each of `skillIds` (default: the `top` most named skills).
 * Months below THRESHOLDS.trendMinPerPeriod get a null share (drawn as a gap); with fewer than
 * THRESHOLDS.trendMinPeriods usable months there is no trend (`enough` false, with the reason).
 */
export function skillTrends(dataset: Dataset, options: { skillIds?: string[]; top?: number } = {}): TrendAggregate {
  const ml = mlRows(dataset);
  const dated = ml.filter((r) => datingOf(r) !== null);
  const ps = periods(dated).map((p) => ({ ...p, enough: p.n >= THRESHOLDS.trendMinPerPeriod }));
  const usable = ps.filter((p) => p.enough).length;
  const enough = usable >= THRESHOLDS.trendMinPeriods;
  const reason = enough
    ? null
    : `${usable} month${usable === 1 ? '' : 's'} with at least ${THRESHOLDS.trendMinPerPeriod} dated ML postings; a trend needs ${THRESHOLDS.trendMinPeriods}`;
  const demand = skillDemand(dataset).skills;
  const ids = options.skillIds ?? demand.slice(0, options.top ?? 6).map((s) => s.id);
  const labels = new Map(demand.map((s) => [s.id, s.label]));
  const byMonth = group(dated, (r) => datingOf(r)!.slice(0, 7));
  const skills = ids.map((id) => ({
    id,
    label: labels.get(id) ?? id,
    points: ps.map((p) => {
      const rows = byMonth.get(p.period) ?? [];
      const n = rows.filter((r) => r.skills.some((s) => s.id === id)).length;
      return { period: p.period, n, total: p.n, share: p.enough ? n / p.n : null };
    }),
  }));
  return { enough, reason, periods: ps, undated: ml.length - dated.length, skills };
}

// ---------------------------------------------------------------------------------------------------------------
// Coverage, exclusions, companies

/** For each field, how many postings (all, and ML) extraction found it in. */
export interface FieldCoverage {
  field: string;
  /** What the field is, in words. */
  label: string;
  all: number;
  ml: number;
}

const FIELDS: { field: string; label: string; has: (r: PostingRow) => boolean }[] = [
  { field: 'title', label: 'Title', has: (r) => r.title !== null },
  { field: 'company', label: 'Company', has: (r) => r.company !== null },
  { field: 'level', label: 'Level', has: (r) => r.level !== null },
  { field: 'roleFamily', label: 'Role family', has: (r) => r.roleFamily !== null },
  { field: 'pay', label: 'Pay', has: (r) => r.pay !== null },
  { field: 'pay.extras', label: 'Pay extras (bonus, equity …)', has: (r) => (r.pay?.extras.length ?? 0) > 0 },
  { field: 'remote', label: 'Remote policy', has: (r) => r.remote !== null },
  { field: 'remote.officeDaysPerYear', label: 'Office cadence', has: (r) => !!r.remote?.officeDaysPerYear },
  { field: 'remote.region', label: 'Remote region', has: (r) => !!r.remote?.region },
  { field: 'locations', label: 'Locations', has: (r) => r.locations.length > 0 },
  { field: 'posted', label: 'Posted date', has: (r) => r.posted !== null },
  { field: 'captured', label: 'Captured date', has: (r) => r.captured !== null },
  { field: 'skills', label: 'At least one skill', has: (r) => r.skills.length > 0 },
];

/** How many postings have each field, over all postings and over ML postings (one pass over the postings). */
export function fieldCoverage(dataset: Dataset): FieldCoverage[] {
  const all = FIELDS.map(() => 0), ml = FIELDS.map(() => 0);
  for (const r of dataset.postings) {
    const isMl = r.excluded === null;
    FIELDS.forEach(({ has }, i) => {
      if (!has(r)) return;
      all[i]!++;
      if (isMl) ml[i]!++;
    });
  }
  return FIELDS.map(({ field, label }, i) => ({ field, label, all: all[i]!, ml: ml[i]! }));
}

/** A posting whose text mentions pay that extraction could not read. */
export interface UnparsedPay {
  id: string;
  title: string | null;
  company: string | null;
  mention: string;
}

/** Postings with no pay whose text still talks about pay (for /coverage/). */
export function unparsedPay(dataset: Dataset): UnparsedPay[] {
  return dataset.postings
    .filter((r) => r.pay === null && r.payMention)
    .map((r) => ({ id: r.id, title: r.title, company: r.company, mention: r.payMention! }));
}

/** Excluded postings grouped by why (role family, or "role not told"), most common first. */
export function exclusions(dataset: Dataset): { reason: string; n: number }[] {
  const out = dataset.postings.filter((r) => r.excluded !== null);
  // Excluded rows are exactly the rows that are not ML roles (build.ts), so each has a group.
  return rollups(out, (v) => v.length, (r) => exclusionGroup(r)!)
    .map(([reason, n]) => ({ reason, n }))
    .sort((a, b) => b.n - a.n || compareText(a.reason, b.reason));
}

/** One company: its slug (URL), name and counts. */
export interface CompanySummary {
  slug: string;
  name: string;
  postings: number;
  ml: number;
  withPay: number;
}

/** Every company in the dataset, most postings first (ties by name). */
export function companies(dataset: Dataset): CompanySummary[] {
  return rollups(dataset.postings, (rows) => rows, companySlug)
    .map(([slug, rows]) => ({
      slug,
      name: rows.find((r) => r.company)?.company ?? slug,
      postings: rows.length,
      ml: rows.filter((r) => r.excluded === null).length,
      withPay: rows.filter((r) => r.pay !== null).length,
    }))
    .sort((a, b) => b.postings - a.postings || compareText(a.name, b.name));
}

// ---------------------------------------------------------------------------------------------------------------

/** public/data/aggregates.json: every number the overview and chart pages show. */
export interface Aggregates {
  asOf: string | null;
  thresholds: typeof THRESHOLDS;
  counts: Dataset['counts'] & { withPay: number; payUnparsed: number };
  exclusions: { reason: string; n: number }[];
  pay: PayAggregate;
  remote: RemoteAggregate;
  skills: { n: number; skills: SkillDemand[] };
  trends: TrendAggregate;
  coverage: FieldCoverage[];
  companies: CompanySummary[];
}

/** Every aggregate the site shows, from the dataset (written to public/data/aggregates.json by the data step). */
export function buildAggregates(dataset: Dataset): Aggregates {
  return {
    asOf: dataset.asOf,
    thresholds: THRESHOLDS,
    counts: {
      ...dataset.counts,
      withPay: mlRows(dataset).filter((r) => r.pay !== null).length,
      payUnparsed: unparsedPay(dataset).length,
    },
    exclusions: exclusions(dataset),
    pay: payBands(dataset),
    remote: remoteMix(dataset),
    skills: skillDemand(dataset),
    trends: skillTrends(dataset),
    coverage: fieldCoverage(dataset),
    companies: companies(dataset),
  };
}
