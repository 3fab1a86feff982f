import { readFileSync } from 'node:fs';
import { isAbsolute, join, relative, sep } from 'node:path';
import { VFile } from 'vfile';
import { extractPosting, type ExtractResult } from '../extract/index.ts';
import { tidied } from '../extract/clean.ts';
import { payMentionOf } from '../extract/pay.ts';
import type { ExtractContext } from '../taxonomy.ts';
import { collectionChecks, decodeFile, fileChecks, fileText, resultChecks } from './checks.ts';
import type { LoadedPosting } from './loaded.ts';
import { note, readPosting } from './read.ts';
import type { FrontMatter } from './schema.ts';
import { entryKey, ResultCache } from './cache.ts';
import type { DupMatch, DuplicateMemo } from './duplicates.ts';
import { listFiles } from './files.ts';
import type { ReadAhead } from './read-ahead.ts';

export type { LoadedPosting } from './loaded.ts';
export { listFiles } from './files.ts';

const hasErrors = (file: VFile) => file.messages.some((m) => m.fatal === true);

/** A message as plain data, so per-file work can be cached and passed between threads. */
export interface PlainMessage {
  reason: string;
  line: number | null;
  column: number | null;
  ruleId: string | null;
  source: string | null;
  fatal: boolean;
}

/** What one file yields on its own (everything but the checks across files). Plain data: cacheable, transferable. */
export interface FileOutcome {
  frontMatter: FrontMatter | null;
  body: string;
  bodyLine: number;
  messages: PlainMessage[];
  result: ExtractResult | null;
  /** See {@link LoadedPosting.payMention}: worked out with the file, so that a rerun finds it in the cache. */
  payMention: string | null;
}

/**
 * A file's outcome as the cache stores it and worker threads send it: without the texts the file itself gives back
 * (the body is where it starts in the file's text; the cleaned text is null when it is just the body tidied).
 */
export interface StoredOutcome {
  frontMatter: FrontMatter | null;
  bodyStart: number;
  bodyLine: number;
  messages: PlainMessage[];
  extraction: ExtractResult['extraction'] | null;
  cleanedText: string | null;
  removed: ExtractResult['cleaned']['removed'];
  payMention: string | null;
}

/**
 * The stored form of an outcome.
 * @param o the outcome of {@link processFile}
 * @param text the file's text (its bytes as UTF-8, without a byte-order mark), whose end is the body
 */
export function packOutcome(o: FileOutcome, text: string): StoredOutcome {
  if (!text.endsWith(o.body)) throw new Error('packOutcome: the body is not the end of the file’s text');
  const cleaned = o.result?.cleaned;
  return {
    frontMatter: o.frontMatter, bodyStart: text.length - o.body.length, bodyLine: o.bodyLine, messages: o.messages,
    extraction: o.result?.extraction ?? null,
    cleanedText: cleaned && cleaned.text !== tidied(o.body) ? cleaned.text : null,
    removed: cleaned?.removed ?? [],
    payMention: o.payMention,
  };
}

/** The outcome a stored form was made from, given the same file text. */
export function unpackOutcome(s: StoredOutcome, text: string): FileOutcome {
  const body = text.slice(s.bodyStart);
  return {
    frontMatter: s.frontMatter, body, bodyLine: s.bodyLine, messages: s.messages,
    result: s.extraction ? { extraction: s.extraction, cleaned: { text: s.cleanedText ?? tidied(body), removed: s.removed } } : null,
    payMention: s.payMention,
  };
}

export { fileText } from './checks.ts';

/** The folder of the stored relations under the cache's fingerprint (which changes with the code that finds them). */
const RELATIONS = 'matches';

/** Where extraction says a posting came from: its place in a content tree, the same from any folder or machine. */
export const sourceOf = (rel: string) => `content/postings/${rel}`;

/**
 * Read, check and (when it has no errors) extract one file. Pure: the same path, bytes and context give the same
 * outcome, which is what lets the data step cache it and run it on worker threads.
 * @param rel its path relative to the content folder
 * @param bytes its contents
 * @param ctx taxonomy and rates
 * @param text the bytes as {@link fileText} gives them, when the caller has them (saves decoding them twice)
 */
export function processFile(rel: string, bytes: Buffer, ctx: ExtractContext, text?: string): FileOutcome {
  const id = rel.replace(/\.md$/, '');
  const decoded = decodeFile(bytes, rel, text);
  if (typeof decoded !== 'string') return { frontMatter: null, body: '', bodyLine: 1, messages: plain(decoded), result: null, payMention: null };
  const posting = readPosting(decoded, rel);
  fileChecks({ rel, bytes, text: decoded, file: posting.file, frontMatter: posting.frontMatter, ctx });
  const result = hasErrors(posting.file) || !posting.frontMatter
    ? null
    : extractPosting({ text: posting.body, source: sourceOf(rel), id, frontMatter: posting.frontMatter }, ctx);
  const payMention = result && payMentionOf(result.extraction.pay, result.extraction.overridden, result.cleaned.text);
  resultChecks({ file: posting.file, result, bodyLine: posting.bodyLine, frontMatter: posting.frontMatter }, ctx);
  return { frontMatter: posting.frontMatter, body: posting.body, bodyLine: posting.bodyLine, messages: plain(posting.file), result, payMention };
}

