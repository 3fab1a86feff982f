import { closeSync, mkdirSync, openSync, writeFileSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import { buildAggregates } from './aggregates.ts';
import { postingSkillsCsv, postingsCsv } from './build.ts';
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

/** A row as postings.json publishes it: no text (see PostingRow.text), and whether its page shows the text. */
function published(row: PostingRow, i: number): PostingRow {
  const { text: _text, removed: _removed, ...rest } = row;
  return { ...rest, textShown: i < TEXT_PAGES_MAX };
}

/** Rows laid out per JSON.stringify call in writeRowsJson (a whole collection could pass V8's longest string). */
const ROWS_PER_WRITE = 1000;

/** Writes to a file descriptor gathered into writes of about a megabyte (a write per row was most of the time). */
function batched(fd: number): { write: (s: string) => void; end: () => void } {
  let parts: string[] = [], size = 0;
  const flush = () => {
    if (parts.length) writeSync(fd, parts.join(''));
    parts = [];
    size = 0;
  };
  return {
    write(s) {
      parts.push(s);
      size += s.length;
      if (size >= 1 << 20) flush();
    },
    end: flush,
  };
}

/**
 * Write a large JSON document a row at a time: the same bytes as stableJson would give, without building one string
 * the size of the whole file (100,000 postings would pass V8's longest string).
 */
function writeRowsJson(path: string, head: Record<string, unknown>, key: string, rows: unknown[]): void {
  const fd = openSync(path, 'w');
  try {
    const top = stableJson({ ...head, [key]: [] });
    // `{ …head…, "postings": []\n}` → write up to the array's opening bracket, the rows, then the closing.
    const open = top.lastIndexOf('[]');
    const out = batched(fd);
    out.write(top.slice(0, open + 1));
    // A thousand rows at a time, laid out by JSON.stringify itself as they sit in the whole document: the text between
    // `{ "<key>": [` and `] }` of a document holding only them.
    const before = `{\n  ${JSON.stringify(key)}: [\n`, after = '\n  ]\n}';
    for (let from = 0; from < rows.length; from += ROWS_PER_WRITE) {
      const chunk = stableJson({ [key]: rows.slice(from, from + ROWS_PER_WRITE) }).slice(0, -1);
      out.write(`${from ? ',' : ''}\n${chunk.slice(before.length, chunk.length - after.length)}`);
    }
    out.write(`${rows.length ? '\n  ' : ''}${top.slice(open + 1)}`);
    out.end();
  } finally {
    closeSync(fd);
  }
}

/**
 * Write every dataset file to `outDir` (chart CSVs under charts/, the filters' count tables under filters/); returns
 * the names written. postings.json carries every field but the text; the texts of the postings whose pages show them
 * go to `textDir` (outside the published data) as JSON Lines.
 * @param dataset the built dataset
 * @param outDir where to write
 * @param batches the imported batches content/sources.yml records (for sources.json)
 * @param textDir where the posting texts go; left unwritten when undefined
 */
export function writeDatasets(dataset: Dataset, outDir: string, batches: Batch[] = [], textDir?: string): string[] {
  mkdirSync(join(outDir, 'charts'), { recursive: true });
  mkdirSync(join(outDir, 'filters'), { recursive: true });
  const aggregates = buildAggregates(dataset);
  const atlas = buildAtlas(dataset);
  const { postings, ...head } = dataset;
  writeRowsJson(join(outDir, 'postings.json'), head, 'postings', postings.map(published));
  if (textDir) {
    mkdirSync(textDir, { recursive: true });
    const fd = openSync(join(textDir, TEXTS_FILE), 'w');
    try {
      const out = batched(fd);
      for (const r of postings.slice(0, TEXT_PAGES_MAX)) out.write(JSON.stringify({ id: r.id, text: r.text ?? '', removed: r.removed ?? [] }) + '\n');
      out.end();
    } finally {
      closeSync(fd);
    }
  }
  const files: Record<string, string> = {
    'postings.csv': postingsCsv(dataset),
    'posting_skills.csv': postingSkillsCsv(dataset),
    'aggregates.json': stableJson({ ...aggregates, ...atlas }),
    'sources.json': stableJson(buildSourceSummary(dataset, batches)),
    // Read by the browser when a filter needs them: compact (no indent), counts only.
    'filters/cube.json': JSON.stringify(filterCube(dataset)) + '\n',
    'filters/skill-months.json': JSON.stringify(skillMonths(dataset)) + '\n',
    ...Object.fromEntries(Object.entries(chartCsvs(aggregates, atlas)).map(([name, body]) => [`charts/${name}`, body])),
  };
  for (const [name, body] of Object.entries(files)) writeFileSync(join(outDir, name), body);
  return ['postings.json', ...Object.keys(files)];
}
