/**
 * Link-preview images for the overview and chart pages (og/home.png, og/pay.png, og/remote.png, og/skills.png):
 * the page's chart as SVG (src/components/charts/og.render.ts), rendered to PNG at build time with resvg.
 */
import type { APIRoute, GetStaticPaths } from 'astro';
import { Resvg } from '@resvg/resvg-js';
import { loadAggregates } from '../../lib/site/data.ts';
import { ogFamilies, ogPay, ogTrend } from '../../components/charts/og.render.ts';

const IMAGES: Record<string, () => string> = {
  home: () => { const a = loadAggregates(); return ogFamilies(a.families, a.counts.ml); },
  pay: () => { const a = loadAggregates(); return ogPay(a.payGroups.filter((g) => g.level === 'all'), a.pay.n); },
  remote: () => { const a = loadAggregates(); return ogTrend('Remote share over time', 'Share of ML postings that can be done fully remotely, 3-month rolling', { axis: a.remoteTrend.axis, series: a.remoteTrend.series.slice(0, 3) }); },
  skills: () => { const a = loadAggregates(); return ogTrend('Skills over time', 'Share of ML postings naming each skill, 3-month rolling', { axis: a.skillTrend.axis, series: a.skillTrend.series.slice(0, 5) }); },
};

export const getStaticPaths = (() => Object.keys(IMAGES).map((name) => ({ params: { name } }))) satisfies GetStaticPaths;

export const GET: APIRoute = ({ params }) => {
  const svg = IMAGES[params.name!]!();
  const png = new Resvg(svg, { font: { loadSystemFonts: true, defaultFontFamily: 'DejaVu Sans' } }).render().asPng();
  return new Response(new Uint8Array(png), { headers: { 'content-type': 'image/png' } });
};
