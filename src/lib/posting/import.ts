/**
 * The logic of `npm run import`: many postings from a CSV export or a JSON Lines file, each written as a posting file,
 * duplicates (against the content folder and within the file) skipped and reported with the reason.
 */
import Papa from 'papaparse';
import * as chrono from 'chrono-node';
import type { ExtractContext } from '../taxonomy.ts';
import { isIsoDate } from './compose.ts';
import { admitPosting, guessTitleCompany, isRefusal, loadExisting, type ExistingContent } from './intake.ts';
import { MAX_BYTES } from './checks.ts';
import { needsReview } from './summary.ts';
import { exclusionGroup } from '../dataset/build.ts';

/** The fields an import reads from each row. */
export const IMPORT_FIELDS = ['text', 'title', 'company', 'url', 'posted', 'captured'] as const;
export type ImportField = (typeof IMPORT_FIELDS)[number];

/** Header names recognised for each field when no flag names the column (compared lowercased, spaces and hyphens as `_`). */
export const DEFAULT_COLUMNS: Record<ImportField, string[]> = {
  text: ['text', 'description', 'job_description', 'jobdescription', 'description_text', 'body', 'posting', 'posting_text', 'content', 'full_text'],
  title: ['title', 'job_title', 'jobtitle', 'position', 'position_title', 'role', 'job_name'],
  company: ['company', 'company_name', 'companyname', 'employer', 'employer_name', 'organization', 'organisation', 'hiring_organization'],
  url: ['url', 'job_url', 'joburl', 'link', 'job_link', 'posting_url', 'apply_url', 'application_url', 'job_posting_url'],
  posted: ['posted', 'date_posted', 'posted_date', 'posted_at', 'posting_date', 'publication_date', 'published', 'published_at', 'listed_time', 'date'],
  captured: ['captured', 'captured_at', 'capture_date', 'scraped', 'scraped_at', 'date_scraped', 'scrape_date', 'retrieved', 'retrieved_at', 'collected_at'],
};

/** Rows read from an import file, each with where it came from. */
export interface ImportTable {
  format: 'csv' | 'jsonl';
  /** Every column or key seen. */
  columns: string[];
  rows: { where: string; data: Record<string, unknown> }[];
  /** Rows that could not be read at all (bad JSON), with why. */
  unreadable: { where: string; reason: string }[];
}

/**
 * Parse an import file: JSON Lines (one object a line) when the name ends in .jsonl/.ndjson or the first non-blank
 * character is `{`, else CSV with a header row (papaparse).
 * @param text the file's contents
 * @param name its name, for the format
 */
export function parseImportFile(text: string, name: string): ImportTable {
  const body = text.replace(/^\uFEFF/, '');
  const jsonl = /\.(jsonl|ndjson)$/i.test(name) || (!/\.csv$/i.test(name) && body.trimStart().startsWith('{'));
  if (jsonl) {
    const rows: ImportTable['rows'] = [];
    const unreadable: ImportTable['unreadable'] = [];
    const columns = new Set<string>();
    body.split(/\r?\n/).forEach((line, i) => {
      if (!line.trim()) return;
      const where = `line ${i + 1}`;
      try {
        const data: unknown = JSON.parse(line);
        if (data === null || typeof data !== 'object' || Array.isArray(data)) throw new Error('not a JSON object');
        Object.keys(data).forEach((k) => columns.add(k));
        rows.push({ where, data: data as Record<string, unknown> });
      } catch (error) {
        unreadable.push({ where, reason: `not a JSON object: ${(error as Error).message}` });
      }
    });
    return { format: 'jsonl', columns: [...columns], rows, unreadable };
  }
  // Rows are named by the file's own line numbers (a quoted cell may span lines): each row's start is where the
  // previous one ended, which papaparse's step cursor tells.
  const lineAt = lineCounter(body);
  const rows: ImportTable['rows'] = [];
  const unreadable: ImportTable['unreadable'] = [];
  let fields: string[] | null = null;
  let start = 0;
  Papa.parse<string[]>(body, {
    skipEmptyLines: 'greedy',
    step: (result) => {
      const from = body.slice(start, result.meta.cursor).search(/\S/);
      const where = `line ${lineAt(start + Math.max(from, 0))}`;
      start = result.meta.cursor;
      const errors = result.errors.filter((e) => e.code !== 'UndetectableDelimiter');
      for (const e of errors) unreadable.push({ where, reason: e.message });
      if (fields === null) {
        fields = result.data;
        return;
      }
      if (errors.length) return;
      const names = fields;
      if (result.data.length !== names.length) {
        unreadable.push({ where, reason: `${result.data.length} cells where the header has ${names.length}` });
        return;
      }
      rows.push({ where, data: Object.fromEntries(names.map((f, i) => [f, result.data[i]])) });
    },
  });
  return { format: 'csv', columns: fields ?? [], rows, unreadable };
}

