/**
 * `npm run eval [-- --quiet] [-- --sets seeds,hn,linkedin,boards,glassdoor]`: score extraction on the labelled postings in
 * ../shared/corpus, the recorded job boards in ../shared/boards (their structured salary is the label) and the
 * seeds' raw text; print per-field accuracy against each set's own targets, the false-pay rate, skills precision,
 * invented companies and titles, and every miss.
 * Exits 1 when a target is missed, 2 when ../shared is absent.
 */
import { parseArgs } from 'node:util';
import { resolve } from 'node:path';
import { loadContext } from '../src/lib/taxonomy.ts';
import { sharedPath } from '../src/lib/eval/corpus.ts';
import { evaluate, meets, valueOf } from '../src/lib/eval/run.ts';

const { values } = parseArgs({ options: { quiet: { type: 'boolean', default: false }, sets: { type: 'string' } } });
if (!sharedPath('corpus') || !sharedPath('seeds')) {
  console.error('eval: ../shared/corpus and ../shared/seeds must be beside this checkout');
  process.exit(2);
}
const ctx = loadContext(resolve(import.meta.dirname, '../content'));
const lines = evaluate(ctx, values.sets?.split(','));

const pct = (v: number) => `${(v * 100).toFixed(1)}%`;
const rows = lines.map((l) => [
  l.set, l.field, `${l.tally.right}/${l.tally.total}`, pct(valueOf(l)),
  l.target === null ? '' : `${l.kind === 'accuracy' ? '≥' : '≤'} ${pct(l.target)}`,
  l.target === null ? '' : meets(l) ? 'ok' : 'MISS',
]);
const head = ['set', 'field', 'right/n', 'value', 'target', ''];
const widths = head.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
const fmt = (r: string[]) => r.map((c, i) => c.padEnd(widths[i]!)).join('  ').trimEnd();
console.log(fmt(head));
for (const r of rows) console.log(fmt(r));
if (!values.quiet) {
  for (const l of lines) {
    if (l.tally.misses.length === 0) continue;
    console.log(`\n${l.set} · ${l.field}: ${l.tally.misses.length} miss${l.tally.misses.length > 1 ? 'es' : ''}`);
    for (const m of l.tally.misses) console.log(`  ${m}`);
  }
}
const failed = lines.filter((l) => !meets(l));
console.log(`\n${failed.length === 0 ? 'all targets met' : `${failed.length} target(s) missed`}`);
process.exitCode = failed.length ? 1 : 0;
