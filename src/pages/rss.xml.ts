/** /rss.xml: the newest postings (by posting date), with what each states. */
import rss from '@astrojs/rss';
import type { APIContext } from 'astro';
import { loadDataset } from '../lib/site/data.ts';
import { levelLabel, payText, policyLabel } from '../lib/site/format.ts';
import { postingHref } from '../lib/site/urls.ts';

/** Build the feed from the dataset's 50 newest postings. */
export function GET(context: APIContext) {
  const data = loadDataset();
  return rss({
    title: 'ML Roles Atlas: newest postings',
    description: 'Machine-learning job postings, newest first, with the pay, level and work arrangement they state.',
    site: context.site ?? 'https://example.org',
    items: data.postings.slice(0, 50).map((r) => {
      const date = r.posted ?? r.captured;
      return {
        title: `${r.title ?? r.id} — ${r.company ?? 'unknown company'}`,
        link: postingHref(r.id),
        ...(date ? { pubDate: new Date(`${date.length === 7 ? `${date}-01` : date}T00:00:00Z`) } : {}),
        description: `${levelLabel(r.level)} · pay: ${payText(r.pay)} · work: ${policyLabel(r.remote?.policy)}`,
      };
    }),
    customData: '<language>en</language>',
  });
}
