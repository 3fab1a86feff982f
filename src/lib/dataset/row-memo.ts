/**
 * Each posting's bytes in the dataset files as the last run wrote them, so that a run after one file changed copies
 * the other rows instead of laying them out again (JSON.stringify and papaparse over every row were half of such a
 * run). A row is made from its file (whose cache key is its path and bytes, under the fingerprint of the code,
 * taxonomy and rates) and its warnings (which depend on other files: reposts), so those are its key.
 *
 * One file, `rows` in the cache's fingerprint folder: a version line, then per row a line
 * `key TAB bytes TAB bytes TAB bytes TAB bytes` and the four byte strings back to back. It is read as bytes and
 * written out as bytes, never decoded. A run appends the rows it laid out; when rows no longer used outnumber those
 * used, or the file is damaged, it is rewritten (to a temp file, then renamed). A damaged or truncated file loses only
 * what cannot be read: those rows are laid out again.
 */
import { hash } from 'node:crypto';
import { closeSync, existsSync, mkdirSync, openSync, readFileSync, renameSync } from 'node:fs';
import { dirname } from 'node:path';
import { bufferedWrites } from '../posting/files.ts';
import type { LoadedPosting } from '../posting/loaded.ts';
import type { PostingRow } from './types.ts';

/** A row's bytes (UTF-8) in each dataset file. */
export interface WrittenRow {
  /** In postings.json: the row's line as it sits there, up to the field before `textShown` (which depends on its place). */
  json: Buffer;
  /** Its line in posting-texts.jsonl (with its line break); empty when its text was not written. */
  text: Buffer;
  /** Its record in postings.csv (without a line break). */
  csv: Buffer;
  /** Its records in posting_skills.csv, each followed by a line break (empty when it names no skill). */
  skills: Buffer;
}

const VERSION = 'atlas-rows 1\n';
const FIELDS = ['json', 'text', 'csv', 'skills'] as const;

/** The key of a row: its file's cache key and its warnings (the cache key itself when there are none). */
export function rowKey(cacheKey: string, warnings: string[]): string {
  return warnings.length ? hash('sha256', `${cacheKey}\0${warnings.join('\0')}`) : cacheKey;
}

export class RowMemo {
  private readonly stored = new Map<string, WrittenRow>();
  private readonly added = new Map<string, WrittenRow>();
  private readonly used = new Set<string>();
  private damaged = false;

  /** Where the rows are kept. */
  readonly file: string;

  /** @param file where the rows are kept (read now if it exists) */
  constructor(file: string) {
    this.file = file;
    if (existsSync(file)) this.read();
  }

  private read(): void {
    let all: Buffer;
    try {
      all = readFileSync(this.file);
    } catch {
      this.damaged = true;
      return;
    }
    if (all.toString('latin1', 0, VERSION.length) !== VERSION) {
      this.damaged = true;
      return;
    }
    for (let at = VERSION.length; at < all.length; ) {
      const nl = all.indexOf(10, at);
      const [key, ...sizes] = all.toString('latin1', at, nl === -1 ? all.length : nl).split('\t');
      const lengths = sizes.map(Number);
      const end = nl + 1 + lengths.reduce((a, b) => a + b, 0);
      if (nl === -1 || !key || lengths.length !== FIELDS.length || !lengths.every((n) => Number.isInteger(n) && n >= 0) || end > all.length) {
        this.damaged = true;
        return;
      }
      let from = nl + 1;
      const row = {} as WrittenRow;
      FIELDS.forEach((f, i) => {
        row[f] = all.subarray(from, from + lengths[i]!);
        from += lengths[i]!;
      });
      this.stored.set(key, row);
      at = end;
    }
  }

  /** How many rows the file held when it was read. */
  get size(): number {
    return this.stored.size;
  }

  get(key: string): WrittenRow | undefined {
    const row = this.added.get(key) ?? this.stored.get(key);
    if (row) this.used.add(key);
    return row;
  }

  set(key: string, row: WrittenRow): void {
    this.added.set(key, row);
    this.used.add(key);
  }

  /** Append the rows laid out in this run, or rewrite the file with the rows used when that is smaller or it was damaged. */
  flush(): void {
    const dead = [...this.stored.keys()].filter((k) => !this.used.has(k)).length;
    const rewrite = this.damaged || !existsSync(this.file) || dead > this.used.size;
    if (!rewrite && this.added.size === 0) return;
    mkdirSync(dirname(this.file), { recursive: true });
    const target = rewrite ? `${this.file}.${process.pid}.tmp` : this.file;
    const fd = openSync(target, rewrite ? 'w' : 'a');
    try {
      const out = bufferedWrites(fd);
      if (rewrite) out.write(Buffer.from(VERSION));
      for (const key of rewrite ? this.used : this.added.keys()) {
        const row = this.added.get(key) ?? this.stored.get(key)!;
        out.write(Buffer.from(`${key}\t${FIELDS.map((f) => row[f].length).join('\t')}\n`, 'latin1'));
        for (const f of FIELDS) out.write(row[f]);
      }
      out.end();
    } finally {
      closeSync(fd);
    }
    if (rewrite) renameSync(target, this.file);
    for (const [k, v] of this.added) this.stored.set(k, v);
    this.added.clear();
    this.damaged = false;
  }
}

/** Rows laid out by an earlier run, and where to keep the ones laid out now, looked up by row (what writeDatasets takes). */
export interface RowTexts {
  get(row: PostingRow): WrittenRow | undefined;
  set(row: PostingRow, written: WrittenRow): void;
}

/**
 * The rows of `loaded` as writeDatasets looks them up in `memo`: by the cache key of the file each row is made from
 * and its warnings. Postings not read through the cache have no key: their rows are laid out every time.
 */
export function rowsFrom(memo: RowMemo, loaded: LoadedPosting[]): RowTexts {
  const keys = new Map(loaded.map((p) => [p.id, p.cacheKey]));
  // A row laid out now is looked up, then kept: its key is hashed once.
  const rowKeys = new Map<PostingRow, string | undefined>();
  const keyOf = (row: PostingRow) => {
    if (rowKeys.has(row)) return rowKeys.get(row);
    const cacheKey = keys.get(row.id);
    const key = cacheKey === undefined ? undefined : rowKey(cacheKey, row.warnings);
    rowKeys.set(row, key);
    return key;
  };
  return {
    get: (row) => {
      const key = keyOf(row);
      return key === undefined ? undefined : memo.get(key);
    },
    set: (row, written) => {
      const key = keyOf(row);
      if (key !== undefined) memo.set(key, written);
    },
  };
}
