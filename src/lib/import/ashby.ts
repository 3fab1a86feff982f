/** Ashby's public posting API: see boards.ts for what is read. */
import type { BoardPay, Period } from '../extract/types.ts';
import { htmlToText } from './html.ts';
import { withOrigin, type JsonClient } from './http.ts';
import type { Candidate } from './run.ts';
import { compact, isoDay, API_ORIGINS, workplaceOf, type BoardOptions } from './boards.ts';


interface AshbyComponent { compensationType?: string; interval?: string; currencyCode?: string | null; minValue?: number | null; maxValue?: number | null }
interface AshbyJob {
  id: string; title?: string; location?: string; secondaryLocations?: { location?: string }[]; isListed?: boolean; isRemote?: boolean | null;
  workplaceType?: string | null; publishedAt?: string; jobUrl?: string; descriptionHtml?: string; descriptionPlain?: string;
  shouldDisplayCompensationOnJobPostings?: boolean;
  compensation?: { compensationTiers?: { title?: string | null; components?: AshbyComponent[] }[]; summaryComponents?: AshbyComponent[] } | null;
}

const ASHBY_INTERVAL: Record<string, Period> = { '1 YEAR': 'year', '1 MONTH': 'month', '2 WEEK': 'biweekly', '1 WEEK': 'week', '1 DAY': 'day', '1 HOUR': 'hour' };

/** The Salary components of an Ashby job's compensation as board pay (other components — equity, bonus — are not base pay). */
export function ashbyPay(job: AshbyJob): BoardPay[] {
  if (job.shouldDisplayCompensationOnJobPostings === false || !job.compensation) return [];
  const salary = (c: AshbyComponent, label: string | null): BoardPay | null => {
    const period = ASHBY_INTERVAL[c.interval ?? ''];
    if (c.compensationType !== 'Salary' || !period || !c.currencyCode || !(typeof c.minValue === 'number' && c.minValue > 0)) return null;
    const max = typeof c.maxValue === 'number' && c.maxValue >= c.minValue ? c.maxValue : null;
    return { min: c.minValue, max, currency: c.currencyCode.toUpperCase(), period, label };
  };
  const tiers = job.compensation.compensationTiers ?? [];
  const fromTiers = tiers.flatMap((t) => (t.components ?? []).map((c) => salary(c, t.title?.trim() || null))).filter((p): p is BoardPay => p !== null);
  if (fromTiers.length) return fromTiers;
  return (job.compensation.summaryComponents ?? []).map((c) => salary(c, null)).filter((p): p is BoardPay => p !== null);
}

/** One Ashby job as a candidate posting. */
export function ashbyCandidate(job: AshbyJob, board: string, options: BoardOptions): Candidate {
  const where = `ashby ${board} job ${job.id}`;
  if (job.isListed === false) return { where, skip: 'unlisted', reason: 'isListed: false (the board does not list it)' };
  const text = job.descriptionHtml?.trim() ? htmlToText(job.descriptionHtml) : (job.descriptionPlain ?? '').trim();
  if (!text) return { where, skip: 'no-text', reason: 'the job has no description' };
  if (!job.title?.trim()) return { where, skip: 'no-title', reason: 'the job has no title' };
  const workplace = workplaceOf(job.workplaceType) ?? (job.isRemote === true ? 'remote' : undefined);
  const locations = [job.location, ...(job.secondaryLocations ?? []).map((l) => l.location)].filter((l): l is string => typeof l === 'string' && l.trim() !== '').map((l) => l.trim());
  return {
    where,
    input: {
      text, title: job.title.trim(), company: options.company, url: job.jobUrl, posted: isoDay(job.publishedAt), captured: options.captured,
      origin: 'ashby', board: compact({ pay: ashbyPay(job), workplace, locations }),
    },
  };
}

/** Every job of an Ashby board as candidate postings. */
export async function ashbyBoard(client: JsonClient, api: string | undefined, board: string, options: BoardOptions): Promise<Candidate[]> {
  const url = withOrigin(`${API_ORIGINS.ashby}/posting-api/job-board/${encodeURIComponent(board)}?includeCompensation=true`, api);
  const body = await client.getJson<{ jobs?: AshbyJob[] }>(url);
  if (!body || !Array.isArray(body.jobs)) throw new Error(`${url}: the answer has no \`jobs\` list`);
  return body.jobs.map((job) => ashbyCandidate(job, board, options));
}

