/**
 * content/sources.yml: the job boards the atlas follows (read by the importers and the weekly refresh workflow) and
 * the batches already imported (shown on /about/). Written by people, never by a command; `npm run check` checks it.
 */
import { existsSync, readFileSync } from 'node:fs';
import { LineCounter, parseDocument } from 'yaml';
import { z } from 'zod';

const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'must be a date written YYYY-MM-DD');

/** One board to follow. */
export const boardEntry = z
  .object({
    /** Which API serves it. */
    origin: z.enum(['ashby', 'greenhouse', 'lever']),
    /** The board's name as in the API path (Ashby job board, Greenhouse board token, Lever site). */
    board: z.string().min(1),
    /** The employer's name as the site shows it (the APIs name no company). */
    company: z.string().trim().min(1),
  })
  .strict();

/** One batch imported into content/ (shown on /about/ with its source and capture date). */
export const batchEntry = z
  .object({
    origin: z.enum(['hn', 'ashby', 'greenhouse', 'lever', 'file']),
    /** What was imported, in a sentence. */
    what: z.string().min(1),
    /** Where the data came from (an API, a recording of it). */
    from: z.string().min(1),
    /** When the data was fetched; null when not known (the HN recordings kept no fetch dates). */
    captured: isoDate.nullable(),
    /** When it was imported into content/. */
    imported: isoDate,
    /** The command that imported it. */
    command: z.string().min(1),
  })
  .strict();

export const sourcesFileSchema = z
  .object({
    /** Follow the "Who is hiring?" threads of Hacker News each month. */
    hn: z.boolean().default(false),
    boards: z.array(boardEntry).default([]),
    batches: z.array(batchEntry).default([]),
  })
  .strict();
export type Sources = z.output<typeof sourcesFileSchema>;
export type BoardEntry = z.output<typeof boardEntry>;

/** A problem in sources.yml with its line. */
export interface SourcesProblem { line: number; message: string }

/**
 * Read and check content/sources.yml: YAML, the schema, and no board listed twice. A missing file is an empty list.
 * @param path the file
 * @returns the sources (null when unusable) and every problem with its line
 */
export function readSources(path: string): { sources: Sources | null; problems: SourcesProblem[] } {
  if (!existsSync(path)) return { sources: { hn: false, boards: [], batches: [] }, problems: [] };
  const text = readFileSync(path, 'utf8');
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter, prettyErrors: false });
  if (doc.errors.length) {
    return { sources: null, problems: doc.errors.map((e) => ({ line: lineCounter.linePos(e.pos[0]).line, message: `not valid YAML: ${e.message.split('\n')[0]}` })) };
  }
  const lineOf = (path: (string | number)[]) => {
    for (let p = path; p.length; p = p.slice(0, -1)) {
      const node = doc.getIn(p, true) as { range?: [number, number, number] } | undefined;
      if (node && typeof node === 'object' && node.range) return lineCounter.linePos(node.range[0]).line;
    }
    return 1;
  };
  const parsed = sourcesFileSchema.safeParse(doc.toJS());
  if (!parsed.success) {
    return {
      sources: null,
      problems: parsed.error.issues.map((i) => ({ line: lineOf(i.path as (string | number)[]), message: `${i.path.length ? `\`${i.path.join('.')}\` ` : ''}${i.message}` })),
    };
  }
  const problems: SourcesProblem[] = [];
  const seen = new Map<string, number>();
  parsed.data.boards.forEach((b, i) => {
    const key = `${b.origin}/${b.board.toLowerCase()}`;
    if (seen.has(key)) problems.push({ line: lineOf(['boards', i]), message: `${b.origin} board ${JSON.stringify(b.board)} is listed twice (first as boards.${seen.get(key)})` });
    else seen.set(key, i);
  });
  return { sources: parsed.data, problems };
}

/** The company name sources.yml gives a board, or null. */
export function companyOf(sources: Sources | null, origin: string, board: string): string | null {
  return sources?.boards.find((b) => b.origin === origin && b.board.toLowerCase() === board.toLowerCase())?.company ?? null;
}
