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
 * The Markdown summary: a heading, then one table row per posting (file, then the fields the site shows, then how
 * many things need a human eye), then the error of any file `extract` could not read.
 * @param items the postings, in the order to show them
 */
export function summaryMarkdown(items: SummaryItem[]): string {
  if (items.length === 0) return '### Postings\n\nThis pull request adds or changes no posting files.\n';
  const ok = items.filter((i): i is { path: string; result: Extraction } => !('error' in i.result));
  const bad = items.filter((i) => 'error' in i.result);
  const labels = ['title', 'company', 'level', 'role', 'pay', 'remote', 'locations', 'posted', 'captured', 'skills'];
  const lines = [
    `### What the site will read from ${items.length} added or changed posting${items.length === 1 ? '' : 's'}`,
    '',
    `| file | ${labels.join(' | ')} | needs a look |`,
    `|${' --- |'.repeat(labels.length + 2)}`,
  ];
  for (const { path, result } of ok) {
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
