import { close, mkdirSync, open, writev } from 'node:fs';
import { join } from 'node:path';
import Papa from 'papaparse';
import { buildAggregates } from './aggregates.ts';
import { CSV_OPTIONS, POSTING_SKILLS_FIELDS, postingSkillsCsv, postingSkillsRecords, postingsCsv, postingsCsvRecord } from './build.ts';
import type { RowTexts, WrittenRow } from './row-memo.ts';
import { chartCsvs } from './chart-csv.ts';
import { buildAtlas, filterCube, skillMonths } from './compare.ts';
import type { Dataset, PostingRow } from './types.ts';
import { buildSourceSummary, type Batch } from './sources.ts';

/** Stable JSON: two-space indent and a final newline, so the same input gives byte-identical files. */
export const stableJson = (value: unknown) => JSON.stringify(value, null, 2) + '\n';

/**
 * How many postings' pages show their full text: the newest this many. The rest show every field with the exact words
 * it was read from and link the original; the site stays under GitHub Pages' 1 GB at 100,000 postings (/about/ says so).
 */
export const TEXT_PAGES_MAX = 20_000;

/** The file of posting texts the site's posting pages read (kept out of the published data). */
export const TEXTS_FILE = 'posting-texts.jsonl';

/**
 * A row as postings.json publishes it: no text (see PostingRow.text), then whether its page shows the text, last: that
 * depends on the row's place, and writeDatasets writes it there (this one is cut off at {@link SHOWN}).
 */
function published(row: PostingRow): PostingRow {
  const { text: _text, removed: _removed, ...rest } = row;
  return { ...rest, textShown: true };
}

/** Rows laid out per papaparse call (a whole collection's file could pass V8's longest string). */
const ROWS_PER_WRITE = 1000;

/** What ends a row in postings.json after its last field but one: `textShown`, which depends on the row's place. */
const SHOWN = ',"textShown":';
/**
 * Before each row in postings.json, which holds a posting a line, compact (grep, diff and line-by-line readers work on
 * it, and it is a third smaller than indented: 17 against 26 MB for 10,000 postings, and faster to write).
 */
const ROW_INDENT = '    ';

/**
 * The records of a CSV text as papaparse writes it, without their line breaks: a line break inside quotes is part of
 * a field (quotes inside a field are doubled, so they come in pairs).
 */
export function csvRecords(csv: string): string[] {
  const out: string[] = [];
  // From line break to line break, skipping a quoted stretch whole when a quote comes first (from one quote to the
  // next: a doubled quote closes and reopens it); a quote never closed runs to the end.
  let from = 0, at = 0, quote = csv.indexOf('"');
  for (let nl = csv.indexOf('\n'); nl !== -1; nl = csv.indexOf('\n', at)) {
    if (quote !== -1 && quote < nl) {
      const close = csv.indexOf('"', quote + 1);
      if (close === -1) break;
      at = close + 1;
      quote = csv.indexOf('"', at);
      continue;
    }
    out.push(csv.slice(from, nl));
    from = at = nl + 1;
  }
  out.push(csv.slice(from));
  return out;
}

const EMPTY = Buffer.alloc(0);

/**
 * Every row's bytes in each dataset file: from `memo` where an earlier run laid it out, else laid out now (its JSON by
 * itself; its CSV records a thousand rows at a time, by the same papaparse calls as the whole files would be, so the
 * bytes are the same, then cut into rows).
 */
function layOut(postings: PostingRow[], memo: RowTexts | undefined): WrittenRow[] {
  const rows = postings.map((r) => memo?.get(r));
  const missing = rows.flatMap((w, i) => (w ? [] : [i]));
  for (let from = 0; from < missing.length; from += ROWS_PER_WRITE) {
    const chunk = missing.slice(from, from + ROWS_PER_WRITE).map((i) => postings[i]!);
    const csv = csvRecords(Papa.unparse(chunk.map(postingsCsvRecord), CSV_OPTIONS)).slice(1);
    const records = chunk.map(postingSkillsRecords);
    const skills = records.some((r) => r.length) ? csvRecords(Papa.unparse({ fields: POSTING_SKILLS_FIELDS, data: records.flat() }, CSV_OPTIONS)).slice(1) : [];
    let k = 0;
    chunk.forEach((r, j) => {
      const whole = JSON.stringify(published(r));
      const own = skills.slice(k, (k += records[j]!.length));
      rows[missing[from + j]!] = {
        json: Buffer.from(ROW_INDENT + whole.slice(0, whole.lastIndexOf(SHOWN))),
        text: EMPTY,
        csv: Buffer.from(csv[j]!),
        skills: Buffer.from(own.map((line) => line + '\n').join('')),
      };
    });
  }
  // Texts only for the rows whose pages show them (laid out once, then kept).
  const laidOut = new Set(missing);
  postings.forEach((r, i) => {
    if (i < TEXT_PAGES_MAX && !rows[i]!.text.length) {
      rows[i] = { ...rows[i]!, text: Buffer.from(JSON.stringify({ id: r.id, text: r.text ?? '', removed: r.removed ?? [] }) + '\n') };
      laidOut.add(i);
    }
  });
  if (memo) for (const i of laidOut) memo.set(postings[i]!, rows[i]!);
  return rows as WrittenRow[];
}

