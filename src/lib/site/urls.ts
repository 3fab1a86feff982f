/** Links that honour the base path (BASE_PATH → import.meta.env.BASE_URL), always with a trailing slash for pages. */

const envBase = (): string => {
  const env = (import.meta as { env?: { BASE_URL?: string } }).env;
  return env?.BASE_URL ?? '/';
};

/**
 * A site link: `href('pay/')` → "/pay/" (or "/repo/pay/" under a base path).
 * @param path a path relative to the site root, without a leading slash ("" for the home page)
 * @param base the base path (default: Astro's BASE_URL)
 */
export function href(path: string, base: string = envBase()): string {
  const b = base.endsWith('/') ? base : `${base}/`;
  return b + path.replace(/^\/+/, '');
}

/** The page of one posting: /postings/<company>/<slug>/. */
export const postingHref = (id: string, base?: string): string => href(`postings/${id}/`, base);

/** The page of one company: /companies/<company>/. */
export const companyHref = (slug: string, base?: string): string => href(`companies/${slug}/`, base);

/** The page of one skill: /skills/<id>/. */
export const skillHref = (id: string, base?: string): string => href(`skills/${id}/`, base);

/** A chart's numbers as CSV: /data/charts/<name>. */
export const chartCsvHref = (name: string, base?: string): string => href(`data/charts/${name}`, base);
