/**
 * `npm run data -- [--content DIR] [--out DIR] [--serial] [--no-cache]`: read every posting, check it, extract its
 * fields and write the datasets (postings.json, postings.csv, posting_skills.csv, aggregates.json, sources.json).
 * Refuses to write when any file has errors. Prints one summary line.
 *
 * Per-file work is cached (.cache/atlas/, or $ATLAS_CACHE_DIR) keyed by each file's bytes and a fingerprint of the
 * code, taxonomy and rates, so a run after one file changed redoes one file; what is not cached is shared between this
 * thread and a helper thread per further core. `--serial` keeps it on this thread, `--no-cache` ignores the cache: the
 * output is the same.
 *
 * `npm run data` (which `npm run build` runs first) gives Node two V8 flags, which hold for the whole process, helper
 * threads included. They are set on the command line: changing a V8 flag from inside the process
 * (v8.setFlagsFromString) once regexes exist crashed one run in four.
 * - `--no-regexp-tier-up`: V8 runs a new RegExp in its interpreter first and compiles it to machine code on its second
 *   use. Extraction's regexes nearly all run thousands of times, so compiling them once, at first use, is less work:
 *   1,000 files cold took 55 ms less (0.76 against 0.82 s), 10,000 the same.
 * - `--max-semi-space-size=32` (MB): nearly everything read here lives to the end of the run, and with V8's default
 *   young generation it was copied from one small young generation to the next many times over. A rerun at 10,000
 *   files took 45 to 75 ms less (8 runs each, twice), cold runs the same or less.
 */
import { statSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { join, resolve } from 'node:path';
import { cacheDir, fingerprint, ResultCache } from '../src/lib/posting/cache.ts';
import { listFiles } from '../src/lib/posting/files.ts';
import { inWorkers } from '../src/lib/posting/parallel.ts';
import { readAhead } from '../src/lib/posting/read-ahead.ts';
import type { StoredOutcome } from '../src/lib/posting/collection.ts';

const { values } = parseArgs({
  options: {
    content: { type: 'string' }, out: { type: 'string' }, quiet: { type: 'boolean', default: false },
    serial: { type: 'boolean', default: false }, 'no-cache': { type: 'boolean', default: false }, texts: { type: 'string' },
  },
  allowPositionals: false,
});
// The flag wins over CONTENT_DIR; relative paths are taken from where the command was run (INIT_CWD under npm).
const cwd = process.env.INIT_CWD ?? process.cwd();
const contentDir = resolve(cwd, values.content ?? process.env.CONTENT_DIR ?? 'content/postings');
const outDir = resolve(cwd, values.out ?? 'public/data');

const contentRoot = resolve(import.meta.dirname, '../content');
const cache = values['no-cache'] ? undefined : new ResultCache<StoredOutcome>(cacheDir(), fingerprint(contentRoot));
const compute = values.serial ? undefined : inWorkers(contentRoot);
if (!statSync(contentDir, { throwIfNoEntry: false })?.isDirectory()) {
  console.error(`data: ${contentDir} is not a folder of posting files (the content comes from --content, else CONTENT_DIR, else content/postings)`);
  process.exit(1);
}
// With nothing cached, the helper threads start now, so that loading their code overlaps this thread loading its own
// (the modules below are imported only after this; static imports would load first). With a cache, a helper thread
// lists, reads and hashes the files meanwhile, to find the few the cache does not hold.
const cold = (cache?.size ?? 0) === 0;
const rels = cold ? listFiles(contentDir) : undefined;
const ahead = cold ? undefined : readAhead(contentDir);
if (rels) compute?.prepare?.(rels.map((rel) => ({ rel, path: join(contentDir, rel) })));
const { reporter } = await import('vfile-reporter');
const { loadContext } = await import('../src/lib/taxonomy.ts');
const { loadCollectionCached, tally } = await import('../src/lib/posting/collection.ts');
const { buildDataset } = await import('../src/lib/dataset/build.ts');
const { writeDatasets } = await import('../src/lib/dataset/write.ts');
const { readSources } = await import('../src/lib/sources.ts');
const { RowMemo, rowsFrom } = await import('../src/lib/dataset/row-memo.ts');

const ctx = loadContext(contentRoot);
const loaded = await loadCollectionCached(contentDir, ctx, cwd, { cache, compute, rels, ahead });
const counts = tally(loaded);
// Every file with an error is listed; files with warnings only up to WARNED_FILES_SHOWN (a collection of a hundred
// thousand reposts would print a warning each), then a count and where to see them all.
const WARNED_FILES_SHOWN = 50;
const failing = loaded.filter((p) => p.file.messages.some((m) => m.fatal === true)).map((p) => p.file);
const warned = values.quiet ? [] : loaded.filter((p) => p.file.messages.length > 0 && !p.file.messages.some((m) => m.fatal === true)).map((p) => p.file);
const shown = [...failing, ...warned.slice(0, WARNED_FILES_SHOWN)];
if (shown.length > 0) console.error(reporter(shown, { quiet: values.quiet }));
if (warned.length > WARNED_FILES_SHOWN) {
  console.error(`… and warnings in ${(warned.length - WARNED_FILES_SHOWN).toLocaleString('en-US')} more files: npm run check lists them all`);
}
const dataset = buildDataset(loaded, ctx.rates);
const cached = cache ? ` (${cache.hits} from the cache)` : '';
const summary = `data: ${counts.files} files read${cached}, ${dataset.counts.postings} postings built (${dataset.counts.ml} ML roles, ${dataset.counts.excluded} excluded), ${counts.warnings} warnings, ${counts.errors} errors`;
if (counts.errors > 0) {
  console.error(`${summary}; nothing written: fix the errors above (npm run check lists them)`);
  process.exit(1);
}
const sources = readSources(resolve(import.meta.dirname, '../content/sources.yml'));
if (!sources.sources) {
  console.error(`content/sources.yml: ${sources.problems.map((p) => `line ${p.line}: ${p.message}`).join('; ')}; nothing written (npm run check lists it)`);
  process.exit(1);
}
// The texts of the postings whose pages show them: for the site's build, never published as data.
const textDir = resolve(cwd, values.texts ?? process.env.ATLAS_TEXT_DIR ?? resolve(import.meta.dirname, '../.cache/site'));
// Rows laid out by earlier runs are copied, not laid out again: a row is made from its file and its warnings.
const memo = cache ? new RowMemo(join(cache.root, 'rows')) : undefined;
await writeDatasets(dataset, outDir, sources.sources.batches, textDir, memo && rowsFrom(memo, loaded));
memo?.flush();
console.log(`${summary} → ${outDir}`);