/**
 * Write a file from parts in one gathering write on libuv's thread pool, so that the calling thread goes on (with the
 * aggregates) while the bytes are written; no part is copied into another first (a whole collection's file could pass
 * V8's longest string).
 */
function writePartsLater(path: string, parts: Iterable<Buffer | string>): Promise<void> {
  const buffers: Buffer[] = [];
  for (const part of parts) {
    const b = typeof part === 'string' ? Buffer.from(part) : part;
    if (b.length) buffers.push(b);
  }
  const written = new Promise<void>((resolve, reject) => {
    open(path, 'w', (openError, fd) => {
      if (openError) return reject(openError);
      // libuv writes every buffer, however many writes that takes.
      const done = (writeError: Error | null) => close(fd, (closeError) => (writeError ?? closeError ? reject(writeError ?? closeError) : resolve()));
      if (buffers.length) writev(fd, buffers, (writeError) => done(writeError));
      else done(null);
    });
  });
  // Awaited with the others once the aggregates are written; a failure is never left unhandled meanwhile.
  written.catch(() => {});
  return written;
}

/**
 * Write every dataset file to `outDir` (chart CSVs under charts/, the filters' count tables under filters/); returns
 * the names written. postings.json carries every field but the text; the texts of the postings whose pages show them
 * go to `textDir` (outside the published data) as JSON Lines.
 * @param dataset the built dataset
 * @param outDir where to write
 * @param batches the imported batches content/sources.yml records (for sources.json)
 * @param textDir where the posting texts go; left unwritten when undefined
 * @param memo rows laid out by an earlier run (the data step keeps them in its cache); the bytes are the same without
 */
export async function writeDatasets(dataset: Dataset, outDir: string, batches: Batch[] = [], textDir?: string, memo?: RowTexts): Promise<string[]> {
  mkdirSync(join(outDir, 'charts'), { recursive: true });
  mkdirSync(join(outDir, 'filters'), { recursive: true });
  const { postings, ...head } = dataset;
  const rows = layOut(postings, memo);
  const writes: Promise<void>[] = [];
  // `{ …head…, "postings": []\n}`: up to the array's opening bracket, the rows (compact, one a line), then the closing.
  const top = stableJson({ ...head, postings: [] });
  const bracket = top.lastIndexOf('[]');
  const [nl, commaNl, shown, hidden] = ['\n', ',\n', `${SHOWN}true}`, `${SHOWN}false}`].map((t) => Buffer.from(t));
  writes.push(writePartsLater(join(outDir, 'postings.json'), (function* () {
    yield top.slice(0, bracket + 1);
    for (let i = 0; i < rows.length; i++) {
      yield i ? commaNl! : nl!;
      yield rows[i]!.json;
      yield i < TEXT_PAGES_MAX ? shown! : hidden!;
    }
    yield `${rows.length ? '\n  ' : ''}${top.slice(bracket + 1)}`;
  })()));
  if (textDir) {
    mkdirSync(textDir, { recursive: true });
    writes.push(writePartsLater(join(textDir, TEXTS_FILE), rows.slice(0, TEXT_PAGES_MAX).map((w) => w.text)));
  }
  // With no rows (or no skills) papaparse writes a bare header; the files are laid out whole then, as before.
  const skillLines = rows.some((w) => w.skills.length);
  writes.push(writePartsLater(join(outDir, 'postings.csv'), rows.length ? [csvHeader(postings[0]!), ...rows.flatMap((w) => [nl!, w.csv]), nl!] : [postingsCsv(dataset)]));
  writes.push(writePartsLater(join(outDir, 'posting_skills.csv'), skillLines ? [skillsCsvHeader(), nl!, ...rows.map((w) => w.skills)] : [postingSkillsCsv(dataset)]));
  // While those are written: the aggregates and the small files.
  const aggregates = buildAggregates(dataset);
  const atlas = buildAtlas(dataset);
  const files: Record<string, string> = {
    'aggregates.json': stableJson({ ...aggregates, ...atlas }),
    'sources.json': stableJson(buildSourceSummary(dataset, batches)),
    // Read by the browser when a filter needs them: compact (no indent), counts only.
    'filters/cube.json': JSON.stringify(filterCube(dataset)) + '\n',
    'filters/skill-months.json': JSON.stringify(skillMonths(dataset)) + '\n',
    ...Object.fromEntries(Object.entries(chartCsvs(aggregates, atlas)).map(([name, body]) => [`charts/${name}`, body])),
  };
  for (const [name, body] of Object.entries(files)) writes.push(writePartsLater(join(outDir, name), [body]));
  await Promise.all(writes);
  return ['postings.json', 'postings.csv', 'posting_skills.csv', ...Object.keys(files)];
}

/** postings.csv's header line, as papaparse writes it from a record's fields. */
const csvHeader = (row: PostingRow) => csvRecords(Papa.unparse([postingsCsvRecord(row)], CSV_OPTIONS))[0]!;
/** posting_skills.csv's header line, as papaparse writes it from the columns. */
const skillsCsvHeader = () => csvRecords(Papa.unparse({ fields: POSTING_SKILLS_FIELDS, data: [] }, CSV_OPTIONS))[0]!;
