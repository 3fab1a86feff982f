/**
 * `npm run check -- [--content DIR]`: validate every posting under content/postings (or DIR, or $CONTENT_DIR) and the
 * taxonomy, print each message with its file, line:column and rule, then one line accounting for every file.
 * Exits 1 when any file has errors; warnings do not fail.
 */
import { parseArgs } from 'node:util';
import { resolve } from 'node:path';
import { runCheck } from '../src/lib/posting/run-check.ts';

const { values } = parseArgs({ options: { content: { type: 'string' } }, allowPositionals: false });
// The flag wins over CONTENT_DIR; relative paths are taken from where the command was run (INIT_CWD under npm).
const cwd = process.env.INIT_CWD ?? process.cwd();
const contentDir = resolve(cwd, values.content ?? process.env.CONTENT_DIR ?? 'content/postings');
const outcome = runCheck(contentDir, resolve(import.meta.dirname, '../content'), cwd, Boolean(process.stdout.isTTY));
if (outcome.report) process.stdout.write(outcome.report + '\n');
(outcome.failed ? console.error : console.log)(outcome.summary);
process.exitCode = outcome.failed ? 1 : 0;
