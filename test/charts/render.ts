/** Render a chart component to HTML with Astro's container API, normalised for snapshots (numbers to 3 places). */
import { experimental_AstroContainer as AstroContainer } from 'astro/container';

/** Round every decimal number to 3 places and drop dev-only source attributes, so snapshots are stable. */
export function normalise(html: string): string {
  return html
    .replace(/\s*data-astro-[a-z-]+="[^"]*"/g, '')
    .replace(/-?\d+\.\d{4,}/g, (n) => String(Math.round(Number(n) * 1000) / 1000))
    .replace(/></g, '>\n<');
}

/** Render `component` with `props` to normalised HTML. */
export async function render(component: unknown, props: Record<string, unknown>): Promise<string> {
  const container = await AstroContainer.create();
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  return normalise(await container.renderToString(component as any, { props }));
}
