/**
 * The search index's records: one per posting, made from its fields (title, company, date, level, role, pay, work
 * arrangement, locations, skills), never its text. Pure; scripts/search.ts feeds them to Pagefind.
 *
 * Why records and not `pagefind --site dist`: Pagefind's crawler keeps every page it reads (list pages, charts, each
 * posting's rule lines and report links) until it writes the index, and at 100,000 postings it peaked at 11.6 GB.
 * A record per posting holds only what a reader searches for, and the index is built in a fraction of that.
 */
import type { PostingRow } from '../dataset/types.ts';
import { dateLabel, levelLabel, payText, policyLabel, roleLabel } from './format.ts';
import { postingHref } from './urls.ts';

/** What Pagefind's `addCustomRecord` takes. */
export interface SearchRecord {
  url: string;
  content: string;
  language: 'en';
  meta: { title: string };
}

/**
 * A posting's search record: its page's address and its fields in words, as the page shows them.
 * @param row the posting
 * @param base the site's base path ("/" or "/repo/")
 */
export function searchRecord(row: PostingRow, base: string): SearchRecord {
  const title = row.title ?? row.id;
  const parts = [
    `${title} at ${row.company ?? row.id.split('/')[0]}.`,
    row.posted ?? row.captured ? `Posted ${dateLabel(row.posted ?? row.captured)}.` : '',
    `${levelLabel(row.level)}; ${roleLabel(row.roleFamily)}${row.isMlRole ? ' (an ML role)' : ' (not an ML role)'}.`,
    `Pay: ${payText(row.pay)}.`,
    `Work arrangement: ${row.remote ? policyLabel(row.remote.policy) : 'not stated'}${row.remote?.region ? `, ${row.remote.region}` : ''}.`,
    row.locations.length ? `Locations: ${row.locations.join('; ')}.` : '',
    row.skills.length ? `Skills: ${row.skills.map((s) => s.label).join(', ')}.` : '',
  ];
  return { url: postingHref(row.id, base), content: parts.filter(Boolean).join(' '), language: 'en', meta: { title } };
}
