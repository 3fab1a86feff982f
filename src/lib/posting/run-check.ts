import { existsSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { reporter } from 'vfile-reporter';
import { VFile } from 'vfile';
import { loadContext, type ExtractContext } from '../taxonomy.ts';
import { readSources } from '../sources.ts';
import { fail } from './read.ts';
import { loadCollection, tally } from './collection.ts';
import { taxonomyChecks } from './taxonomy-checks.ts';

/** The outcome of `check`: the report to print, its last line, and whether it found errors. */
export interface CheckOutcome {
  /** vfile-reporter output for every file with a message (empty when all is well). */
  report: string;
  /** One line accounting for every file: read, ok, with warnings, with errors. */
  summary: string;
  failed: boolean;
}

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;

/**
 * Validate every posting under `contentDir` and the taxonomy under `contentRoot`, as `npm run check` does.
 * @param contentDir the postings folder
 * @param contentRoot the folder holding taxonomy/ and rates.yml
 * @param displayRoot paths in messages are relative to it
 * @param color ANSI colours in the report
 */
export function runCheck(contentDir: string, contentRoot: string, displayRoot = process.cwd(), color = false): CheckOutcome {
  if (!existsSync(contentDir) || !statSync(contentDir).isDirectory()) {
    return { report: '', summary: `check: no postings folder at ${relative(displayRoot, contentDir) || contentDir} (give --content DIR or set CONTENT_DIR)`, failed: true };
  }
  let ctx: ExtractContext;
  try {
    ctx = loadContext(contentRoot);
  } catch (error) {
    return { report: '', summary: `check: cannot read the taxonomy: ${(error as Error).message}`, failed: true };
  }
  const loaded = loadCollection(contentDir, ctx, displayRoot);
  const counts = tally(loaded);
  const taxonomy = taxonomyChecks(ctx, contentRoot, displayRoot);
  const sources = sourcesCheck(contentRoot, displayRoot);
  const noisy: VFile[] = [...loaded.map((p) => p.file), ...taxonomy, sources].filter((f) => f.messages.length > 0);
  for (const f of noisy) f.messages.sort((a, b) => (a.line ?? 0) - (b.line ?? 0) || (a.column ?? 0) - (b.column ?? 0));
  const report = noisy.length ? reporter(noisy, { color, quiet: true }) : '';
  const taxWarnings = taxonomy.reduce((n, f) => n + f.messages.length, 0);
  const summary =
    `check: ${plural(counts.files, 'file')} read: ${counts.ok} ok, ${counts.withWarnings} with warnings, ${counts.withErrors} with errors` +
    ` (${plural(counts.errors, 'error')}, ${plural(counts.warnings, 'warning')})` +
    (taxWarnings ? `; taxonomy and rates: ${plural(taxWarnings, 'warning')}` : '') +
    (sources.messages.length ? `; content/sources.yml: ${plural(sources.messages.length, 'error')}` : '');
  return { report, summary, failed: counts.errors > 0 || sources.messages.length > 0 };
}

/** content/sources.yml's problems (YAML, schema, a board listed twice) as errors on its file. */
function sourcesCheck(contentRoot: string, displayRoot: string): VFile {
  const full = join(contentRoot, 'sources.yml');
  const file = new VFile({ path: relative(displayRoot, full) || full, value: existsSync(full) ? readFileSync(full, 'utf8') : '' });
  for (const p of readSources(full).problems) fail(file, p.message, { line: p.line, column: 1 }, 'sources');
  return file;
}
