/** Lever's postings API: see boards.ts for what is read. */
import type { BoardPay, Period } from '../extract/types.ts';
import { htmlToText } from './html.ts';
import { withOrigin, type JsonClient } from './http.ts';
import type { Candidate } from './run.ts';
import { compact, isoDay, API_ORIGINS, workplaceOf, type BoardOptions } from './boards.ts';


interface LeverPosting {
  id: string; text?: string; hostedUrl?: string; createdAt?: number; description?: string; descriptionPlain?: string;
  lists?: { text?: string; content?: string }[]; additional?: string; workplaceType?: string;
  categories?: { location?: string; allLocations?: string[] };
  salaryRange?: { min?: number; max?: number; currency?: string; interval?: string } | null;
}

const LEVER_INTERVAL: Record<string, Period> = {
  'per-year-salary': 'year', 'per-month-salary': 'month', 'per-week-salary': 'week', 'per-day-wage': 'day', 'per-hour-wage': 'hour',
};

/** Lever's `salaryRange` as board pay (none when its interval is one we cannot annualise, such as one-time). */
export function leverPay(range: LeverPosting['salaryRange']): BoardPay[] {
  if (!range || typeof range.min !== 'number' || range.min <= 0 || !range.currency) return [];
  const period = LEVER_INTERVAL[range.interval ?? ''];
  if (!period) return [];
  const max = typeof range.max === 'number' && range.max >= range.min ? range.max : null;
  return [{ min: range.min, max, currency: range.currency.toUpperCase(), period, label: null }];
}

/** One Lever posting as a candidate: description, then each list under its heading, then the closing text. */
export function leverCandidate(p: LeverPosting, site: string, options: BoardOptions): Candidate {
  const where = `lever ${site} posting ${p.id}`;
  const html = [p.description ?? '', ...(p.lists ?? []).map((l) => `<h3>${l.text ?? ''}</h3><ul>${l.content ?? ''}</ul>`), p.additional ?? ''].join('\n');
  const text = htmlToText(html) || (p.descriptionPlain ?? '').trim();
  if (!text) return { where, skip: 'no-text', reason: 'the posting has no description' };
  if (!p.text?.trim()) return { where, skip: 'no-title', reason: 'the posting has no title' };
  const locations = p.categories?.allLocations?.length ? p.categories.allLocations : p.categories?.location ? [p.categories.location] : [];
  return {
    where,
    input: {
      text, title: p.text.trim(), company: options.company, url: p.hostedUrl,
      posted: typeof p.createdAt === 'number' ? new Date(p.createdAt).toISOString().slice(0, 10) : undefined, captured: options.captured,
      origin: 'lever', board: compact({ pay: leverPay(p.salaryRange), workplace: workplaceOf(p.workplaceType), locations }),
    },
  };
}

/** Every posting of a Lever site as candidate postings. */
export async function leverSite(client: JsonClient, api: string | undefined, site: string, options: BoardOptions): Promise<Candidate[]> {
  const url = withOrigin(`${API_ORIGINS.lever}/v0/postings/${encodeURIComponent(site)}?mode=json`, api);
  const body = await client.getJson<LeverPosting[]>(url);
  if (!Array.isArray(body)) throw new Error(`${url}: the answer is not a list of postings`);
  return body.map((p) => leverCandidate(p, site, options));
}
