/**
 * Role families as a dimension of every chart, and the per-row fields the site groups by (month, region, pay source).
 * Pure. The six ML families and their labels come from DESIGN.md ("Extract command", `roleFamily`).
 */
import type { PostingRow } from './types.ts';

/** The ML role families, in the order the site shows them. */
export const ML_FAMILIES = ['ml-engineer', 'research-scientist', 'applied-scientist', 'data-scientist', 'ml-platform', 'ai-engineer'] as const;
export type MlFamily = (typeof ML_FAMILIES)[number];

/** Every family's label on the site, ML families and the rest. */
export const FAMILY_LABELS: Record<string, string> = {
  'ml-engineer': 'ML engineer', 'research-scientist': 'Research scientist', 'applied-scientist': 'Applied scientist',
  'data-scientist': 'Data scientist', 'ml-platform': 'ML platform', 'ai-engineer': 'AI engineer',
  'data-engineer': 'Data engineer', 'software-engineer': 'Software engineer', other: 'Other',
};

/** "AI engineer"; "Role not told" for null; an unknown id as itself. */
export const familyLabel = (family: string | null | undefined): string => (family ? FAMILY_LABELS[family] ?? family : 'Role not told');

/** Where a posting's pay comes from: its text, the job board's structured pay, or a front-matter correction. */
export type PaySource = 'text' | 'board' | 'front-matter';

/**
 * A row's pay source: the dataset's `paySource` column when present; otherwise 'text' when the row has pay
 * (datasets written before the column existed), null when it has none.
 */
export function paySourceOf(row: Pick<PostingRow, 'pay'> & { paySource?: PaySource | null }): PaySource | null {
  if (row.paySource !== undefined) return row.paySource;
  return row.pay ? 'text' : null;
}

/** A row's month, "YYYY-MM" (posted, else captured; a month-only date is its month), or null when undated. */
export function monthOf(row: Pick<PostingRow, 'posted' | 'captured'>): string | null {
  const d = row.posted ?? row.captured;
  return d && /^\d{4}-\d{2}/.test(d) ? d.slice(0, 7) : null;
}

/**
 * Where a posting is for: the region a remote role may be done in when stated, else the country of its first
 * location ("San Francisco, CA, US" → "US"); null when neither is known.
 */
export function regionOf(row: Pick<PostingRow, 'remote' | 'locations'>): string | null {
  if (row.remote?.region) return row.remote.region;
  const first = row.locations[0];
  if (!first) return null;
  const last = first.split(',').at(-1)!.trim();
  return last || null;
}

/** How the site names a pay source next to the figure ("stated by the job board"); null for the text itself. */
export function paySourceWords(source: PaySource | null): string | null {
  if (source === 'board') return 'stated by the job board';
  if (source === 'front-matter') return 'corrected in the posting file';
  return null;
}