/** The 1-based line of a character offset in `text`. */
function lineCounter(text: string): (offset: number) => number {
  const starts = [0];
  for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) starts.push(i + 1);
  return (offset) => {
    let lo = 0, hi = starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (starts[mid]! <= offset) lo = mid;
      else hi = mid - 1;
    }
    return lo + 1;
  };
}

const headerKey = (h: string) => h.trim().toLowerCase().replace(/[\s-]+/g, '_');

/**
 * Which column holds each field: the one named by a flag (must exist), else the first recognised header.
 * Throws with the list of columns when a flag names a missing column or no text column can be found.
 * @param columns the file's columns
 * @param flags columns named on the command line (`--text-col` …)
 */
export function mapColumns(columns: string[], flags: Partial<Record<ImportField, string>>): Record<ImportField, string | null> {
  const out = {} as Record<ImportField, string | null>;
  for (const field of IMPORT_FIELDS) {
    const wanted = flags[field];
    if (wanted !== undefined) {
      const hit = columns.find((c) => c === wanted) ?? columns.find((c) => headerKey(c) === headerKey(wanted));
      if (!hit) throw new Error(`--${field}-col ${JSON.stringify(wanted)}: no such column; the columns are ${columns.map((c) => JSON.stringify(c)).join(', ')}`);
      out[field] = hit;
      continue;
    }
    out[field] = null;
    for (const name of DEFAULT_COLUMNS[field]) {
      const hit = columns.find((c) => headerKey(c) === name);
      if (hit) { out[field] = hit; break; }
    }
  }
  if (!out.text) throw new Error(`no column holds the posting text (looked for ${DEFAULT_COLUMNS.text.join(', ')}); name it with --text-col; the columns are ${columns.map((c) => JSON.stringify(c)).join(', ')}`);
  return out;
}

/**
 * A date from an export cell as YYYY-MM-DD: an ISO date or timestamp, or a written date ("Apr 5, 2024") read by
 * chrono-node's strict parser. Relative dates ("3 days ago") are refused: they need a capture date. null when unusable.
 * @param value the cell
 */
export function toIsoDate(value: unknown): string | null {
  if (typeof value !== 'string' && typeof value !== 'number') return null;
  const s = String(value).trim();
  if (!s) return null;
  const iso = /^(\d{4}-\d{2}-\d{2})(?:$|[T\s])/.exec(s);
  if (iso) return isIsoDate(iso[1]!) ? iso[1]! : null;
  // A written date must spell out its year: "3 days ago" or "Monday" would depend on when the export was made.
  if (!/\b(19|20)\d{2}\b/.test(s)) return null;
  const parsed = chrono.strict.parse(s, new Date(Date.UTC(2000, 0, 1)));
  const c = parsed[0]?.start;
  if (!c || !c.isCertain('year') || !c.isCertain('month') || !c.isCertain('day')) return null;
  const d = `${String(c.get('year')).padStart(4, '0')}-${String(c.get('month')).padStart(2, '0')}-${String(c.get('day')).padStart(2, '0')}`;
  return isIsoDate(d) ? d : null;
}

/** The first non-blank line of a cell, trimmed ("Acme Corp\n3.8" → "Acme Corp"), or null. */
function cellLine(value: unknown): string | null {
  if (value === null || value === undefined) return null;
  const line = String(value).split(/\r?\n/).map((l) => l.trim()).find((l) => l !== '');
  return line && !/^(null|n\/a|none|-1|nan)$/i.test(line) ? line : null;
}

/** Options of an import run. */
export interface ImportOptions {
  /** Columns named on the command line. */
  columns?: Partial<Record<ImportField, string>>;
  /** Read at most this many rows. */
  limit?: number | undefined;
  /** `captured` for rows that have none. */
  captured?: string | undefined;
  /** Decide everything, write nothing. */
  dryRun?: boolean;
  /** Called after each row with (rows done, rows to do). */
  onProgress?: (done: number, total: number) => void;
}

/** Why a row was not imported: a short kind (for counts) and a sentence. */
export interface Skipped { where: string; kind: 'unreadable' | 'no-text' | 'no-title' | 'no-company' | 'duplicate' | 'invalid'; reason: string }

/** What an import did, row by row. */
export interface ImportReport {
  read: number;
  /** Postings written: where, file, what needs a human eye, and why the charts leave it out (null when charted). */
  written: { where: string; rel: string; review: string[]; notCharted: string | null }[];
  skipped: Skipped[];
  /** Rows kept although they repeat an older posting's text more than 14 days later. */
  reposts: { where: string; rel: string; reason: string }[];
  /** Cells left out of a written posting (a date that is not a date, a url that is not http). */
  notes: { where: string; note: string }[];
}

