/**
 * `npm run bench`: throughput of extraction alone over real postings (../shared/corpus hn-2026 and glassdoor-2020),
 * beside remark-parse alone on the same texts, in one run. Figures are for notes, never asserted by tests.
 */
import { resolve } from 'node:path';
import { performance } from 'node:perf_hooks';
import { unified } from 'unified';
import remarkParse from 'remark-parse';
import { loadContext } from '../src/lib/taxonomy.ts';
import { extractPosting } from '../src/lib/extract/index.ts';
import { readCorpus, sharedPath } from '../src/lib/eval/corpus.ts';

if (!sharedPath('corpus')) {
  console.error('bench: ../shared/corpus must be beside this checkout');
  process.exit(2);
}
const ctx = loadContext(resolve(import.meta.dirname, '../content'));
const parser = unified().use(remarkParse);

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
