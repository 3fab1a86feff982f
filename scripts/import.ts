/**
 * `npm run import -- FILE [--text-col C] [--title-col C] [--company-col C] [--url-col C] [--posted-col C]
 * [--captured-col C] [--captured YYYY-MM-DD] [--limit N] [--dry-run] [--content DIR]`: bulk import postings from a CSV
 * export (header row) or a JSON Lines file. Reports every row it skipped and why, then one summary line.
 */
import { readFileSync } from 'node:fs';
import { relative, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { loadContext } from '../src/lib/taxonomy.ts';
import { importRows, parseImportFile, skippedSummary, type ImportField } from '../src/lib/posting/import.ts';
import { isIsoDate } from '../src/lib/posting/compose.ts';

const { values, positionals } = parseArgs({
  options: {
    'text-col': { type: 'string' }, 'title-col': { type: 'string' }, 'company-col': { type: 'string' },
    'url-col': { type: 'string' }, 'posted-col': { type: 'string' }, 'captured-col': { type: 'string' },
    captured: { type: 'string' }, limit: { type: 'string' }, content: { type: 'string' }, 'dry-run': { type: 'boolean', default: false },
  },
  allowPositionals: true,
});
const die = (message: string): never => {
  console.error(`import: ${message}`);
  process.exit(1);
};
if (positionals.length !== 1) die('usage: npm run import -- FILE.csv|FILE.jsonl [--limit N] [--content DIR] [--text-col C …]');
const cwd = process.env.INIT_CWD ?? process.cwd();
const contentDir = resolve(cwd, values.content ?? process.env.CONTENT_DIR ?? 'content/postings');
const limit = values.limit === undefined ? undefined : Number(values.limit);
if (limit !== undefined && !(Number.isInteger(limit) && limit > 0)) die(`--limit ${JSON.stringify(values.limit)} is not a positive whole number`);
if (values.captured !== undefined && !isIsoDate(values.captured)) die(`--captured ${JSON.stringify(values.captured)} is not a date written YYYY-MM-DD`);
const columns: Partial<Record<ImportField, string>> = {};
for (const f of ['text', 'title', 'company', 'url', 'posted', 'captured'] as const) {
  const v = values[`${f}-col`];
  if (v !== undefined) columns[f] = v;
}

const file = positionals[0]!;
let text: string;
try { text = readFileSync(resolve(cwd, file), 'utf8'); } catch { die(`cannot read ${file}`); }
const ctx = loadContext(resolve(import.meta.dirname, '../content'));
const table = parseImportFile(text!, file);

// A progress line on long runs: rewritten in place in a terminal, every 500 rows otherwise.
const tty = Boolean(process.stderr.isTTY);
const onProgress = (done: number, total: number) => {
  if (total < 200) return;
  if (tty && (done % 25 === 0 || done === total)) process.stderr.write(`\rimport: ${done}/${total} rows${done === total ? '\n' : ''}`);
  else if (!tty && (done % 500 === 0)) process.stderr.write(`import: ${done}/${total} rows\n`);
};

let report;
try {
  report = importRows(table, ctx, contentDir, { columns, limit, captured: values.captured, dryRun: values['dry-run'], onProgress });
} catch (error) {
  die((error as Error).message);
}
for (const s of report!.skipped) console.log(`${file} ${s.where}: skipped: ${s.reason}`);
for (const r of report!.reposts) console.log(`${file} ${r.where}: kept as ${r.rel}: ${r.reason}`);
for (const n of report!.notes) console.log(`${file} ${n.where}: ${n.note}`);
const where = relative(cwd, contentDir) || contentDir;
const skipped = report!.skipped.length ? ` (${skippedSummary(report!.skipped)})` : '';
console.log(`import: ${report!.read} rows read: ${report!.written.length} ${values['dry-run'] ? 'would be written' : 'written'} to ${where}, ${report!.skipped.length} skipped${skipped}, ${report!.reposts.length} reposts kept`);
