/**
 * Numbers for the per-skill and per-company pages (/skills/<id>/, /companies/<company>/). Pure.
 */
import { group, rollups } from 'd3';
import { companySlug, levelOrder, mlRows, payBands, remoteMix, skillDemand, skillTrends, type PayAggregate, type RemoteAggregate, type SkillDemand, type TrendAggregate } from './aggregates.ts';
import type { Dataset, PostingRow } from './types.ts';
import { compareText } from '../collate.ts';
import { COMPARE_THRESHOLDS, coSkills, mlAxis, payDistribution, skillShareTrend, type PayDistribution, type ShareTrend } from './compare.ts';

/** One skill: its demand among ML postings, every posting naming it (with the span that did), and its trend. */
export interface SkillDetail {
  skill: SkillDemand;
  /** All postings naming it, ML roles and excluded ones alike (newest first); `skill.n` counts the ML ones. */
  postings: { row: PostingRow; evidence: string }[];
  trend: TrendAggregate;
  /** Its share of ML postings over time (on the site's common time axis). */
  shareTrend: ShareTrend;
  /** Pay stated by the ML postings naming it (individual ranges: a drill-down). */
  pay: PayAggregate;
  /** The same pay as quartiles, all and by level: what its page draws when there are too many ranges to draw one by one. */
  payGroups: PayDistribution[];
  /** Skills the same ML postings name, most often first. */
  together: { id: string; label: string; n: number; share: number }[];
}

/** Every skill named by any posting (so every skill link has a page), with its detail; ML demand order first. */
export function skillDetails(dataset: Dataset): SkillDetail[] {
  const demand = skillDemand(dataset);
  const known = new Map(demand.skills.map((s) => [s.id, s]));
  for (const r of dataset.postings) {
    for (const s of r.skills) {
      if (!known.has(s.id)) known.set(s.id, { id: s.id, label: s.label, group: s.group, n: 0, share: 0 });
    }
  }
  const axis = mlAxis(dataset);
  return [...known.values()].map((skill) => {
    const naming = dataset.postings.filter((r) => r.skills.some((s) => s.id === skill.id));
    return {
    skill,
    shareTrend: skillShareTrend(dataset, { skillIds: [skill.id], axis }),
    pay: payBands({ ...dataset, postings: naming }),
    payGroups: payByLevel(naming, 'All levels'),
    together: coSkills(dataset, skill.id),
    postings: dataset.postings.flatMap((row) => {
      const hit = row.skills.find((s) => s.id === skill.id);
      return hit ? [{ row, evidence: hit.evidence }] : [];
    }),
    trend: skillTrends(dataset, { skillIds: [skill.id] }),
    };
  });
}

/** One company: its postings (all, newest first), and its pay bands and remote mix over its ML postings. */
export interface CompanyDetail {
  slug: string;
  name: string;
  postings: PostingRow[];
  ml: number;
  pay: PayAggregate;
  /** The same pay as quartiles, all and by level (drawn instead of every range when there are too many). */
  payGroups: PayDistribution[];
  remote: RemoteAggregate;
  /** Skills its ML postings name most. */
  skills: SkillDemand[];
  /** Its ML postings' top skills over time (on the site's common time axis). */
  shareTrend: ShareTrend;
}

/** Every company (by folder slug) with its detail, in slug order. */
export function companyDetails(dataset: Dataset): CompanyDetail[] {
  const bySlug = group(dataset.postings, companySlug);
  const axis = mlAxis(dataset);
  return [...bySlug.entries()].sort(([a], [b]) => compareText(a, b)).map(([slug, postings]) => {
    const sub: Dataset = { ...dataset, postings };
    return {
      slug,
      name: postings.find((r) => r.company)?.company ?? slug,
      postings,
      ml: mlRows(sub).length,
      pay: payBands(sub),
      payGroups: payByLevel(postings, 'All levels'),
      remote: remoteMix(sub),
      skills: skillDemand(sub).skills,
      shareTrend: skillShareTrend(sub, { top: 3, axis }),
    };
  });
}

/**
 * Whether a drill-down's pay is drawn range by range (a PayBandsChart) or, past COMPARE_THRESHOLDS.individualMax
 * ranges, as quartiles by level (a PayGroupsChart): a page draws at most that many ranges one by one.
 */
export const drawsEachRange = (pay: PayAggregate): boolean => pay.n <= COMPARE_THRESHOLDS.individualMax;

/**
 * Pay of some postings as quartiles of stated low and high ends: their ML postings together (labelled `label`), then
 * each level in seniority order ("level not stated" last), levels with no pay left out.
 */
export function payByLevel(rows: PostingRow[], label: string): PayDistribution[] {
  const ml = rows.filter((r) => r.excluded === null);
  const out = [payDistribution(ml, 'all', label, null, 'all')];
  for (const [level, lr] of rollups(ml, (v) => v, (r) => r.level).sort(([a], [b]) => levelOrder(a) - levelOrder(b))) {
    const d = payDistribution(lr, level ?? 'not-stated', level === null ? 'level not stated' : level, null, level);
    if (d.n > 0) out.push(d);
  }
  return out;
}

/** Pay of a drill-down list (a level, a work arrangement …): the ML postings among `rows`, one range each. */
export const drillDownPay = (dataset: Dataset, rows: PostingRow[]): PayAggregate => payBands({ ...dataset, postings: rows });
