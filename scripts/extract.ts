/**
 * `npm run --silent extract -- PATH...`: print one JSON object per input (a posting `.md`, a plain `.txt`, or `-`
 * for stdin) on its own line, in the shape shared/DESIGN.md fixes. Unreadable inputs print {source, error}; the
 * command goes on with the rest and exits non-zero at the end.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { loadContext } from '../src/lib/taxonomy.ts';
import { extractInput } from '../src/lib/posting/extract-input.ts';

const paths = process.argv.slice(2);
if (paths.length === 0) {
  console.error('usage: npm run --silent extract -- PATH... (a posting .md, a .txt, or - for stdin)');
  process.exit(2);
}
const cwd = process.env.INIT_CWD ?? process.cwd();
const ctx = loadContext(resolve(import.meta.dirname, '../content'));
let failed = false;
for (const path of paths) {
  let line: unknown;
  try {
    const value = path === '-' ? readFileSync(0, 'utf8') : readFileSync(resolve(cwd, path), 'utf8');
    line = extractInput(value, path, ctx);
  } catch (error) {
    line = { source: path, error: (error as NodeJS.ErrnoException).code === 'ENOENT' ? 'no such file' : String((error as Error).message ?? error) };
  }
  if ('error' in (line as object)) failed = true;
  process.stdout.write(JSON.stringify(line) + '\n');
}
process.exitCode = failed ? 1 : 0;
