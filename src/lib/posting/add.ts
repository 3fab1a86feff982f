/**
 * The logic of `npm run add`: one pasted posting → one file under the content folder, refused when it would overwrite
 * a file, fail `check`, or duplicate a posting already there.
 */
import { mkdirSync, writeFileSync, existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import type { ExtractContext } from '../taxonomy.ts';
import { isIsoDate } from './compose.ts';
import { draftPosting, loadExisting, type Draft, type DraftInput } from './intake.ts';
import type { DupMatch } from './duplicates.ts';
import { KEBAB } from './names.ts';

/** What `add` decided. */
export type AddOutcome =
  | { status: 'written' | 'dry-run'; draft: Draft; path: string; repost: DupMatch | null }
  | { status: 'refused'; reason: string; draft: Draft | null };

/**
 * Check the values given for a new posting before drafting it: dates are YYYY-MM-DD, the slug kebab-case.
 * Returns the problems as sentences naming the flag.
 */
export function validateAddInput(input: Partial<DraftInput>): string[] {
  const problems: string[] = [];
  for (const key of ['captured', 'posted'] as const) {
    const v = input[key];
    if (v !== undefined && !isIsoDate(v)) problems.push(`--${key} ${JSON.stringify(v)} is not a date written YYYY-MM-DD`);
  }
  if (input.slug !== undefined && !KEBAB.test(input.slug)) problems.push(`--slug ${JSON.stringify(input.slug)} is not lowercase kebab-case ASCII (e.g. staff-ml-engineer)`);
  if (input.url !== undefined && !/^https?:\/\//i.test(input.url)) problems.push(`--url ${JSON.stringify(input.url)} is not an http(s) URL`);
  if (input.text !== undefined && input.text.trim() === '') problems.push('the posting text is empty');
  return problems;
}

/**
 * Draft a posting, refuse it when it has errors, would overwrite a file or duplicates a posting in `contentDir`,
 * and otherwise write it (unless `dryRun`).
 * @param input the text and front matter fields (title and company already settled)
 * @param ctx taxonomy and rates
 * @param contentDir the postings folder
 * @param dryRun when true, decide but write nothing
 */
export function addPosting(input: DraftInput, ctx: ExtractContext, contentDir: string, dryRun = false): AddOutcome {
  const problems = validateAddInput(input);
  if (problems.length) return { status: 'refused', reason: problems.join('; '), draft: null };
  const draft = draftPosting(input, ctx);
  const errors = draft.file.messages.filter((m) => m.fatal === true);
  if (errors.length) return { status: 'refused', reason: `the file would not pass check: ${errors.map((m) => m.reason).join('; ')}`, draft };
  const path = join(contentDir, draft.rel);
  // A duplicate is said first: re-adding a posting that is already there is a duplicate, not a name clash.
  const existing = loadExisting(contentDir, ctx);
  const match = existing.index.find(draft.key);
  if (match?.kind === 'duplicate') return { status: 'refused', reason: `refusing to add a ${match.reason}`, draft };
  if (existsSync(path)) return { status: 'refused', reason: `${draft.rel} already exists, with another posting; refusing to overwrite it (give another --slug)`, draft };
  if (!dryRun) {
    mkdirSync(dirname(path), { recursive: true });
    writeFileSync(path, draft.content, { flag: 'wx' });
  }
  return { status: dryRun ? 'dry-run' : 'written', draft, path, repost: match };
}
