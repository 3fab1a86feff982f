/**
 * `npm run pr-summary -- [--base REF] [--worktree]`: for each posting file a pull request adds or changes (git diff
 * against the base), a table row of what the site will read from it; for hundreds of files, totals and the rows that
 * need a human eye. Appends to $GITHUB_STEP_SUMMARY when set (the job summary), else prints to stdout. The base
 * defaults to origin/$GITHUB_BASE_REF, else origin/main. `--worktree` compares the working tree instead of HEAD,
 * new untracked files included (the refresh workflow summarises what an import just wrote, before it is committed).
 */
import { appendFileSync, existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { execFileSync } from 'node:child_process';
import { parseArgs } from 'node:util';
import { loadContext } from '../src/lib/taxonomy.ts';
import { extractInput } from '../src/lib/posting/extract-input.ts';
import { summaryMarkdown, type SummaryItem } from '../src/lib/posting/pr-summary.ts';

const { values } = parseArgs({ options: { base: { type: 'string' }, worktree: { type: 'boolean', default: false } }, allowPositionals: false });
const root = resolve(import.meta.dirname, '..');
const base = values.base ?? `origin/${process.env.GITHUB_BASE_REF || 'main'}`;
const git = (...args: string[]) => execFileSync('git', args, { cwd: root, encoding: 'utf8', maxBuffer: 256 * 1024 * 1024 }).split('\n');
const changed = [...new Set(values.worktree
  ? [...git('diff', '--name-only', '--diff-filter=AMR', base, '--', 'content/postings'), ...git('ls-files', '--others', '--exclude-standard', '--', 'content/postings')]
  : git('diff', '--name-only', '--diff-filter=AMR', `${base}...HEAD`, '--', 'content/postings'))].filter((p) => p.endsWith('.md')).sort();
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
