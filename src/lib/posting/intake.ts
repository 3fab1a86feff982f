/**
 * Turning pasted text into a posting file: shared by `add` (one posting) and `import` (many).
 * A draft is validated exactly as `check` would validate the written file.
 */
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import type { VFile } from 'vfile';
import { extractPosting } from '../extract/index.ts';
import { canonicalCompany } from '../extract/company.ts';
import type { BoardStatement, Extraction } from '../extract/types.ts';
import type { ExtractContext } from '../taxonomy.ts';
import { fileChecks } from './checks.ts';
import { loadCollection } from './collection.ts';
import { composePosting, type NewFrontMatter } from './compose.ts';
import { DuplicateIndex, type DupKey } from './duplicates.ts';
import { shortSlug, slugify } from './names.ts';
import { readPosting } from './read.ts';

/** A posting ready to be written, with every message `check` would give it alone. */
export interface Draft {
  /** `<company-slug>/<slug>.md`, relative to the content folder. */
  rel: string;
  /** `<company-slug>/<slug>`. */
  id: string;
  /** The file's contents. */
  content: string;
  /** Messages about the file (errors are fatal). */
  file: VFile;
  /** What the site will read from it; null when the file has errors. */
  extraction: Extraction | null;
  /** Its key for duplicate detection. */
  key: DupKey;
}

/** What is known about a posting before it is written. */
export interface DraftInput {
  /** The posting text exactly as pasted. */
  text: string;
  title: string;
  company: string;
  captured?: string | undefined;
  posted?: string | undefined;
  url?: string | undefined;
  /** Which importer wrote it. */
  origin?: string | undefined;
  /** What the job board states in structured form. */
  board?: BoardStatement | undefined;
  /** The file name without `.md`; the title's slug when not given. */
  slug?: string | undefined;
}

/**
 * Title and company as extraction reads them from bare text, for inputs that do not give them.
 * @param text the posting text
 */
export function guessTitleCompany(text: string, ctx: ExtractContext): { title: string | null; company: string | null } {
  const x = extractPosting({ text, source: '-', id: null }, ctx).extraction;
  return { title: x.title, company: x.company };
}

/** The folder a company's postings go in: the slug of its canonical name. */
export function companyFolder(company: string, ctx: ExtractContext): string {
  return slugify(canonicalCompany(company, ctx.companies));
}

/**
 * Compose, read back and check a posting as `check` would see it at its place, and extract what the site will show.
 * @param input the text and front matter fields
 * @param ctx taxonomy and rates
 */
export function draftPosting(input: DraftInput, ctx: ExtractContext): Draft {
  // The company is written under its canonical name (content/taxonomy/companies.yml), as the site shows it.
  const fm: NewFrontMatter = {
    title: input.title.trim(), company: canonicalCompany(input.company, ctx.companies),
    captured: input.captured, posted: input.posted, url: input.url, origin: input.origin, board: input.board,
  };
  const folder = companyFolder(fm.company, ctx) || 'unknown';
  const slug = input.slug ?? (shortSlug(fm.title) || 'posting');
  const rel = `${folder}/${slug}.md`;
  const id = `${folder}/${slug}`;
  const content = composePosting(fm, input.text);
  const posting = readPosting(content, rel);
  fileChecks({ rel, bytes: Buffer.from(content, 'utf8'), text: content, file: posting.file, frontMatter: posting.frontMatter, ctx });
  const ok = posting.frontMatter && !posting.file.messages.some((m) => m.fatal === true);
  const extraction = ok ? extractPosting({ text: posting.body, source: rel, id, frontMatter: posting.frontMatter }, ctx).extraction : null;
  const key: DupKey = {
    id,
    company: extraction?.company ?? canonicalCompany(fm.company, ctx.companies),
    title: fm.title,
    url: fm.url ?? null,
    date: extraction ? extraction.posted ?? extraction.captured : fm.posted ?? fm.captured ?? null,
    text: input.text,
  };
  return { rel, id, content, file: posting.file, extraction, key };
}

/** The postings already in a content folder, indexed for duplicate detection, and the ids taken. */
export interface ExistingContent {
  index: DuplicateIndex;
  ids: Set<string>;
}

/**
 * Index the postings of a content folder (read and extracted the way `check` does) for duplicate detection.
 * A missing folder is an empty collection.
 */
