/**
 * Each chart's numbers as a CSV file (public/data/charts/<name>.csv), linked beside the chart. Pure: returns
 * file names and contents; formula-looking cells are escaped for spreadsheets.
 */
import Papa from 'papaparse';
import type { Aggregates, PayAggregate } from './aggregates.ts';
import type { Atlas, PayDistribution, ShareTrend } from './compare.ts';

const csv = (rows: Record<string, unknown>[], fields: string[]) =>
  Papa.unparse({ fields, data: rows.map((r) => fields.map((f) => r[f] ?? '')) }, { escapeFormulae: true, newline: '\n' }) + '\n';
const r4 = (x: number | null | undefined) => (x === null || x === undefined ? '' : Math.round(x * 1e4) / 1e4);

/** One row per series and month. */
export function trendCsv(t: ShareTrend): string {
  const rows = t.series.flatMap((s) => s.points.map((p, i) => ({
    series: s.key, label: s.label, month: p.month, postings: p.n, with_it: p.k,
    share: r4(p.share), share_lo95: r4(p.lo), share_hi95: r4(p.hi),
    rolling3_postings: p.rollingN, rolling3_with_it: p.rollingK, rolling3_share: r4(p.rolling), rolling3_lo95: r4(p.rollingLo), rolling3_hi95: r4(p.rollingHi),
    partial_month: t.axis.lastPartial && i === t.axis.months.length - 1,
  })));
  return csv(rows, ['series', 'label', 'month', 'postings', 'with_it', 'share', 'share_lo95', 'share_hi95', 'rolling3_postings', 'rolling3_with_it', 'rolling3_share', 'rolling3_lo95', 'rolling3_hi95', 'partial_month']);
}

/** One row per pay group. */
export function payCsv(groups: PayDistribution[]): string {
  const rows = groups.map((g) => ({
    group: g.label, family: g.family ?? 'all', level: g.sub === undefined ? g.level ?? 'not-stated' : 'all', region: g.sub ?? '', postings_with_usd_pay: g.n,
    low_q1: g.low?.q1, low_median: g.low?.median, low_q3: g.low?.q3,
    closed_ranges: g.nHigh, high_q1: g.high?.q1, high_median: g.high?.median, high_q3: g.high?.q3,
    from_text: g.sources.text, from_board: g.sources.board, from_front_matter: g.sources['front-matter'],
    currencies: g.currencies.map((c) => `${c.currency} ${c.n}`).join('; '),
  }));
  return csv(rows, ['group', 'family', 'level', 'region', 'postings_with_usd_pay', 'low_q1', 'low_median', 'low_q3', 'closed_ranges', 'high_q1', 'high_median', 'high_q3', 'from_text', 'from_board', 'from_front_matter', 'currencies']);
}

/** One row per pay range drawn (a drill-down chart: a company, a skill). */
export function payBandsCsv(pay: PayAggregate): string {
  const rows = pay.groups.flatMap((g) => g.bands.map((b) => ({
    posting: b.id, title: b.title, company: b.company, level: b.level ?? 'not-stated', annual_min_usd: b.minUsd, annual_max_usd: b.maxUsd,
    currency: b.currency, period: b.period, annual_min: b.annualMin, annual_max: b.annualMax, source: b.source ?? '', evidence: b.evidence,
  })));
  return csv(rows, ['posting', 'title', 'company', 'level', 'annual_min_usd', 'annual_max_usd', 'currency', 'period', 'annual_min', 'annual_max', 'source', 'evidence']);
}

/** One row per bar of a share chart (skills, arrangements). */
export function sharesCsv(rows: { key: string; label: string; n: number; share: number }[], keyName = 'key'): string {
  return csv(rows.map((r) => ({ [keyName]: r.key, label: r.label, postings: r.n, share: r4(r.share) })), [keyName, 'label', 'postings', 'share']);
}

/** Every chart CSV: file name (under data/charts/) → content. */
export function chartCsvs(agg: Aggregates, atlas: Atlas): Record<string, string> {
  return {
    'families.csv': csv(atlas.families.map((f) => ({
      family: f.family, label: f.label, ml_postings: f.n, with_usd_pay: f.pay.n,
      pay_low_median: f.pay.low?.median, pay_high_median: f.pay.high?.median,
      remote: f.remote.k, remote_share: r4(f.remote.share), remote_lo95: r4(f.remote.lo), remote_hi95: r4(f.remote.hi),
      states_pay: f.payStated.k, states_pay_share: r4(f.payStated.share),
      top_skills: f.skills.map((s) => `${s.label} (${s.n})`).join('; '),
    })), ['family', 'label', 'ml_postings', 'with_usd_pay', 'pay_low_median', 'pay_high_median', 'remote', 'remote_share', 'remote_lo95', 'remote_hi95', 'states_pay', 'states_pay_share', 'top_skills']),
    'pay-groups.csv': payCsv(atlas.payGroups),
    'pay-by-skill.csv': payCsv(atlas.payBySkill),
    'pay-regions.csv': payCsv(atlas.payRegions),
    'skill-trend.csv': trendCsv(atlas.skillTrend),
    'remote-trend.csv': trendCsv(atlas.remoteTrend),
    'pay-disclosure.csv': trendCsv(atlas.payDisclosure),
    'skill-changes.csv': csv([...atlas.skillChanges.rising, ...atlas.skillChanges.falling].map((c) => ({
      skill: c.id, label: c.label,
      before_from: atlas.skillChanges.before.from, before_to: atlas.skillChanges.before.to, before_postings: c.before.n, before_with_it: c.before.k, before_share: r4(c.before.share),
      after_from: atlas.skillChanges.after.from, after_to: atlas.skillChanges.after.to, after_postings: c.after.n, after_with_it: c.after.k, after_share: r4(c.after.share),
      change: r4(c.change),
    })), ['skill', 'label', 'before_from', 'before_to', 'before_postings', 'before_with_it', 'before_share', 'after_from', 'after_to', 'after_postings', 'after_with_it', 'after_share', 'change']),
    'remote-mix.csv': csv(agg.remote.mix.map((m) => ({ policy: m.policy, postings: m.n, share: r4(m.share) })), ['policy', 'postings', 'share']),
    'skills.csv': csv(agg.skills.skills.map((s) => ({ skill: s.id, label: s.label, group: s.group, postings: s.n, share: r4(s.share) })), ['skill', 'label', 'group', 'postings', 'share']),
  };
}
