/**
 * `npm run bench`: throughput of extraction alone over real postings (../shared/corpus hn-2026 and glassdoor-2020),
 * beside remark-parse alone on the same texts, in one run. Figures are for notes, never asserted by tests.
 *
 * `npm run bench -- --postings N [--site]`: the data step at scale. Writes N posting files into a temp folder from the
 * real texts in ../shared/corpus (past the corpus size, texts repeat a year later per round: reposts, not duplicates),
 * then measures in one run: remark-parse alone on one thread (the reference) and extraction alone, each a first pass
 * in a process of its own; the data step cold (empty cache, worker threads), the data step again after one file
 * changed (warm cache), and with --site the full build (data step with an empty cache, astro build, the Pagefind search
 * index). The data-step times subtract the same command on an empty content folder (start-up is not work). Below
 * 20,000 files a run takes seconds, and one measurement swings by a tenth either way on a busy machine (the reference
 * too), so all of these but the build are taken several times (`--repeat`, default 5 up to 2,000 files, 3 up to
 * 20,000, else 1) and the median of each is given. The last line is one JSON object; its ratios compare across machines.
 */
import { resolve } from 'node:path';
import { performance } from 'node:perf_hooks';
import { unified } from 'unified';
import remarkParse from 'remark-parse';
import { loadContext } from '../src/lib/taxonomy.ts';
import { extractPosting } from '../src/lib/extract/index.ts';
import { readCorpus, sharedPath } from '../src/lib/eval/corpus.ts';
import { parseArgs } from 'node:util';
import { availableParallelism, tmpdir } from 'node:os';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, readdirSync, writeFileSync, appendFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { repeatFiles, sampleFiles, type CorpusPosting } from '../src/lib/dataset/sample.ts';
import { canonicalCompany } from '../src/lib/extract/company.ts';
import { listFiles } from '../src/lib/posting/files.ts';

if (!sharedPath('corpus')) {
  console.error('bench: ../shared/corpus must be beside this checkout');
  process.exit(2);
}
const ROOT = resolve(import.meta.dirname, '..');
const ctx = loadContext(resolve(import.meta.dirname, '../content'));
const parser = unified().use(remarkParse);
const { values: flags } = parseArgs({
  options: { postings: { type: 'string' }, site: { type: 'boolean', default: false }, repeat: { type: 'string' }, reference: { type: 'string' }, content: { type: 'string' } },
});
if (flags.reference !== undefined && flags.content !== undefined) {
  console.log(JSON.stringify({ perSec: reference(flags.reference, flags.content) }));
  process.exit(0);
}
if (flags.postings !== undefined) {
  const n = wholeNumber('--postings', flags.postings);
  await benchScale(n, flags.site, flags.repeat === undefined ? (n <= 2_000 ? 5 : n <= 20_000 ? 3 : 1) : wholeNumber('--repeat', flags.repeat));
  process.exit(0);
}

/** A flag's value as a positive whole number, or the bench stops saying what is wrong. */
function wholeNumber(flag: string, value: string): number {
  const n = Number(value);
  if (Number.isInteger(n) && n > 0) return n;
  console.error(`bench: ${flag} ${JSON.stringify(value)} is not a positive whole number`);
  process.exit(1);
}

/** Best of `runs` passes over all texts, in postings per second. */
function rate(texts: string[], fn: (t: string) => unknown, runs = 3): number {
  for (const t of texts.slice(0, 50)) fn(t); // warm up
  let best = Infinity;
  for (let i = 0; i < runs; i++) {
    const start = performance.now();
    for (const t of texts) fn(t);
    best = Math.min(best, performance.now() - start);
  }
  return texts.length / (best / 1000);
}

