/**
 * SVG markup of a laid-out share-over-time chart: the same string at build time (inside the Astro component) and
 * in the browser (when a filter redraws the chart). Every text is escaped.
 */
import { labelWidth, type ShareTrendLayout } from './share-trend.prepare.ts';

/** Escape text for SVG/HTML content and attributes. */
export const esc = (s: string): string => s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);
const n = (v: number) => String(Math.round(v * 100) / 100);

/**
 * The chart's `<svg>`.
 * @param L the layout
 * @param o the accessible name and the class ("wide" / "narrow")
 */
export function renderShareTrend(L: ShareTrendLayout, o: { label: string; cls: string }): string {
  const { plot } = L;
  const parts: string[] = [];
  parts.push(`<svg class="chart-svg ${esc(o.cls)}" viewBox="0 0 ${L.width} ${L.height}" width="100%" role="img" aria-label="${esc(o.label)}" preserveAspectRatio="xMinYMin meet"><title>${esc(o.label)}</title>`);
  if (L.partial) {
    const w = L.partial.x1 - L.partial.x0;
    // Named where the shaded month is wide enough for the word.
    const label = w >= labelWidth('partial') + 6 ? `<text x="${n(L.partial.x0 + 3)}" y="${plot.top + 11}" class="partial-label">partial</text>` : '';
    parts.push(`<g class="partial" aria-hidden="true"><rect x="${n(L.partial.x0)}" y="${plot.top}" width="${n(Math.max(1, w))}" height="${n(plot.bottom - plot.top)}" />${label}</g>`);
  }
  parts.push('<g class="axis" aria-hidden="true">');
  for (const t of L.yTicks) parts.push(`<line x1="${plot.left}" x2="${plot.right}" y1="${n(t.y)}" y2="${n(t.y)}" class="grid"/><text x="${plot.left - 6}" y="${n(t.y + 4)}" text-anchor="end">${esc(t.label)}</text>`);
  for (const t of L.xTicks) parts.push(`<line x1="${n(t.x)}" x2="${n(t.x)}" y1="${plot.bottom}" y2="${plot.bottom + (t.major ? 6 : 4)}" class="tick${t.major ? ' major' : ''}"/><text x="${n(t.x)}" y="${plot.bottom + 18}" text-anchor="${t.anchor}">${esc(t.label)}</text>`);
  parts.push(`<line x1="${plot.left}" x2="${plot.right}" y1="${plot.bottom}" y2="${plot.bottom}" class="baseline"/></g>`);
  for (const l of L.lines) {
    parts.push(`<g class="series" data-key="${esc(l.key)}" style="color:${esc(l.colour)}">`);
    if (l.band) parts.push(`<path class="band" d="${l.band}" fill="currentColor"/>`);
    for (const d of l.dots) parts.push(`<circle class="dot" cx="${n(d.x)}" cy="${n(d.y)}" r="1.8" fill="currentColor"/>`);
    if (l.d) parts.push(`<path class="line" d="${l.d}" fill="none" stroke="currentColor" stroke-width="2.2"/>`);
    for (const p of l.points) parts.push(`<circle class="point${p.partial ? ' partial-point' : ''}" cx="${n(p.x)}" cy="${n(p.y)}" r="2.6"><title>${esc(p.title)}</title></circle>`);
    parts.push('</g>');
  }
  parts.push('</svg>');
  return parts.join('');
}
