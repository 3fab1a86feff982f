/** Each chart on a company's page as CSV, beside it: /companies/<slug>/pay.csv, remote.csv, skills.csv, trend.csv. */
import type { APIRoute, GetStaticPaths } from 'astro';
import type { CompanyDetail } from '../../../lib/dataset/detail.ts';
import { payBandsCsv, sharesCsv, trendCsv } from '../../../lib/dataset/chart-csv.ts';
import { loadCompanyDetails } from '../../../lib/site/data.ts';

const CHARTS: Record<string, (d: CompanyDetail) => string> = {
  pay: (d) => payBandsCsv(d.pay),
  remote: (d) => sharesCsv(d.remote.mix.map((m) => ({ key: m.policy, label: m.policy, n: m.n, share: m.share })), 'policy'),
  skills: (d) => sharesCsv(d.skills.slice(0, 10).map((s) => ({ key: s.id, label: s.label, n: s.n, share: s.share })), 'skill'),
  trend: (d) => trendCsv(d.shareTrend),
};

// Only companies with ML postings draw charts, so only they have CSVs.
export const getStaticPaths = (() => loadCompanyDetails().filter((d) => d.ml > 0).flatMap((detail) => Object.keys(CHARTS).map((chart) => ({ params: { company: detail.slug, chart }, props: { detail } })))) satisfies GetStaticPaths;

export const GET: APIRoute = ({ params, props }) =>
  new Response(CHARTS[params.chart!]!((props as { detail: CompanyDetail }).detail), { headers: { 'content-type': 'text/csv; charset=utf-8' } });