console.log(`node ${process.version}; best of 3 passes`);
console.log('corpus             postings  MB     extract/s  remark-parse/s  extract time ÷ remark time');
for (const name of ['hn-2026.jsonl', 'glassdoor-2020.jsonl']) {
  const texts = readCorpus(name).map((r) => r.text);
  const mb = texts.reduce((n, t) => n + Buffer.byteLength(t), 0) / 1e6;
  const ex = rate(texts, (t) => extractPosting({ text: t, source: null, id: null }, ctx));
  const md = rate(texts, (t) => parser.parse(t));
  console.log(
    `${name.replace('.jsonl', '').padEnd(18)} ${String(texts.length).padStart(8)}  ${mb.toFixed(1).padStart(4)}  ${ex.toFixed(0).padStart(10)}  ${md.toFixed(0).padStart(14)}  ${(md / ex).toFixed(2).padStart(8)}`,
  );
}

/** Run a command; wall seconds and peak memory (GNU time's maximum resident set, when /usr/bin/time is there). */
function timed(cmd: string[], env: Record<string, string> = {}): { sec: number; rssMb: number | null } {
  const gnuTime = existsSync('/usr/bin/time');
  const rssFile = join(tmpdir(), `bench-rss-${process.pid}`);
  const argv = gnuTime ? ['/usr/bin/time', '-f', '%M', '-o', rssFile, ...cmd] : cmd;
  const start = performance.now();
  const r = spawnSync(argv[0]!, argv.slice(1), { cwd: ROOT, env: { ...process.env, ...env }, stdio: ['ignore', 'ignore', 'inherit'] });
  const sec = (performance.now() - start) / 1000;
  if (r.status !== 0) throw new Error(`bench: ${cmd.join(' ')} failed (exit ${r.status})`);
  const rssMb = gnuTime && existsSync(rssFile) ? Number(readFileSync(rssFile, 'utf8').trim().split('\n').at(-1)) / 1024 : null;
  return { sec, rssMb };
}

/** Megabytes of the files under a folder. */
function duMb(dir: string): number {
  let bytes = 0;
  const walk = (d: string) => { for (const name of readdirSync(d)) { const f = join(d, name); const st = statSync(f); if (st.isDirectory()) walk(f); else bytes += st.size; } };
  walk(dir);
  return bytes / 1e6;
}

/**
 * Posting files a second, on one thread, in this fresh process: remark-parse on each whole file (`remark`, the
 * reference) or extraction on each body (`extract`). Reading the files is not timed.
 */
function reference(what: string, dir: string): number {
  const texts = listFiles(dir).map((rel) => readFileSync(join(dir, rel), 'utf8'));
  const bodies = texts.map((t) => t.replace(/^---\n[\s\S]*?\n---\n/, ''));
  const fn = what === 'remark' ? (i: number) => parser.parse(texts[i]!) : (i: number) => extractPosting({ text: bodies[i]!, source: null, id: null }, ctx);
  const start = performance.now();
  for (let i = 0; i < texts.length; i++) fn(i);
  return texts.length / ((performance.now() - start) / 1000);
}

/** The middle value (the mean of the middle two for an even count). */
function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const m = Math.floor(s.length / 2);
  return s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
}

