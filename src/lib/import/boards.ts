/**
 * Job-board APIs where employers publish their postings with structured pay and work arrangement: Ashby, Greenhouse
 * and Lever. Each maps a board's jobs to candidate postings: the text (HTML → plain text), the board's own title,
 * url and date, and `board` — what the board states in structured form, never read from the text.
 *
 * - Ashby: `GET /posting-api/job-board/<board>?includeCompensation=true` → `{jobs: [...]}`; pay from the Salary
 *   components of `compensation.compensationTiers` (else `summaryComponents`), workplace from `workplaceType`, or
 *   `isRemote: true` → remote (`false` says nothing); jobs with `isListed: false` are skipped.
 * - Greenhouse: `GET /v1/boards/<board>/jobs?content=true`, then each job with `?pay_transparency=true` for
 *   `pay_input_ranges` (amounts in cents); `content` is HTML escaped once more.
 * - Lever: `GET /v0/postings/<site>?mode=json` → an array; `salaryRange` {min, max, currency, interval},
 *   `workplaceType`.
 */
import type { BoardStatement, RemotePolicy } from '../extract/types.ts';

/** The documented origin of each job-board API (`--api` replaces it; the paths stay). */
export const API_ORIGINS = {
  ashby: 'https://api.ashbyhq.com',
  greenhouse: 'https://boards-api.greenhouse.io',
  lever: 'https://api.lever.co',
} as const;
export type BoardSource = keyof typeof API_ORIGINS;

/** What every board importer is told besides the board name. */
export interface BoardOptions {
  /** The company's name (content/sources.yml or --company). */
  company: string;
  /** `captured` for front matter (the fetch date, or a recording's). */
  captured?: string | undefined;
}

/** The day of an ISO timestamp, YYYY-MM-DD, or undefined when it is not one. */
export const isoDay = (s: unknown): string | undefined => (typeof s === 'string' && /^\d{4}-\d{2}-\d{2}/.test(s) ? s.slice(0, 10) : undefined);

/** The board statement with empty parts left out; undefined when it states nothing. */
export const compact = (board: BoardStatement): BoardStatement | undefined => {
  const out: BoardStatement = {};
  if (board.pay?.length) out.pay = board.pay;
  if (board.workplace) out.workplace = board.workplace;
  if (board.locations?.length) out.locations = [...new Set(board.locations)];
  return Object.keys(out).length ? out : undefined;
};

const WORKPLACE: Record<string, RemotePolicy> = { remote: 'remote', hybrid: 'hybrid', onsite: 'onsite', 'on-site': 'onsite', inoffice: 'onsite', office: 'onsite' };
/** A board's workplace word ("Remote", "OnSite", "hybrid") as a policy; undefined for "unspecified" and the like. */
export const workplaceOf = (w: unknown): RemotePolicy | undefined => (typeof w === 'string' ? WORKPLACE[w.toLowerCase().replace(/[\s_]/g, '')] : undefined);