function plain(file: VFile): PlainMessage[] {
  return file.messages.map((m) => ({ reason: m.reason, line: m.line ?? null, column: m.column ?? null, ruleId: m.ruleId ?? null, source: m.source ?? null, fatal: m.fatal === true }));
}

/** A loaded posting from a file's outcome: its messages back on a VFile named as `shown`. */
function materialise(rel: string, shown: string, text: string, o: FileOutcome): LoadedPosting {
  const file = new VFile({ path: shown, value: text });
  for (const m of o.messages) {
    const place = m.line === null ? undefined : { line: m.line, column: m.column ?? 1 };
    note(file, m.reason, place, m.ruleId ?? undefined, m.source ?? undefined, m.fatal);
  }
  return { rel, id: rel.replace(/\.md$/, ''), file, frontMatter: o.frontMatter, body: o.body, bodyLine: o.bodyLine, result: o.result, payMention: o.payMention };
}

/** Computes outcomes in bulk for {@link loadCollectionCached}, with the calling thread's help (parallel.ts has one). */
export interface BulkCompute {
  /**
   * Start on these files now, before the calling thread is ready to help (a cold run: every file needs computing);
   * a later {@link run} on the same files carries on from there.
   */
  prepare?(files: { rel: string; path: string }[]): void;
  /**
   * Compute every file's outcome: `local(i)` computes `files[i]` on the calling thread, and an outcome computed
   * elsewhere arrives as `answered(i, answer)`. Resolves when every file is done, exactly once each.
   */
  run(files: { rel: string; path: string }[], local: (i: number) => void, answered: (i: number, answer: Answer) => void): Promise<void>;
}

/**
 * A file's outcome computed on another thread, with what that thread read of the file, so that the calling thread
 * need not read and hash it again.
 */
export interface Answer {
  /** Its cache key ({@link entryKey}). */
  key: string;
  /** Its text ({@link fileText}). */
  text: string;
  /** The outcome in its stored form, as JSON text: the form the cache keeps, and cheaper to pass than objects. */
  json: string;
}

/** A file's {@link Answer}: read, checked and extracted (what a helper thread does with each of its files). */
export function answer(rel: string, path: string, ctx: ExtractContext): Answer {
  const bytes = readFileSync(path);
  const text = fileText(bytes);
  return { key: entryKey(rel, bytes), text, json: JSON.stringify(packOutcome(processFile(rel, bytes, ctx, text), text)) };
}

/** How `loadCollection` may save work. */
export interface LoadOptions {
  /** A cache of per-file outcomes (see cache.ts); none: everything is computed. */
  cache?: ResultCache<StoredOutcome> | undefined;
  /**
   * Compute the outcomes the cache does not hold, in bulk (the data step passes one that runs worker threads).
   * Must give exactly what {@link processFile} gives. Returning null leaves the work to the calling thread.
   */
  compute?: BulkCompute | undefined;
  /** The files under the folder, as {@link listFiles} gives them, when the caller has listed them already. */
  rels?: string[] | undefined;
  /**
   * The folder being listed, read and hashed on a helper thread (read-ahead.ts): for a run with a cache, which reads
   * and hashes every file to find the few it does not hold.
   */
  ahead?: ReadAhead | undefined;
}

/**
 * Read, check and extract every posting file under a content folder.
 * Files with errors keep their messages and get no extraction; nothing is dropped silently.
 * @param dir the content folder (e.g. content/postings)
 * @param ctx taxonomy and rates
 * @param displayRoot paths in messages are shown relative to this folder (default: the working directory)
 */
export function loadCollection(dir: string, ctx: ExtractContext, displayRoot = process.cwd()): LoadedPosting[] {
  const shown = shownPaths(displayRoot, dir);
  const loaded = listFiles(dir).map((rel) => {
    const full = join(dir, rel);
    const bytes = readFileSync(full);
    const text = fileText(bytes);
    return materialise(rel, shown(rel, full), text, processFile(rel, bytes, ctx, text));
  });
  return finish(loaded, ctx);
}

/**
 * {@link loadCollection} with a cache of per-file outcomes and, for the files not cached, bulk computation (worker
 * threads). The result is the same, byte for byte, whichever path each file took.
 */