async function benchScale(n: number, site: boolean, repeat: number) {
  const { companies } = ctx;
  const rows = ['hn-2026.jsonl', 'glassdoor-2020.jsonl', 'linkedin-2024-dev.jsonl'].flatMap((f) => readCorpus(f) as CorpusPosting[]);
  const files = repeatFiles(sampleFiles(rows, { canonical: (c) => canonicalCompany(c, companies) }), n);
  const work = mkdtempSync(join(tmpdir(), 'atlas-bench-'));
  const content = join(work, 'postings'), empty = join(work, 'empty'), out = join(work, 'data');
  mkdirSync(empty, { recursive: true });
  for (const f of files) {
    const path = join(content, f.path);
    mkdirSync(dirname(path), { recursive: true });
    writeFileSync(path, f.content);
  }
  console.error(`bench: ${files.length} posting files in ${content}`);
  // The references run in a process of their own each round, as the data step does: a first pass, like its cold run.
  const perSec = (what: string) => {
    const r = spawnSync(process.execPath, [join(ROOT, 'scripts/bench.ts'), '--reference', what, '--content', content], { cwd: ROOT, encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'] });
    if (r.status !== 0) throw new Error(`bench: the ${what} reference failed (exit ${r.status})`);
    return (JSON.parse(r.stdout.trim().split('\n').at(-1)!) as { perSec: number }).perSec;
  };

  // The data step as `npm run data` runs it (its Node flags included), from package.json.
  const [bin, ...dataArgs] = (JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { scripts: Record<string, string> }).scripts.data!.split(/\s+/);
  const dataCmd = (dir: string) => [join(ROOT, 'node_modules/.bin', bin!), ...dataArgs, '--content', dir, '--out', out, '--quiet'];
  const freshCache = () => mkdtempSync(join(work, 'cache-'));
  const changed = join(content, files[Math.floor(files.length / 2)]!.path);
  // Each round: remark-parse and extraction alone, start-up on an empty folder, a cold run with an empty cache, then one
  // file changes (a new line each round) and the run is repeated on that cache. The differences are taken within a
  // round, so drift between rounds cancels out.
  const rounds = Array.from({ length: repeat }, (_, round) => {
    const remark = perSec('remark'), extract = perSec('extract');
    console.error(`bench: remark-parse ${remark.toFixed(0)}/s, extraction ${extract.toFixed(0)}/s (one thread)`);
    const base = timed(dataCmd(empty), { ATLAS_CACHE_DIR: freshCache() }).sec;
    const cache = freshCache();
    const cold = timed(dataCmd(content), { ATLAS_CACHE_DIR: cache });
    appendFileSync(changed, `\nThis posting was edited for the benchmark (${round + 1}).\n`);
    const warm = timed(dataCmd(content), { ATLAS_CACHE_DIR: cache });
    console.error(`bench: data step cold ${cold.sec.toFixed(2)} s, warm ${warm.sec.toFixed(2)} s, empty-folder start-up ${base.toFixed(2)} s`);
    return { remark, extract, base, cold, warm };
  });
  const remarkPerSec = median(rounds.map((r) => r.remark)), extractPerSec = median(rounds.map((r) => r.extract));
  const dataColdSec = Math.max(median(rounds.map((r) => r.cold.sec - r.base)), 0.001);
  const dataWarmSec = Math.max(median(rounds.map((r) => r.warm.sec - r.base)), 0);

  let siteSec: number | null = null, distMb: number | null = null, siteRss: number | null = null;
  if (site) {
    // A fresh clone builds into an empty folder: emptying a previous build's dist (900 MB after 100,000) is not the build's work.
    rmSync(join(ROOT, 'dist'), { recursive: true, force: true });
    const s = timed(['npm', 'run', '--silent', 'build'], { CONTENT_DIR: content, ATLAS_CACHE_DIR: freshCache() });
    siteSec = s.sec;
    siteRss = s.rssMb;
    distMb = duMb(join(ROOT, 'dist'));
  }
  const peaks = [...rounds.flatMap((r) => [r.cold.rssMb, r.warm.rssMb]), siteRss].filter((x): x is number => x !== null);
  const dataPerSec = files.length / dataColdSec;
  const round = (x: number | null, d = 2) => (x === null ? null : Number(x.toFixed(d)));
  rmSync(work, { recursive: true, force: true });
  console.log(JSON.stringify({
    postings: files.length, cores: availableParallelism(), remarkPerSec: round(remarkPerSec, 0), extractPerSec: round(extractPerSec, 0),
    dataColdSec: round(dataColdSec), dataPerSec: round(dataPerSec, 0), dataWarmSec: round(dataWarmSec), siteSec: round(siteSec, 1), distMb: round(distMb, 1),
    peakRssMb: peaks.length ? round(Math.max(...peaks), 0) : null, speedVsRemark: round(dataPerSec / remarkPerSec), warmOverCold: round(dataWarmSec / dataColdSec),
    rounds: repeat,
  }));
}
