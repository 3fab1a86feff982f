/**
 * The pull-request job summary: a Markdown table of what the site will read from each added or changed posting.
 * Every cell is escaped, so nothing in a posting can become a link, an image or markup in the summary.
 */
import type { Extraction } from '../extract/types.ts';
import { needsReview, showFields } from './summary.ts';

/** One posting file of the pull request and what `extract` made of it (or why it could not). */
export interface SummaryItem {
  path: string;
  result: Extraction | { source: string; error: string };
}

/** A value made safe for a Markdown table cell: one line, pipes and markup characters as entities, at most `max` characters. */
export function escapeCell(value: string, max = 120): string {
  const one = value.replace(/\s+/g, ' ').trim();
  const cut = one.length > max ? `${one.slice(0, max - 1)}…` : one;
  return cut.replace(/[&<>|`*_[\]()\\!#~:]/g, (c) => `&#${c.codePointAt(0)};`) || '—';
}

/**
 * What a reviewer of a large pull request must look at: a title, company or role that could not be told or is not an ML
 * role, pay out of range or without a rate, several ranges shown as one. (A field merely not stated is not listed.)
 */
const serious = (item: string) => /^(?:title|company|role):/.test(item) || (/^pay:/.test(item) && !/^pay: none found/.test(item));

/** Above this many postings the summary gives totals and only the rows that need a look (a refresh PR of thousands). */
export const FULL_TABLE_MAX = 60;
/** At most this many rows are listed in a totals summary. */
const LOOK_ROWS_MAX = 100;

/**
 * The Markdown summary: a heading, then one table row per posting (file, then the fields the site shows, then how
 * many things need a human eye), then the error of any file `extract` could not read. Over {@link FULL_TABLE_MAX}
 * postings it gives totals (ML roles, pay in the text or stated by the board, work arrangement, by company) and lists
 * only the postings that need a human eye, so a pull request of a thousand files still reads.
 * @param items the postings, in the order to show them
 */
export function summaryMarkdown(items: SummaryItem[]): string {
  if (items.length === 0) return '### Postings\n\nThis pull request adds or changes no posting files.\n';
  const ok = items.filter((i): i is { path: string; result: Extraction } => !('error' in i.result));
  const bad = items.filter((i) => 'error' in i.result);
  const labels = ['title', 'company', 'level', 'role', 'pay', 'remote', 'locations', 'posted', 'captured', 'skills'];
  const many = items.length > FULL_TABLE_MAX;
  const look = many ? ok.filter((i) => needsReview(i.result).some(serious)) : ok;
  const lines = [`### What the site will read from ${items.length} added or changed posting${items.length === 1 ? '' : 's'}`, ''];
  if (many) lines.push(...totals(ok), '', look.length
    ? `**${look.length} need a human eye** (a title, company or role that could not be told or is not an ML role, or pay to check)${look.length > LOOK_ROWS_MAX ? ` (the first ${LOOK_ROWS_MAX} listed; \`npm run pr-summary\` lists all)` : ''}:`
    : 'None needs a human eye.', '');
  if (look.length) lines.push(`| file | ${labels.join(' | ')} | needs a look |`, `|${' --- |'.repeat(labels.length + 2)}`);
  for (const { path, result } of look.slice(0, many ? LOOK_ROWS_MAX : undefined)) {
    const fields = new Map(showFields(result));
    const review = needsReview(result);
    lines.push(`| ${escapeCell(path)} | ${labels.map((l) => escapeCell(fields.get(l) ?? '—')).join(' | ')} | ${escapeCell(review.map((r) => r.split(':')[0]).join(', ') || 'nothing')} |`);
  }
  if (bad.length) {
    lines.push('', '**Files `extract` could not read** (see `npm run check`):', '');
    for (const { path, result } of bad) lines.push(`- ${escapeCell(path)}: ${escapeCell((result as { error: string }).error, 400)}`);
  }
  return lines.join('\n') + '\n';
}

/** Totals of a large pull request: postings, ML roles, pay (text / board), work arrangement, and the companies with most. */
function totals(ok: { path: string; result: Extraction }[]): string[] {
  const n = (f: (x: Extraction) => boolean) => ok.filter((i) => f(i.result)).length;
  const companies = new Map<string, number>();
  for (const { result } of ok) companies.set(result.company ?? '?', (companies.get(result.company ?? '?') ?? 0) + 1);
  const top = [...companies].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1)).slice(0, 15);
  return [
    '| readable | ML roles | pay in the text | pay stated by the board | remote | hybrid | onsite | arrangement not stated |',
    '| ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |',
    `| ${ok.length} | ${n((x) => x.isMlRole)} | ${n((x) => x.pay !== null)} | ${n((x) => Boolean(x.board?.pay?.length))} | ${n((x) => x.remote?.policy === 'remote')} | ${n((x) => x.remote?.policy === 'hybrid')} | ${n((x) => x.remote?.policy === 'onsite')} | ${n((x) => x.remote === null)} |`,
    '',
    `Companies with most postings: ${top.map(([c, k]) => `${escapeCell(c, 60)} (${k})`).join(', ')}${companies.size > top.length ? `, and ${companies.size - top.length} more` : ''}.`,
  ];
}
