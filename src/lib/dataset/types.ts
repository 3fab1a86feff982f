import type { Extraction, Pay } from '../extract/types.ts';
import type { FieldSource } from './board.ts';

/** One posting as the datasets carry it: the extract contract plus what the site needs to show it. */
export interface PostingRow extends Extraction {
  /** `<company>/<slug>`; always set in datasets. */
  id: string;
  /** Path of the posting file relative to the content folder. */
  file: string;
  /** Where the posting was found (front matter `url`). */
  url: string | null;
  /**
   * The cleaned text (mojibake and HTML repaired, job-board chrome set aside); evidence spans are substrings of it.
   * Built for every posting, but not published in postings.json: the site keeps it in posting-texts.jsonl (outside
   * the published data), for the postings whose pages show their text (see `textShown`).
   */
  text?: string;
  /** Blocks set aside by cleaning, with why (kept with the text). */
  removed?: { reason: string; text: string }[];
  /** Whether the posting's page shows its full text (the newest postings; see src/lib/dataset/write.ts). */
  textShown?: boolean;
  /** Why the charts leave it out (not an ML role, …), or null when it is charted. */
  excluded: string | null;
  /** When pay is null but the text talks about pay, the sentence that does (for /coverage/). */
  payMention: string | null;
  /** Check warnings for this posting (repost, odd pay …). */
  warnings: string[];
  /**
   * Where `pay` comes from: the text, a front-matter correction, or the job board's structured pay (used only where the
   * text states none; shown as "stated by the job board"); null when nobody states pay. In the datasets `pay` is the
   * pay the site shows; the text's own is the trace's.
   */
  paySource: FieldSource | null;
  /** The board's structured pay as a pay object, whether or not it is the one shown; null when the board states none. */
  boardPay: Pay | null;
  /** When both the text and the board state pay: whether they agree (same currency, ends within 2%); else null. */
  payAgrees: boolean | null;
  /** Where `remote` comes from (the board's `workplace` only where the text states no arrangement). */
  remoteSource: FieldSource | null;
  /** When both the text and the board state a work arrangement: whether the policies agree; else null. */
  remoteAgrees: boolean | null;
  /** Where `locations` come from (the board's only where the text names none). */
  locationsSource: FieldSource | null;
}

/** public/data/postings.json. */
export interface Dataset {
  /** The latest posted/captured date in the corpus ("data as of"); never the build date. */
  asOf: string | null;
  counts: { files: number; postings: number; ml: number; excluded: number; warnings: number; errors: number };
  /** Newest first (by posted, else captured; undated last), then by id. */
  postings: PostingRow[];
}
