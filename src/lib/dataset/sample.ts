/**
 * Turn rows of a real-postings corpus (../shared/corpus/*.jsonl) into posting files (content contract: YAML front
 * matter + the text as pasted), for trying the site and benchmarks on a larger collection. Pure: returns the files;
 * scripts/corpus-sample.ts writes them, always outside the repository.
 */
import { parse, stringify } from 'yaml';
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

/** `date` (YYYY-MM-DD) moved by `years` whole years (Feb 29 becomes Feb 28). */
export function shiftYears(date: string, years: number): string {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  const day = m === 2 && d === 29 ? 28 : d;
  return `${String(y + years).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

/**
 * Exactly `n` posting files for benchmarks: the sample's files (evenly spread when there are more than `n`), then, past
 * them, the same texts again round after round, each round dated a year later than the one before (undated files from
 * `baseDate`) and named with a `-rN` suffix, so a repeat is a repost of its own date, never a duplicate.
 * @param files the sample (sampleFiles)
 * @param n how many files to make
 * @param baseDate the date given to undated files in repeated rounds
 */
export function repeatFiles(files: SampleFile[], n: number, baseDate = '2020-06-15'): SampleFile[] {
  if (n <= files.length) return spread(files, n);
  // Every file is dated (undated ones from baseDate): an undated posting would be a duplicate of its repeats.
  const dated = (f: SampleFile, round: number): SampleFile => {
    const [, yaml, body] = /^---\n([\s\S]*?)\n---\n([\s\S]*)$/.exec(f.content)!;
    const fm = parse(yaml!) as Record<string, string>;
    fm.posted = shiftYears(fm.posted ?? baseDate, round);
    return { path: round ? f.path.replace(/\.md$/, `-r${round}.md`) : f.path, content: `---\n${stringify(fm).trimEnd()}\n---\n${body}` };
  };
  const out: SampleFile[] = files.map((f) => dated(f, 0));
  for (let round = 1; out.length < n; round++) {
    for (const f of files) {
      if (out.length >= n) break;
      out.push(dated(f, round));
    }
  }
  return out;
}
