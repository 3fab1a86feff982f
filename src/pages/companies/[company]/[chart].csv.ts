/** Each chart on a company's page as CSV, beside it: /companies/<slug>/pay.csv, remote.csv, skills.csv, trend.csv. */
import type { APIRoute, GetStaticPaths } from 'astro';
import { drawsEachRange, type CompanyDetail } from '../../../lib/dataset/detail.ts';
import { payBandsCsv, payCsv, sharesCsv, trendCsv } from '../../../lib/dataset/chart-csv.ts';
import { loadCompanyDetails } from '../../../lib/site/data.ts';

const CHARTS: Record<string, (d: CompanyDetail) => string> = {
  // The numbers the page draws: every range, or quartiles by level past the one-by-one limit.
  pay: (d) => (drawsEachRange(d.pay) ? payBandsCsv(d.pay) : payCsv(d.payGroups)),
  remote: (d) => sharesCsv(d.remote.mix.map((m) => ({ key: m.policy, label: m.policy, n: m.n, share: m.share })), 'policy'),
  skills: (d) => sharesCsv(d.skills.slice(0, 10).map((s) => ({ key: s.id, label: s.label, n: s.n, share: s.share })), 'skill'),
  trend: (d) => trendCsv(d.shareTrend),
};

// Only companies with ML postings draw charts, so only they have CSVs.
export const getStaticPaths = (() => loadCompanyDetails().filter((d) => d.ml > 0).flatMap((detail) => Object.keys(CHARTS).map((chart) => ({ params: { company: detail.slug, chart }, props: { detail } })))) satisfies GetStaticPaths;

export const GET: APIRoute = ({ params, props }) =>
  new Response(CHARTS[params.chart!]!((props as { detail: CompanyDetail }).detail), { headers: { 'content-type': 'text/csv; charset=utf-8' } });
