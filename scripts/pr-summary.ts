/**
 * `npm run pr-summary -- [--base REF]`: for each posting file a pull request adds or changes (git diff against the
 * base), a table row of what the site will read from it. Appends to $GITHUB_STEP_SUMMARY when set (the job summary),
 * else prints to stdout. The base defaults to origin/$GITHUB_BASE_REF, else origin/main.
 */
import { appendFileSync, existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { execFileSync } from 'node:child_process';
import { parseArgs } from 'node:util';
import { loadContext } from '../src/lib/taxonomy.ts';
import { extractInput } from '../src/lib/posting/extract-input.ts';
import { summaryMarkdown, type SummaryItem } from '../src/lib/posting/pr-summary.ts';

const { values } = parseArgs({ options: { base: { type: 'string' } }, allowPositionals: false });
const root = resolve(import.meta.dirname, '..');
const base = values.base ?? `origin/${process.env.GITHUB_BASE_REF || 'main'}`;
const changed = execFileSync('git', ['diff', '--name-only', '--diff-filter=AMR', `${base}...HEAD`, '--', 'content/postings'], { cwd: root, encoding: 'utf8' })
  .split('\n').filter((p) => p.endsWith('.md'));
const ctx = loadContext(resolve(root, 'content'));
const items: SummaryItem[] = changed.filter((p) => existsSync(resolve(root, p))).map((path) => {
  try {
    return { path, result: extractInput(readFileSync(resolve(root, path), 'utf8'), path, ctx) };
  } catch (error) {
    return { path, result: { source: path, error: (error as Error).message } };
  }
});
const markdown = summaryMarkdown(items);
if (process.env.GITHUB_STEP_SUMMARY) appendFileSync(process.env.GITHUB_STEP_SUMMARY, markdown);
else process.stdout.write(markdown);
