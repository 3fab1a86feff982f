/** Greenhouse's job board API: see boards.ts for what is read. */
import type { BoardPay, Period } from '../extract/types.ts';
import { htmlToText, unescapeOnce } from './html.ts';
import { withOrigin, type JsonClient } from './http.ts';
import type { Candidate } from './run.ts';
import { compact, isoDay, API_ORIGINS, type BoardOptions } from './boards.ts';


interface GreenhouseRange { min_cents?: number; max_cents?: number; currency_type?: string; title?: string | null; blurb?: string | null }
interface GreenhouseJob {
  id: number; title?: string; absolute_url?: string; content?: string; first_published?: string | null; company_name?: string;
  location?: { name?: string } | null; offices?: { name?: string; location?: string | null }[]; pay_input_ranges?: GreenhouseRange[];
}

/**
 * Greenhouse pay ranges as board pay. The API gives amounts in cents and a currency but no period: a range is hourly
 * when its title or blurb says so ("hour", "hourly"), else yearly (Greenhouse's pay-transparency ranges are salaries).
 */
export function greenhousePay(ranges: GreenhouseRange[] | undefined): BoardPay[] {
  return (ranges ?? []).flatMap((r) => {
    if (typeof r.min_cents !== 'number' || r.min_cents <= 0 || !r.currency_type) return [];
    const words = `${r.title ?? ''} ${r.blurb ?? ''}`;
    const period: Period = /\bhour(?:ly)?\b/i.test(words) ? 'hour' : 'year';
    const max = typeof r.max_cents === 'number' && r.max_cents >= r.min_cents ? r.max_cents / 100 : null;
    return [{ min: r.min_cents / 100, max, currency: r.currency_type.toUpperCase(), period, label: r.title?.trim() || null }];
  });
}

/** One Greenhouse job (from the list with content, and its own item with pay) as a candidate posting. */
export function greenhouseCandidate(job: GreenhouseJob, ranges: GreenhouseRange[] | undefined, board: string, options: BoardOptions): Candidate {
  const where = `greenhouse ${board} job ${job.id}`;
  const text = job.content ? htmlToText(unescapeOnce(job.content)) : '';
  if (!text) return { where, skip: 'no-text', reason: 'the job has no content' };
  if (!job.title?.trim()) return { where, skip: 'no-title', reason: 'the job has no title' };
  const locations = [job.location?.name, ...(job.offices ?? []).map((o) => o.location ?? o.name)].filter((l): l is string => typeof l === 'string' && l.trim() !== '').map((l) => l.trim());
  return {
    where,
    input: {
      text, title: job.title.trim(), company: options.company, url: job.absolute_url, posted: isoDay(job.first_published), captured: options.captured,
      origin: 'greenhouse', board: compact({ pay: greenhousePay(ranges), locations }),
    },
  };
}

/** Every job of a Greenhouse board as candidate postings; a job whose pay item cannot be read is reported and kept without board pay. */
export async function greenhouseBoard(client: JsonClient, api: string | undefined, board: string, options: BoardOptions, onFailure: (where: string, reason: string) => void): Promise<Candidate[]> {
  const base = `${API_ORIGINS.greenhouse}/v1/boards/${encodeURIComponent(board)}/jobs`;
  const list = await client.getJson<{ jobs?: GreenhouseJob[] }>(withOrigin(`${base}?content=true`, api));
  if (!list || !Array.isArray(list.jobs)) throw new Error(`${withOrigin(base, api)}: the answer has no \`jobs\` list`);
  return Promise.all(list.jobs.map(async (job) => {
    let ranges: GreenhouseRange[] | undefined;
    try {
      ranges = (await client.getJson<GreenhouseJob>(withOrigin(`${base}/${job.id}?pay_transparency=true`, api))).pay_input_ranges;
    } catch (error) {
      onFailure(`greenhouse ${board} job ${job.id}`, (error as Error).message);
    }
    return greenhouseCandidate(job, ranges, board, { ...options, company: options.company || job.company_name || board });
  }));
}