export async function loadCollectionCached(dir: string, ctx: ExtractContext, displayRoot: string, options: LoadOptions): Promise<LoadedPosting[]> {
  const { cache, compute } = options;
  type File = { rel: string; path: string; bytes?: Buffer; text?: string; key?: string; outcome?: FileOutcome };
  const files: File[] = (options.rels ?? (options.ahead ? await options.ahead.rels : listFiles(dir))).map((rel) => ({ rel, path: join(dir, rel) }));
  const read = (f: File): Required<Omit<File, 'outcome'>> & File => {
    f.bytes ??= readFileSync(f.path);
    f.text ??= fileText(f.bytes);
    f.key ??= entryKey(f.rel, f.bytes);
    return f as Required<Omit<File, 'outcome'>> & File;
  };
  // With nothing cached every file is computed, so the work starts at once and each file is read when its turn comes;
  // otherwise every file is read and hashed first, to find the few the cache does not hold.
  const cold = (cache?.size ?? 0) === 0;
  if (cold) compute?.prepare?.(files.map(({ rel, path }) => ({ rel, path })));
  else {
    const lookUp = (f: File) => {
      const stored = cache!.get(read(f).key);
      if (!stored) return;
      f.outcome = unpackOutcome(stored, f.text!);
      // Done with its bytes: a hundred thousand files' would be held to the end for nothing.
      f.bytes = undefined;
    };
    // Files the helper thread read come with their bytes and key; any it did not are read here.
    if (options.ahead) {
      for await (const batch of options.ahead.files()) {
        for (const [i, got] of batch) {
          const f = files[i]!;
          if (got) Object.assign(f, got);
          lookUp(f);
        }
      }
    }
    for (const f of files) if (!f.key) lookUp(f);
  }
  const todo = cold ? files : files.filter((f) => !f.outcome);
  const local = (i: number) => {
    const f = read(todo[i]!);
    f.outcome = processFile(f.rel, f.bytes, ctx, f.text);
    cache?.set(f.key, packOutcome(f.outcome, f.text));
    todo[i]!.bytes = undefined;
  };
  if (compute && todo.length) {
    await compute.run(todo.map(({ rel, path }) => ({ rel, path })), local, (i, { key, text, json }) => {
      const f = todo[i]!;
      f.key = key;
      f.text = text;
      f.outcome = unpackOutcome(JSON.parse(json) as StoredOutcome, text);
      cache?.setJson(key, json);
    });
  } else {
    for (let i = 0; i < todo.length; i++) local(i);
  }
  cache?.flush();
  const shown = shownPaths(displayRoot, dir);
  // The relations between postings, kept beside the per-file entries (under the same fingerprint): a rerun compares
  // only the postings that can relate to a file that changed.
  const relations = cache && new ResultCache<(DupMatch | null)[]>(join(cache.root, 'relations'), RELATIONS);
  const loaded = finish(files.map((f) => Object.assign(materialise(f.rel, shown(f.rel, f.path), f.text!, f.outcome!), { cacheKey: f.key! })), ctx, relations);
  relations?.flush();
  return loaded;
}

/**
 * How messages name a file of `dir` (given its path in the folder and its full path): its path from `displayRoot`,
 * with `/`, or its full path when that is empty. That is the folder's path from there, then the file's in the folder
 * (one path.relative for the folder, not one a file), unless `displayRoot` lies inside the folder.
 */
function shownPaths(displayRoot: string, dir: string): (rel: string, full: string) => string {
  const each = (_rel: string, full: string) => relative(displayRoot, full).split(sep).join('/') || full;
  const within = relative(dir, displayRoot);
  if (within !== '' && within !== '..' && !within.startsWith(`..${sep}`) && !isAbsolute(within)) return each;
  const base = relative(displayRoot, dir).split(sep).join('/');
  return (rel, full) => (base ? `${base}/${rel}` : rel) || full;
}

/** The checks across files, then no extraction for a file that has errors. */
function finish(loaded: LoadedPosting[], ctx: ExtractContext, relations?: DuplicateMemo): LoadedPosting[] {
  collectionChecks(loaded, ctx, relations);
  for (const p of loaded) if (hasErrors(p.file)) p.result = null;
  return loaded;
}

/** Count files, errors and warnings the way `check`, `data` and `build` report them. */
export function tally(loaded: LoadedPosting[]) {
  let errors = 0, warnings = 0, withErrors = 0, withWarnings = 0;
  for (const p of loaded) {
    const e = p.file.messages.filter((m) => m.fatal === true).length;
    const w = p.file.messages.filter((m) => m.fatal !== true).length;
    errors += e; warnings += w;
    if (e) withErrors++; else if (w) withWarnings++;
  }
  return { files: loaded.length, ok: loaded.length - withErrors - withWarnings, withWarnings, withErrors, errors, warnings };
}