export function loadExisting(contentDir: string, ctx: ExtractContext): ExistingContent {
  const index = new DuplicateIndex();
  const ids = new Set<string>();
  if (!existsSync(contentDir)) return { index, ids };
  for (const p of loadCollection(contentDir, ctx, contentDir)) {
    ids.add(p.id);
    if (!p.frontMatter) continue;
    const x = p.result?.extraction;
    index.add({
      id: p.id,
      company: x?.company ?? canonicalCompany(p.frontMatter.company, ctx.companies),
      title: p.frontMatter.title,
      url: p.frontMatter.url ?? null,
      date: x ? x.posted ?? x.captured : p.frontMatter.posted ?? p.frontMatter.captured ?? null,
      text: p.body,
    });
  }
  return { index, ids };
}

/** A free file slug for `slug` in `folder`: itself, else `slug-2`, `slug-3` … (checked on disk and in `taken`). */
export function freeSlug(contentDir: string, folder: string, slug: string, taken: Set<string>): string {
  for (let n = 1; ; n++) {
    const s = n === 1 ? slug : `${slug}-${n}`;
    if (!taken.has(`${folder}/${s}`) && !existsSync(join(contentDir, folder, `${s}.md`))) return s;
  }
}

/** Why a posting was not written: a short kind (for counts) and a sentence; the draft, when it got that far. */
export interface Refusal {
  kind: 'invalid' | 'duplicate' | 'not-ml' | 'exists';
  reason: string;
  draft?: Draft;
}

/** A posting that was (or, in a dry run, would be) written. */
export interface Admitted {
  draft: Draft;
  /** Set when it repeats an older posting's text more than 14 days later (kept, as a posting of its own date). */
  repost: string | null;
}

/**
 * Write one posting into a content folder the way `add` and every import do: under its company's folder with a free
 * slug, only when it would pass `check`, is not a duplicate of a posting already there (or admitted earlier in the
 * run), and `accept` (when given) does not refuse it. The file is created, never overwritten.
 * @param input the text and front matter fields
 * @param ctx taxonomy and rates
 * @param contentDir the postings folder
 * @param existing the postings already there, updated with the one admitted
 * @param options `dryRun` decides without writing; `accept` returns a reason to refuse a checked draft, or null;
 *   `exactSlug` takes the slug as given (or made from the title) and refuses when that file exists (`add`), where
 *   imports take the next free one
 */
export function admitPosting(
  input: DraftInput,
  ctx: ExtractContext,
  contentDir: string,
  existing: ExistingContent,
  options: { dryRun?: boolean | undefined; accept?: ((draft: Draft) => Refusal | null) | undefined; exactSlug?: boolean } = {},
): Admitted | Refusal {
  const folder = companyFolder(input.company, ctx);
  if (!folder) return { kind: 'invalid', reason: `company ${JSON.stringify(input.company)} has no ASCII letters or digits for a folder name; add an ASCII alias to content/taxonomy/companies.yml` };
  const wanted = input.slug ?? (shortSlug(input.title) || 'posting');
  const slug = options.exactSlug ? wanted : freeSlug(contentDir, folder, wanted, existing.ids);
  const draft = draftPosting({ ...input, slug }, ctx);
  const errors = draft.file.messages.filter((m) => m.fatal === true);
  if (errors.length) return { kind: 'invalid', reason: `would not pass check: ${errors.map((m) => `${m.line}:${m.column} ${m.reason}`).join('; ')}`, draft };
  const refused = options.accept?.(draft);
  if (refused) return refused;
  // A duplicate is said first: re-adding a posting that is already there is a duplicate, not a name clash.
  const match = existing.index.find(draft.key);
  if (match?.kind === 'duplicate') return { kind: 'duplicate', reason: match.reason, draft };
  if (existsSync(join(contentDir, draft.rel)) || existing.ids.has(draft.id)) {
    return { kind: 'exists', reason: `${draft.rel} already exists, with another posting; refusing to overwrite it (give another --slug)`, draft };
  }
  if (!options.dryRun) {
    const path = join(contentDir, draft.rel);
    mkdirSync(dirname(path), { recursive: true });
    writeFileSync(path, draft.content, { flag: 'wx' });
  }
  existing.index.add(draft.key);
  existing.ids.add(draft.id);
  return { draft, repost: match?.kind === 'repost' ? match.reason : null };
}

/** True when {@link admitPosting} refused the posting. */
export const isRefusal = (a: Admitted | Refusal): a is Refusal => 'kind' in a;
