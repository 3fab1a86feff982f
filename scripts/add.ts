/**
 * `npm run add -- [--file PATH] [--title T] [--company C] [--captured YYYY-MM-DD] [--posted YYYY-MM-DD] [--url URL]
 * [--slug SLUG] [--yes] [--dry-run] [--content DIR]`: paste a posting (stdin, or --file) and write it to
 * content/postings/<company-slug>/<slug>.md with its front matter filled in and the text exactly as pasted.
 * Prints what the site will show and what needs a human eye. Asks for missing values only when run in a terminal.
 */
import { readFileSync } from 'node:fs';
import { relative, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { createInterface } from 'node:readline';
import * as p from '@clack/prompts';
import { reporter } from 'vfile-reporter';
import { loadContext } from '../src/lib/taxonomy.ts';
import { addPosting, validateAddInput } from '../src/lib/posting/add.ts';
import { today } from '../src/lib/posting/compose.ts';
import { decodeFile } from '../src/lib/posting/checks.ts';
import { guessTitleCompany } from '../src/lib/posting/intake.ts';
import { formatSummary } from '../src/lib/posting/summary.ts';

const { values } = parseArgs({
  options: {
    file: { type: 'string' }, title: { type: 'string' }, company: { type: 'string' }, captured: { type: 'string' },
    posted: { type: 'string' }, url: { type: 'string' }, slug: { type: 'string' }, content: { type: 'string' },
    yes: { type: 'boolean', default: false }, 'dry-run': { type: 'boolean', default: false },
  },
  allowPositionals: false,
});
const cwd = process.env.INIT_CWD ?? process.cwd();
const contentDir = resolve(cwd, values.content ?? process.env.CONTENT_DIR ?? 'content/postings');
const interactive = Boolean(process.stdin.isTTY && process.stdout.isTTY) && !values.yes;
const die = (message: string): never => {
  console.error(`add: ${message}`);
  process.exit(1);
};

/** Read the pasted text: from --file, from piped stdin, or typed/pasted in a terminal until a line holding only `.`. */
async function readText(): Promise<string> {
  if (values.file) {
    const path = resolve(cwd, values.file);
    let bytes: Buffer;
    try { bytes = readFileSync(path); } catch { return die(`cannot read ${values.file}`); }
    const decoded = decodeFile(bytes, values.file);
    if (typeof decoded !== 'string') return die(reporter(decoded, { color: false }).trim());
    return decoded;
  }
  if (!process.stdin.isTTY) return readFileSync(0, 'utf8');
  console.log('Paste the posting, then a line holding only "." (or Ctrl-D):');
  const lines: string[] = [];
  const rl = createInterface({ input: process.stdin, terminal: false });
  for await (const line of rl) {
    if (line === '.') break;
    lines.push(line);
  }
  rl.close();
  return lines.join('\n') + '\n';
}

/** A value from its flag, else from the text, else asked for in a terminal; dies naming the flag otherwise. */
async function settle(name: 'title' | 'company', given: string | undefined, guess: string | null): Promise<string> {
  if (given) return given;
  if (interactive) {
    const answer = await p.text({ message: `${name[0]!.toUpperCase()}${name.slice(1)}?`, initialValue: guess ?? '', validate: (v) => (v && v.trim() ? undefined : `a posting needs a ${name}`) });
    if (p.isCancel(answer)) return die('cancelled');
    return answer;
  }
  if (guess) {
    console.log(`${name} (read from the text): ${guess}`);
    return guess;
  }
  return die(`no ${name}: the text does not name one that extraction can find; give --${name}`);
}

const ctx = loadContext(resolve(import.meta.dirname, '../content'));
const text = await readText();
const early = validateAddInput({ text, captured: values.captured, posted: values.posted, url: values.url, slug: values.slug });
if (early.length) die(early.join('; '));
const guess = guessTitleCompany(text, ctx);
// Without a terminal to ask in, every missing field is named in one message, not one per run.
const missing = (['title', 'company'] as const).filter((k) => !values[k] && !guess[k]);
if (!interactive && missing.length) {
  die(`no ${missing.join(' and no ')}: the text does not name ${missing.length > 1 ? 'them' : 'one'} so that extraction can find ${missing.length > 1 ? 'them' : 'it'}; give ${missing.map((k) => `--${k}`).join(' and ')}`);
}
const title = await settle('title', values.title, guess.title);
const company = await settle('company', values.company, guess.company);
const input = { text, title, company, captured: values.captured ?? today(), posted: values.posted, url: values.url, slug: values.slug };

// Decide without writing first, show what the site will read, then write (after a confirmation in a terminal).
const preview = addPosting(input, ctx, contentDir, true);
if (preview.status === 'refused') {
  if (preview.draft?.file.messages.length) console.error(reporter(preview.draft.file, { color: false }));
  die(preview.reason);
}
if (preview.status === 'refused') process.exit(1);
const shown = relative(cwd, preview.path) || preview.path;
console.log(`${values['dry-run'] ? 'would write' : 'writing'} ${shown}\nwhat the site will show:`);
console.log(preview.draft.extraction ? formatSummary(preview.draft.extraction) : '  (nothing: the file has errors)');
if (preview.repost) console.log(`note: ${preview.repost}`);
if (values['dry-run']) process.exit(0);
if (interactive) {
  const ok = await p.confirm({ message: `Write ${shown}?` });
  if (p.isCancel(ok) || !ok) die('nothing written');
}
const outcome = addPosting(input, ctx, contentDir, false);
if (outcome.status === 'refused') die(outcome.reason);
console.log(`wrote ${shown}; next: npm run check, then open a pull request`);