/**
 * Import rows into `contentDir`: each row becomes `<company-slug>/<slug>.md` (title and company taken from the
 * text by extraction when the row has none); rows that would fail `check` or duplicate a posting (already there or
 * earlier in the file) are skipped with the reason.
 * @param table the parsed file
 * @param ctx taxonomy and rates
 * @param contentDir the postings folder
 * @param options columns, limit, default capture date, dry run, progress callback
 */
export function importRows(table: ImportTable, ctx: ExtractContext, contentDir: string, options: ImportOptions = {}): ImportReport {
  const map = mapColumns(table.columns, options.columns ?? {});
  const existing: ExistingContent = loadExisting(contentDir, ctx);
  const rows = options.limit !== undefined ? table.rows.slice(0, options.limit) : table.rows;
  // Counts add up: every row read is written or skipped, unreadable rows included.
  const report: ImportReport = { read: rows.length + table.unreadable.length, written: [], skipped: [], reposts: [], notes: [] };
  for (const u of table.unreadable) report.skipped.push({ where: u.where, kind: 'unreadable', reason: u.reason });
  const cell = (row: Record<string, unknown>, field: ImportField) => (map[field] ? row[map[field]!] : undefined);
  rows.forEach(({ where, data }, i) => {
    options.onProgress?.(i + 1, rows.length);
    const rawText = cell(data, 'text');
    const text = typeof rawText === 'string' ? rawText : rawText == null ? '' : String(rawText);
    if (!text.trim()) return report.skipped.push({ where, kind: 'no-text', reason: `no posting text in column ${JSON.stringify(map.text)}` });
    if (Buffer.byteLength(text) > MAX_BYTES) return report.skipped.push({ where, kind: 'invalid', reason: 'the text is over 1 MB' });
    let title = cellLine(cell(data, 'title'));
    let company = cellLine(cell(data, 'company'));
    if (!title || !company) {
      const guess = guessTitleCompany(text, ctx);
      title ??= guess.title;
      company ??= guess.company;
    }
    if (!title) return report.skipped.push({ where, kind: 'no-title', reason: 'no title: the row has none and extraction found none in the text (map a column with --title-col)' });
    if (!company) return report.skipped.push({ where, kind: 'no-company', reason: 'no company: the row has none and extraction found none in the text (map a column with --company-col)' });
    const dates: { posted?: string; captured?: string } = {};
    for (const field of ['posted', 'captured'] as const) {
      const raw = cell(data, field);
      const d = toIsoDate(raw);
      if (d) dates[field] = d;
      else if (raw !== undefined && raw !== null && String(raw).trim() !== '') report.notes.push({ where, note: `${field} ${JSON.stringify(String(raw))} is not a date; left out` });
    }
    if (!dates.captured && options.captured) dates.captured = options.captured;
    let url = cellLine(cell(data, 'url')) ?? undefined;
    if (url && !/^https?:\/\/\S+$/i.test(url)) {
      report.notes.push({ where, note: `url ${JSON.stringify(url)} is not an http(s) URL; left out` });
      url = undefined;
    }
    const admitted = admitPosting({ text, title, company, url, ...dates }, ctx, contentDir, existing, { dryRun: options.dryRun });
    if (isRefusal(admitted)) return report.skipped.push({ where, kind: admitted.kind === 'not-ml' || admitted.kind === 'exists' ? 'invalid' : admitted.kind, reason: admitted.reason });
    const x = admitted.draft.extraction;
    report.written.push({
      where, rel: admitted.draft.rel, review: x ? needsReview(x) : [],
      notCharted: x ? exclusionGroup(x) : null,
    });
    if (admitted.repost) report.reposts.push({ where, rel: admitted.draft.rel, reason: admitted.repost });
  });
  return report;
}

/** Count skipped rows by kind, e.g. "12 duplicates, 3 without a title". */
export function skippedSummary(skipped: Skipped[]): string {
  const words: Record<Skipped['kind'], [string, string]> = {
    unreadable: ['unreadable', 'unreadable'], 'no-text': ['without text', 'without text'], 'no-title': ['without a title', 'without a title'],
    'no-company': ['without a company', 'without a company'], duplicate: ['duplicate', 'duplicates'], invalid: ['failing check', 'failing check'],
  };
  const counts = new Map<Skipped['kind'], number>();
  for (const s of skipped) counts.set(s.kind, (counts.get(s.kind) ?? 0) + 1);
  return [...counts].map(([k, n]) => `${n} ${words[k][n === 1 ? 0 : 1]}`).join(', ');
}
