/** Result of cleaning a raw posting text. */
export interface Cleaned {
  /** The posting's own text after repair (mojibake, entities, tags), chrome set aside. Evidence spans are substrings of this. */
  text: string;
  /** Blocks set aside as job-board chrome or other postings, with the reason. */
  removed: { reason: string; text: string }[];
}

/** PLACEHOLDER (to be replaced by the extraction work): returns the text unchanged. */
export function clean(raw: string): Cleaned {
  return { text: raw, removed: [] };
}
