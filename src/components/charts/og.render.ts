/**
 * Link-preview images (Open Graph, 1200 × 630) of the overview and chart pages: a title, a one-line note with n,
 * and the page's chart drawn from the same layouts as the page. Pure: returns SVG markup; the og/ endpoint
 * turns it into PNG with resvg.
 */
import { scaleLinear } from 'd3';
import { COMPARE_THRESHOLDS, type FamilySummary, type PayDistribution } from '../../lib/dataset/compare.ts';
import { percent, usdShort } from '../../lib/site/format.ts';
import { layoutShareTrend, type ShareTrendInput } from './share-trend.prepare.ts';
import { esc, renderShareTrend } from './share-trend.render.ts';

export const OG_WIDTH = 1200;
export const OG_HEIGHT = 630;

/** Colours fixed for the image (no page CSS reaches it). */
const INK = '#1b2330', MUTED = '#5d6776', FAINT = '#e6e9ee', PAY = '#2f6690', REMOTE = '#2a9d8f';

function frame(title: string, note: string, body: string): string {
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${OG_WIDTH}" height="${OG_HEIGHT}" viewBox="0 0 ${OG_WIDTH} ${OG_HEIGHT}" font-family="DejaVu Sans, Liberation Sans, Arial, sans-serif">`
    + `<rect width="100%" height="100%" fill="#fdfcfa"/><rect width="100%" height="10" fill="${INK}"/>`
    + `<text x="60" y="84" font-size="44" font-weight="700" fill="${INK}" font-family="DejaVu Serif, Georgia, serif">${esc(title)}</text>`
    + `<text x="60" y="124" font-size="24" fill="${MUTED}">${esc(note)}</text>`
    + body
    + `<text x="60" y="${OG_HEIGHT - 30}" font-size="22" font-weight="700" fill="${INK}">ML Roles <tspan fill="#b5452f">Atlas</tspan></text></svg>`;
}

/** Rows of labelled bars (share or pay band) under a title. */
function bars(rows: { label: string; x1: number; x2: number; value: string; colour: string }[], top: number): string {
  const step = Math.min(64, (OG_HEIGHT - top - 90) / Math.max(1, rows.length));
  return rows.map((r, i) => {
    const y = top + i * step;
    return `<text x="60" y="${y + 26}" font-size="24" fill="${INK}">${esc(r.label)}</text>`
      + `<rect x="380" y="${y + 10}" width="580" height="4" fill="${FAINT}"/>`
      + `<rect x="${380 + r.x1}" y="${y + 2}" width="${Math.max(4, r.x2 - r.x1)}" height="20" rx="3" fill="${r.colour}"/>`
      + `<text x="980" y="${y + 26}" font-size="22" fill="${MUTED}">${esc(r.value)}</text>`;
  }).join('');
}

/** The overview's image: each family's remote share (families with postings). */
export function ogFamilies(families: FamilySummary[], ml: number): string {
  const shown = families.filter((f) => f.n >= COMPARE_THRESHOLDS.shareMinN);
  const x = scaleLinear().domain([0, 1]).range([0, 580]);
  return frame('ML roles compared', `${ml} ML postings · share that can be done fully remotely (families with ${COMPARE_THRESHOLDS.shareMinN}+)`,
    bars(shown.map((f) => ({ label: `${f.label} (${f.n})`, x1: 0, x2: x(f.remote.share), value: percent(f.remote.share), colour: REMOTE })), 170));
}

/** The pay page's image: median low end to median high end per group that has them. */
export function ogPay(groups: PayDistribution[], n: number): string {
  const shown = groups.filter((g) => g.low !== null).slice(0, 6);
  const lo = Math.min(...shown.map((g) => g.low!.median)), hi = Math.max(...shown.map((g) => g.high?.median ?? g.low!.median));
  const x = scaleLinear().domain([lo, hi === lo ? lo + 1 : hi]).nice().range([0, 580]);
  return frame('Stated pay by role family', `${n} ML postings stating pay · median low end to median high end, annual USD`,
    shown.length === 0 ? `<text x="60" y="240" font-size="26" fill="${MUTED}">Not enough postings stating pay yet.</text>`
      : bars(shown.map((g) => ({ label: `${g.label} (${g.n})`, x1: x(g.low!.median), x2: x(g.high?.median ?? g.low!.median), value: `${usdShort(g.low!.median)}–${usdShort(g.high?.median ?? g.low!.median)}`, colour: PAY })), 170));
}

/** A trend page's image: the share-trend chart, scaled into the frame. */
export function ogTrend(title: string, note: string, input: ShareTrendInput): string {
  const L = layoutShareTrend(input, { width: 1080, height: 370 });
  if (!L) return frame(title, note, `<text x="60" y="240" font-size="26" fill="${MUTED}">Not enough dated postings for a trend yet.</text>`);
  // The page's CSS does not reach the image: colour the marks inline.
  const svg = renderShareTrend(L, { label: title, cls: 'og' })
    .replace('width="100%"', 'x="60" y="150" width="1080" height="370" font-size="14"')
    .replace(/class="band"/g, 'class="band" fill-opacity="0.12"')
    .replace(/class="grid"/g, `stroke="${FAINT}"`)
    .replace(/class="baseline"/g, `stroke="${MUTED}"`)
    .replace(/<text /g, `<text fill="${MUTED}" `)
    .replace(/class="point( partial-point)?"/g, 'fill="currentColor"')
    .replace(/<rect x="([\d.]+)" y="(\d+)"/, '<rect fill="#f4f2ee" x="$1" y="$2"');
  const legend = L.lines.map((l, i) => `<rect x="${60 + i * 180}" y="534" width="16" height="16" fill="${l.colour}"/><text x="${84 + i * 180}" y="549" font-size="18" fill="${INK}">${esc(l.label.slice(0, 14))}</text>`).join('');
  return frame(title, note, svg + (L.lines.length > 1 ? legend : ''));
}
