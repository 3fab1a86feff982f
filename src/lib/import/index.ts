/**
 * `npm run import -- <source> …`: the importers from where employers publish (Hacker News "Who is hiring?", Ashby,
 * Greenhouse, Lever) into ordinary posting files. HTTP or parse failures are reported by name and the rest goes on;
 * posts skipped by rule (not an ML role, a duplicate, no text) are reported and are not failures.
 */
import type { ExtractContext } from '../taxonomy.ts';
import { ashbyBoard } from './ashby.ts';
import type { BoardSource } from './boards.ts';
import { greenhouseBoard } from './greenhouse.ts';
import { findThreads, hnCandidate, itemUrl, threadMonth, type HnItem, type HnThread } from './hn.ts';
import { jsonClient, type ClientOptions, type JsonClient } from './http.ts';
import { leverSite } from './lever.ts';
import { Admitter, type Candidate, type RunReport } from './run.ts';
import { companyOf, type Sources } from '../sources.ts';

export const SOURCES = ['hn', 'ashby', 'greenhouse', 'lever'] as const;
export type Source = (typeof SOURCES)[number];

/** Which Hacker News threads to import. */
export type HnSelection = { thread: number } | { month: string } | { all: true } | { latest: true };

/** What an import run is asked to do. */
export interface SourceImport {
  source: Source;
  /** hn: which threads. */
  hn?: HnSelection;
  /** ashby / greenhouse / lever: board names (as in the API path). */
  boards?: string[];
  /** The company of the boards, overriding content/sources.yml. */
  company?: string | undefined;
  /** A mirror's origin instead of the live API. */
  api?: string | undefined;
  /** `captured` to write, or undefined to leave it out. */
  captured?: string | undefined;
  everyRole?: boolean | undefined;
  dryRun?: boolean | undefined;
  /** Told of progress ("thread 2019-06: 412 posts"). */
  onProgress?: ((message: string) => void) | undefined;
  client?: ClientOptions | undefined;
}

/**
 * Import from one source into a content folder.
 * @param job what to import
 * @param ctx taxonomy and rates
 * @param contentDir the postings folder
 * @param sources content/sources.yml, for the boards' company names
 */
export async function importSource(job: SourceImport, ctx: ExtractContext, contentDir: string, sources: Sources | null): Promise<RunReport> {
  const client = jsonClient(job.client);
  const admitter = new Admitter(ctx, contentDir, { everyRole: job.everyRole, dryRun: job.dryRun });
  const fail = (where: string, reason: string) => admitter.fail(where, reason);
  if (job.source === 'hn') {
    await importHn(client, job, ctx, admitter);
    return admitter.report;
  }
  for (const board of job.boards ?? []) {
    const company = job.company ?? companyOf(sources, job.source, board);
    if (!company) {
      fail(`${job.source} ${board}`, `no company name for this board: add it to content/sources.yml (origin: ${job.source}, board: ${board}, company: …) or pass --company NAME`);
      continue;
    }
    let candidates: Candidate[];
    try {
      candidates = await boardCandidates(client, job.source, job.api, board, { company, captured: job.captured }, fail);
    } catch (error) {
      fail(`${job.source} ${board}`, (error as Error).message);
      continue;
    }
    job.onProgress?.(`${job.source} ${board}: ${candidates.length} jobs`);
    for (const c of candidates) admitter.admit(c);
  }
  return admitter.report;
}

function boardCandidates(client: JsonClient, source: BoardSource, api: string | undefined, board: string, options: { company: string; captured?: string | undefined }, fail: (where: string, reason: string) => void): Promise<Candidate[]> {
  if (source === 'ashby') return ashbyBoard(client, api, board, options);
  if (source === 'greenhouse') return greenhouseBoard(client, api, board, options, fail);
  return leverSite(client, api, board, options);
}

async function importHn(client: JsonClient, job: SourceImport, ctx: ExtractContext, admitter: Admitter): Promise<void> {
  const sel = job.hn ?? { latest: true };
  let threads: HnThread[];
  try {
    if ('thread' in sel) {
      const item = await client.getJson<HnItem>(itemUrl(job.api, sel.thread));
      const month = threadMonth(item.title);
      if (!month) throw new Error(`item ${sel.thread} is not an "Ask HN: Who is hiring? (Month YYYY)" thread (its title: ${JSON.stringify(item.title ?? null)})`);
      threads = [{ id: item.id, month }];
    } else {
      const all = await findThreads(client, job.api, 'month' in sel ? sel.month : undefined, (w, r) => admitter.fail(w, r));
      if ('month' in sel && all.length === 0) throw new Error(`no "Who is hiring?" thread for ${sel.month} in whoishiring's submissions`);
      threads = 'latest' in sel ? all.slice(0, 1) : all;
    }
  } catch (error) {
    admitter.fail('hn', (error as Error).message);
    return;
  }
  // Oldest first, so a later month's repeat of a post is the repost of the earlier one.
  threads.sort((a, b) => (a.month < b.month ? -1 : a.month > b.month ? 1 : a.id - b.id));
  for (const thread of threads) {
    let kids: number[];
    try {
      const item = await client.getJson<HnItem>(itemUrl(job.api, thread.id));
      kids = item.kids ?? [];
    } catch (error) {
      admitter.fail(`hn item ${thread.id}`, (error as Error).message);
      continue;
    }
    const items = await Promise.all(kids.map((id) => client.getJson<HnItem>(itemUrl(job.api, id)).catch((error: Error) => {
      admitter.fail(`hn item ${id}`, error.message);
      return null;
    })));
    const before = admitter.report.written.length;
    for (const item of items) {
      if (item && typeof item === 'object' && typeof item.id === 'number') admitter.admit(hnCandidate(item, thread, ctx, { everyRole: job.everyRole, captured: job.captured }));
      else if (item) admitter.fail('hn item', `an item that is not an HN item: ${JSON.stringify(item).slice(0, 80)}`);
    }
    job.onProgress?.(`hn ${thread.month} (thread ${thread.id}): ${kids.length} posts, ${admitter.report.written.length - before} written`);
  }
}
