/**
 * What a job board states in structured form (front matter `board`, written by the importers) beside what the text
 * states (DESIGN.md, "Imported postings"). The text wins where it states something; the board's statement, the
 * employer's own, fills in where the text states nothing, labelled as such; where both exist they are compared, and
 * /coverage/ counts the disagreements.
 */
import type { Rates } from '../taxonomy.ts';
import { annualise } from '../extract/money.ts';
import type { BoardPay, BoardStatement, Extraction, Pay, Remote } from '../extract/types.ts';

/** Where a shown value comes from: the posting's text, a front-matter correction, or the job board's structured field. */
export type FieldSource = 'text' | 'front-matter' | 'board';

/** Relative difference under which a text figure and a board figure are the same number ("$215K" and 215,000). */
export const AGREE_WITHIN = 0.02;

/**
 * The board's pay ranges as one pay object, shaped like the text's: the ranges of the board's main currency and
 * period (the one most ranges use; the first on a tie), their envelope in `min`/`max`, each range in `ranges` with the
 * board's label as its qualifier. null when the board states no pay.
 * @param pay the board's ranges
 * @param rates exchange rates for the USD view
 * @param date the posting's date (posted, else captured) for the rate in force
 */
export function boardPayToPay(pay: BoardPay[] | undefined, rates: Rates, date: string | null): Pay | null {
  if (!pay || pay.length === 0) return null;
  const key = (p: BoardPay) => `${p.currency}/${p.period}`;
  const counts = new Map<string, number>();
  for (const p of pay) counts.set(key(p), (counts.get(key(p)) ?? 0) + 1);
  const main = [...counts].reduce((best, c) => (c[1] > best[1] ? c : best))[0];
  const same = pay.filter((p) => key(p) === main);
  const min = Math.min(...same.map((p) => p.min));
  const open = same.some((p) => p.max == null);
  const max = open ? null : Math.max(...same.map((p) => p.max!));
  const describe = (p: BoardPay) => `${p.currency} ${p.min}${p.max == null ? '+' : `–${p.max}`} per ${p.period}${p.label ? ` (${p.label})` : ''}`;
  return annualise(
    {
      min, max, currency: same[0]!.currency, period: same[0]!.period,
      evidence: same.map(describe).join('; '),
      rule: 'board',
      ranges: same.map((p) => ({ min: p.min, max: p.max ?? null, qualifier: p.label ?? null, evidence: describe(p) })),
      extras: [],
    },
    rates,
    date,
  );
}

const near = (a: number | null, b: number | null) => (a === null || b === null ? a === b : Math.abs(a - b) <= AGREE_WITHIN * Math.max(a, b));

/**
 * Whether the text's pay and the board's say the same: same currency, and the annual low and high ends within
 * {@link AGREE_WITHIN} of each other (an open end matches only an open end).
 */
export function payAgrees(text: Pay, board: Pay): boolean {
  return text.currency === board.currency && near(text.annualMin, board.annualMin) && near(text.annualMax, board.annualMax);
}

/** The fields the site shows once the board's statement is weighed against the text's. */
export interface Weighed {
  pay: Pay | null;
  paySource: FieldSource | null;
  /** The board's pay as a pay object (whether shown or not), for "stated by the job board" beside the text's. */
  boardPay: Pay | null;
  /** true / false when both the text (or a correction) and the board state pay; null otherwise. */
  payAgrees: boolean | null;
  remote: Remote | null;
  remoteSource: FieldSource | null;
  /** true / false when both the text and the board state a work arrangement; null otherwise. */
  remoteAgrees: boolean | null;
  locations: string[];
  locationsSource: FieldSource | null;
}

/**
 * Weigh an extraction (text plus corrections) against the board's statement.
 * @param x the extraction (its `pay`, `remote`, `locations` are the text's, or a correction's when `overridden` says so)
 * @param rates exchange rates for the board's pay in USD
 */
export function weighBoard(x: Extraction, rates: Rates): Weighed {
  const board: BoardStatement = x.board ?? {};
  const own = (field: string): FieldSource => (x.overridden.includes(field) ? 'front-matter' : 'text');
  const boardPay = boardPayToPay(board.pay, rates, x.posted ?? x.captured);

  let pay = x.pay, paySource: FieldSource | null = x.pay ? own('pay') : null;
  // A correction of `pay: null` says the posting states no pay: the board does not overrule it.
  if (!pay && boardPay && !x.overridden.includes('pay')) { pay = boardPay; paySource = 'board'; }
  const agrees = x.pay && boardPay ? payAgrees(x.pay, boardPay) : null;

  let remote = x.remote, remoteSource: FieldSource | null = x.remote ? own('remote') : null;
  if (!remote && board.workplace && !x.overridden.includes('remote')) {
    remote = { policy: board.workplace, region: null, regions: [], officeDaysPerYear: null, evidence: [], rule: 'board' };
    remoteSource = 'board';
  }
  const remoteAgrees = x.remote && board.workplace ? x.remote.policy === board.workplace : null;

  let locations = x.locations, locationsSource: FieldSource | null = x.locations.length ? own('locations') : null;
  if (!locations.length && board.locations?.length) { locations = board.locations; locationsSource = 'board'; }

  return { pay, paySource, boardPay, payAgrees: agrees, remote, remoteSource, remoteAgrees, locations, locationsSource };
}
