/**
 * Turn rows of a real-postings corpus (../shared/corpus/*.jsonl) into posting files (content contract: YAML front
 * matter + the text as pasted), for trying the site and benchmarks on a larger collection. Pure: returns the files;
 * scripts/corpus-sample.ts writes them, always outside the repository.
 */
import { stringify } from 'yaml';
import { clean } from '../extract/clean.ts';
import { extractCompanyName, extractTitle } from '../extract/title.ts';
import { shortSlug, slugify } from '../posting/names.ts';

/** The corpus fields this needs (see ../shared/corpus/README.md). */
export interface CorpusPosting {
  id: string;
  text: string;
  title?: string;
  company?: string;
  posted?: string;
}

/** One posting file to write: its path under the content folder and its full content. */
export interface SampleFile {
  path: string;
  content: string;
}

/** Evenly spaced rows (keeps the corpus's spread over dates), `limit` of them; all rows when no limit. */
export function spread<T>(rows: T[], limit?: number): T[] {
  if (!limit || limit >= rows.length) return rows;
  const step = rows.length / limit;
  return Array.from({ length: limit }, (_, i) => rows[Math.floor(i * step)]!);
}

/**
 * Posting files for corpus rows (rows repeating an earlier row's text are skipped): title and company from the row when it has them, else read from the text with
 * the extractor's own rules (HN "Company | Role | Place" headers), else placeholders that say so.
 * Folder = the company's slug (the check's own rule, after alias folding by `canonical`), file = title slug (made unique within the folder with the row id). Deterministic.
 */
export function sampleFiles(
  rows: CorpusPosting[],
  options: { limit?: number; canonical?: (company: string) => string } = {},
): SampleFile[] {
  const canonical = options.canonical ?? ((c: string) => c);
  const used = new Set<string>();
  // The same text posted twice is a duplicate the data step refuses: keep the first.
  const seen = new Set<string>();
  const unique = rows.filter((r) => {
    const key = r.text.replace(/\s+/g, ' ').trim();
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
  return spread(unique, options.limit).map((r) => {
    const cleaned = clean(r.text).text;
    const company = r.company?.trim() || extractCompanyName(cleaned)?.value || `Unknown (${r.id})`;
    const title = r.title?.trim() || extractTitle(cleaned)?.value || `Untitled posting (${r.id})`;
    const folder = slugify(canonical(company)) || slugify(r.id);
    let slug = shortSlug(title, 60) || slugify(r.id);
    if (used.has(`${folder}/${slug}`)) slug = `${slug}-${slugify(r.id)}`;
    used.add(`${folder}/${slug}`);
    const fm: Record<string, string> = { title, company };
    if (r.posted && /^\d{4}-\d{2}-\d{2}$/.test(r.posted)) fm.posted = r.posted;
    return { path: `${folder}/${slug}.md`, content: `---\n${stringify(fm).trimEnd()}\n---\n${r.text}\n` };
  });
}
