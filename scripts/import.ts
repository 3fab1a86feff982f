/**
 * `npm run import -- …`: bring postings into content/postings as ordinary posting files.
 *
 * From where employers publish (see README, "Import postings"):
 *   hn --thread ID | --month YYYY-MM | --all | --latest    Hacker News "Ask HN: Who is hiring?" threads
 *   ashby BOARD… | greenhouse BOARD… | lever SITE…          job boards (company from content/sources.yml or --company)
 *   sources                                                every board in content/sources.yml (and HN's latest thread)
 *   options: --api ORIGIN (a mirror laid out like the API), --captured YYYY-MM-DD|none (default: today),
 *            --every-role (keep non-ML roles too), --company NAME, --content DIR, --dry-run, --verbose
 *
 * From a file: FILE.csv|FILE.jsonl [--limit N] [--captured YYYY-MM-DD] [--text-col C …] [--dry-run] [--content DIR]
 *
 * Reports every item it skipped and why (posts that are not ML roles are counted; --verbose lists them), every
 * failure by name, a table of what it wrote, then one summary line. Exits non-zero when anything failed.
 */
import { readFileSync } from 'node:fs';
import { relative, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { loadContext } from '../src/lib/taxonomy.ts';
import { importRows, parseImportFile, skippedSummary, type ImportField } from '../src/lib/posting/import.ts';
import { isIsoDate, today } from '../src/lib/posting/compose.ts';
import { importSource, SOURCES, type HnSelection, type Source, type SourceImport } from '../src/lib/import/index.ts';
import { summaryLine, writtenTable, type RunReport } from '../src/lib/import/run.ts';
import { readSources } from '../src/lib/sources.ts';

const { values, positionals } = parseArgs({
  options: {
    'text-col': { type: 'string' }, 'title-col': { type: 'string' }, 'company-col': { type: 'string' },
    'url-col': { type: 'string' }, 'posted-col': { type: 'string' }, 'captured-col': { type: 'string' },
    captured: { type: 'string' }, limit: { type: 'string' }, content: { type: 'string' }, 'dry-run': { type: 'boolean', default: false },
    thread: { type: 'string' }, month: { type: 'string' }, all: { type: 'boolean', default: false }, latest: { type: 'boolean', default: false },
    api: { type: 'string' }, company: { type: 'string' }, 'every-role': { type: 'boolean', default: false }, verbose: { type: 'boolean', default: false },
  },
  allowPositionals: true,
});
const die = (message: string): never => {
  console.error(`import: ${message}`);
  process.exit(1);
};
const cwd = process.env.INIT_CWD ?? process.cwd();
const contentDir = resolve(cwd, values.content ?? process.env.CONTENT_DIR ?? 'content/postings');
const contentRoot = resolve(import.meta.dirname, '../content');
const ctx = loadContext(contentRoot);
const where = relative(cwd, contentDir) || contentDir;
const first = positionals[0];

if (first === undefined) die('usage: npm run import -- hn --thread ID | ashby BOARD… | greenhouse BOARD… | lever SITE… | sources | FILE.csv|FILE.jsonl');
if ((SOURCES as readonly string[]).includes(first!) || first === 'sources') await fromSources();
else fromFile();

/** hn / ashby / greenhouse / lever / sources. */
async function fromSources() {
  const captured = values.captured === 'none' ? undefined : values.captured ?? today();
  if (captured !== undefined && !isIsoDate(captured)) die(`--captured ${JSON.stringify(values.captured)} is not a date written YYYY-MM-DD (or none)`);
  if (values.api !== undefined && !/^https?:\/\/[^/\s]+/.test(values.api)) die(`--api ${JSON.stringify(values.api)} is not an origin such as http://127.0.0.1:8080`);
  const { sources, problems } = readSources(resolve(contentRoot, 'sources.yml'));
  if (problems.length) die(`content/sources.yml: ${problems.map((p) => `line ${p.line}: ${p.message}`).join('; ')}`);
  const common = { api: values.api, captured, everyRole: values['every-role'], dryRun: values['dry-run'], company: values.company, onProgress: (m: string) => console.error(`import: ${m}`) };
  const jobs: SourceImport[] = [];
  if (first === 'sources') {
    if (positionals.length > 1) die('import sources takes no board names: it imports every board of content/sources.yml');
    if (sources?.hn) jobs.push({ ...common, company: undefined, source: 'hn', hn: { latest: true } });
    for (const origin of ['ashby', 'greenhouse', 'lever'] as const) {
      const boards = sources?.boards.filter((b) => b.origin === origin).map((b) => b.board) ?? [];
      if (boards.length) jobs.push({ ...common, company: undefined, source: origin, boards });
    }
  } else if (first === 'hn') {
    const picked = [values.thread !== undefined, values.month !== undefined, values.all, values.latest].filter(Boolean).length;
    if (picked !== 1 || positionals.length > 1) die('usage: npm run import -- hn --thread ID | --month YYYY-MM | --all | --latest');
    let hn: HnSelection;
    if (values.thread !== undefined) {
      if (!/^\d+$/.test(values.thread)) die(`--thread ${JSON.stringify(values.thread)} is not an HN item id`);
      hn = { thread: Number(values.thread) };
    } else if (values.month !== undefined) {
      if (!/^\d{4}-(0[1-9]|1[0-2])$/.test(values.month)) die(`--month ${JSON.stringify(values.month)} is not a month written YYYY-MM`);
      hn = { month: values.month };
    } else hn = values.all ? { all: true } : { latest: true };
    jobs.push({ ...common, source: 'hn', hn });
  } else {
    const boards = positionals.slice(1);
    if (boards.length === 0) die(`usage: npm run import -- ${first} BOARD… [--company NAME]`);
    jobs.push({ ...common, source: first as Source, boards });
  }

  const reports: RunReport[] = [];
  for (const job of jobs) reports.push(await importSource(job, ctx, contentDir, sources));
  const report: RunReport = { written: reports.flatMap((r) => r.written), skipped: reports.flatMap((r) => r.skipped), failures: reports.flatMap((r) => r.failures) };
  const quiet = new Set(['not-ml', 'no-text']);
  for (const s of report.skipped) if (values.verbose || !quiet.has(s.kind)) console.log(`${s.where}: skipped: ${s.reason}`);
  for (const w of report.written) if (w.repost) console.log(`${w.where}: kept as ${w.rel}: ${w.repost}`);
  if (values.verbose) for (const w of report.written) console.log(`${w.where}: ${values['dry-run'] ? 'would write' : 'wrote'} ${w.rel}`);
  for (const f of report.failures) console.error(`${f.where}: failed: ${f.reason}`);
  const table = writtenTable(report.written);
  if (table) console.log(`\n${table}\n`);
  console.log(summaryLine(first!, report, where, values['dry-run']));
  if (report.failures.length) process.exit(1);
}

/** A CSV export or a JSON Lines file. */
function fromFile() {
  if (positionals.length !== 1) die('usage: npm run import -- FILE.csv|FILE.jsonl [--limit N] [--content DIR] [--text-col C …]');
  const limit = values.limit === undefined ? undefined : Number(values.limit);
  if (limit !== undefined && !(Number.isInteger(limit) && limit > 0)) die(`--limit ${JSON.stringify(values.limit)} is not a positive whole number`);
  if (values.captured !== undefined && !isIsoDate(values.captured)) die(`--captured ${JSON.stringify(values.captured)} is not a date written YYYY-MM-DD`);
  const columns: Partial<Record<ImportField, string>> = {};
  for (const f of ['text', 'title', 'company', 'url', 'posted', 'captured'] as const) {
    const v = values[`${f}-col`];
    if (v !== undefined) columns[f] = v;
  }
  const file = positionals[0]!;
  let text = '';
  try { text = readFileSync(resolve(cwd, file), 'utf8'); } catch { die(`cannot read ${file}`); }
  const table = parseImportFile(text, file);

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
  const verb = values['dry-run'] ? 'would write' : 'wrote';
  for (const w of report!.written) {
    console.log(`${file} ${w.where}: ${verb} ${w.rel}${w.notCharted ? ` (not charted: ${w.notCharted})` : ''}`);
    for (const r of w.review) console.log(`  needs a human eye: ${r}`);
  }
  for (const s of report!.skipped) console.log(`${file} ${s.where}: skipped: ${s.reason}`);
  for (const r of report!.reposts) console.log(`${file} ${r.where}: kept as ${r.rel}: ${r.reason}`);
  for (const n of report!.notes) console.log(`${file} ${n.where}: ${n.note}`);
  const skipped = report!.skipped.length ? ` (${skippedSummary(report!.skipped)})` : '';
  const notCharted = report!.written.filter((w) => w.notCharted).length;
  console.log(`import: ${report!.read} rows read: ${report!.written.length} ${values['dry-run'] ? 'would be written' : 'written'} to ${where}${notCharted ? ` (${notCharted} not charted)` : ''}, ${report!.skipped.length} skipped${skipped}, ${report!.reposts.length} reposts kept`);
  const unreadable = report!.skipped.filter((s) => s.kind === 'unreadable').length;
  if (unreadable) {
    console.error(`import: ${unreadable} row${unreadable === 1 ? ' was' : 's were'} unreadable (listed above)`);
    process.exitCode = 1;
  }
}
