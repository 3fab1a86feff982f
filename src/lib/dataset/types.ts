import type { Extraction } from '../extract/types.ts';

/** One posting as the datasets carry it: the extract contract plus what the site needs to show it. */
export interface PostingRow extends Extraction {
  /** `<company>/<slug>`; always set in datasets. */
  id: string;
  /** Path of the posting file relative to the content folder. */
  file: string;
  /** Where the posting was found (front matter `url`). */
  url: string | null;
  /** The cleaned text (mojibake and HTML repaired, job-board chrome set aside); evidence spans are substrings of it. */
  text: string;
  /** Blocks set aside by cleaning, with why. */
  removed: { reason: string; text: string }[];
  /** Why the charts leave it out (not an ML role, …), or null when it is charted. */
  excluded: string | null;
  /** When pay is null but the text talks about pay, the sentence that does (for /coverage/). */
  payMention: string | null;
  /** Check warnings for this posting (repost, odd pay …). */
  warnings: string[];
}

/** public/data/postings.json. */
export interface Dataset {
  /** The latest posted/captured date in the corpus ("data as of"); never the build date. */
  asOf: string | null;
  counts: { files: number; postings: number; ml: number; excluded: number; warnings: number; errors: number };
  /** Newest first (by posted, else captured; undated last), then by id. */
  postings: PostingRow[];
}
