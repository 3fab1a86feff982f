/** Each chart on a skill's page as CSV, beside it: /skills/<id>/trend.csv, together.csv, pay.csv. */
import type { APIRoute, GetStaticPaths } from 'astro';
import { drawsEachRange, type SkillDetail } from '../../../lib/dataset/detail.ts';
import { payBandsCsv, payCsv, sharesCsv, trendCsv } from '../../../lib/dataset/chart-csv.ts';
import { loadSkillDetails } from '../../../lib/site/data.ts';

const CHARTS: Record<string, (d: SkillDetail) => string> = {
  trend: (d) => trendCsv(d.shareTrend),
  together: (d) => sharesCsv(d.together.map((s) => ({ key: s.id, label: s.label, n: s.n, share: s.share })), 'skill'),
  // The numbers the page draws: every range, or quartiles by level past the one-by-one limit.
  pay: (d) => (drawsEachRange(d.pay) ? payBandsCsv(d.pay) : payCsv(d.payGroups)),
};

export const getStaticPaths = (() => loadSkillDetails().flatMap((detail) => Object.keys(CHARTS).map((chart) => ({ params: { id: detail.skill.id, chart }, props: { detail } })))) satisfies GetStaticPaths;

export const GET: APIRoute = ({ params, props }) =>
  new Response(CHARTS[params.chart!]!((props as { detail: SkillDetail }).detail), { headers: { 'content-type': 'text/csv; charset=utf-8' } });
