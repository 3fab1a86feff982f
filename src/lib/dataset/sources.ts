/**
 * Where the postings come from (public/data/sources.json): per origin (Hacker News, Ashby, …, or added by hand) and
 * year, how many postings and ML postings there are and how many state pay in the text or through the board; the
 * batches imported (content/sources.yml); and how often the text and the board's structured statement disagree.
 */
import type { Dataset, PostingRow } from './types.ts';
import { datingOf } from './build.ts';

/** One batch imported into content/, as content/sources.yml records it. */
export interface Batch {
  origin: string;
  what: string;
  from: string;
  captured: string | null;
  imported: string;
  command: string;
}

/** Counts for one origin, overall and per year. */
export interface OriginCounts {
  /** `hn`, `ashby`, `greenhouse`, `lever`, `file`, or `manual` for postings added by hand (`npm run add`). */
  origin: string;
  postings: number;
  ml: number;
  /** ML postings whose text states pay. */
  textPay: number;
  /** ML postings whose board states pay (whether or not the text does too). */
  boardPay: number;
  /** First and last posting date. */
  first: string | null;
  last: string | null;
  byYear: { year: string; ml: number; textPay: number; boardPay: number }[];
}

/** public/data/sources.json. */
export interface SourceSummary {
  origins: OriginCounts[];
  batches: Batch[];
  /** Postings where both the text and the board state pay / a work arrangement, and how many of those disagree. */
  disagreements: { pay: { both: number; disagree: number; ids: string[] }; remote: { both: number; disagree: number; ids: string[] } };
}

/** The origin a posting row is counted under. */
export const originOf = (r: Pick<PostingRow, 'origin'>) => r.origin ?? 'manual';

const ORDER = ['hn', 'ashby', 'greenhouse', 'lever', 'file', 'manual'];
const byKey = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/**
 * Summarise where the dataset's postings come from.
 * @param dataset the built dataset
 * @param batches the batches content/sources.yml records
 */
export function buildSourceSummary(dataset: Dataset, batches: Batch[]): SourceSummary {
  const groups = new Map<string, PostingRow[]>();
  for (const r of dataset.postings) {
    const o = originOf(r);
    const group = groups.get(o);
    if (group) group.push(r);
    else groups.set(o, [r]);
  }
  const origins: OriginCounts[] = [...groups].map(([origin, rows]) => {
    const ml = rows.filter((r) => r.excluded === null);
    const textPay = (r: PostingRow) => r.paySource === 'text' || r.paySource === 'front-matter' || r.payAgrees !== null;
    const boardPay = (r: PostingRow) => Boolean(r.board?.pay?.length);
    const years = new Map<string, PostingRow[]>();
    for (const r of ml) {
      const d = datingOf(r);
      if (!d) continue;
      const year = years.get(d.slice(0, 4));
      if (year) year.push(r);
      else years.set(d.slice(0, 4), [r]);
    }
    const dates = rows.map(datingOf).filter((d): d is string => d !== null).sort();
    return {
      origin, postings: rows.length, ml: ml.length, textPay: ml.filter(textPay).length, boardPay: ml.filter(boardPay).length,
      first: dates[0] ?? null, last: dates.at(-1) ?? null,
      byYear: [...years].sort((a, b) => byKey(a[0], b[0])).map(([year, rs]) => ({ year, ml: rs.length, textPay: rs.filter(textPay).length, boardPay: rs.filter(boardPay).length })),
    };
  }).sort((a, b) => (ORDER.indexOf(a.origin) - ORDER.indexOf(b.origin)) || byKey(a.origin, b.origin));
  const both = (key: 'payAgrees' | 'remoteAgrees') => {
    const rows = dataset.postings.filter((r) => r[key] !== null);
    const off = rows.filter((r) => r[key] === false).map((r) => r.id).sort(byKey);
    return { both: rows.length, disagree: off.length, ids: off };
  };
  return { origins, batches, disagreements: { pay: both('payAgrees'), remote: both('remoteAgrees') } };
}
