/**
 * The logic of `npm run add`: one pasted posting → one file under the content folder, refused when it would overwrite
 * a file, fail `check`, or duplicate a posting already there.
 */
import { join } from 'node:path';
import type { ExtractContext } from '../taxonomy.ts';
import { isIsoDate } from './compose.ts';
import { admitPosting, isRefusal, loadExisting, type Draft, type DraftInput } from './intake.ts';
import { KEBAB } from './names.ts';

/** What `add` decided. */
export type AddOutcome =
  | { status: 'written' | 'dry-run'; draft: Draft; path: string; repost: string | null }
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
 * Admit a posting the way every import does ({@link admitPosting}), under exactly the slug given (or made from its
 * title): refused when it has errors, duplicates a posting in `contentDir` or would overwrite a file; otherwise
 * written (unless `dryRun`).
 * @param input the text and front matter fields (title and company already settled)
 * @param ctx taxonomy and rates
 * @param contentDir the postings folder
 * @param dryRun when true, decide but write nothing
 */
export function addPosting(input: DraftInput, ctx: ExtractContext, contentDir: string, dryRun = false): AddOutcome {
  const problems = validateAddInput(input);
  if (problems.length) return { status: 'refused', reason: problems.join('; '), draft: null };
  const admitted = admitPosting(input, ctx, contentDir, loadExisting(contentDir, ctx), { dryRun, exactSlug: true });
  if (isRefusal(admitted)) {
    const reason = admitted.kind === 'duplicate' ? `refusing to add a ${admitted.reason}` : admitted.kind === 'invalid' ? `the file ${admitted.reason}` : admitted.reason;
    return { status: 'refused', reason, draft: admitted.draft ?? null };
  }
  return { status: dryRun ? 'dry-run' : 'written', draft: admitted.draft, path: join(contentDir, admitted.draft.rel), repost: admitted.repost };
}
