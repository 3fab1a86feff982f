/**
 * Browsing postings without JavaScript: the facets (/browse/<facet>/<value>/ pages) and what each lists.
 * Pure; pages call these with the dataset.
 */
import { LEVELS, REMOTE_POLICIES, ROLE_FAMILIES } from '../extract/types.ts';
import type { PostingRow } from '../dataset/types.ts';
import { ML_FAMILIES } from '../dataset/families.ts';
import { levelLabel, policyLabel, roleLabel } from './format.ts';
import { compareText } from '../collate.ts';

/** Postings per page on /postings/ and facet pages. */
export const PAGE_SIZE = 50;

/** A way to narrow the list: by level, role family or remote policy. */
export interface Facet {
  /** URL segment: /browse/<id>/<value>/. */
  id: 'level' | 'role' | 'remote';
  label: string;
  values: { value: string; label: string }[];
  /** The facet value a posting has ("not-stated" when none). */
  of: (r: PostingRow) => string;
}

/** The facets, in the order the filter bar shows them. */
export const FACETS: Facet[] = [
  {
    id: 'level', label: 'Level',
    values: [...LEVELS.map((l) => ({ value: l, label: levelLabel(l) })), { value: 'not-stated', label: 'Not stated' }],
    of: (r) => r.level ?? 'not-stated',
  },
  {
    id: 'role', label: 'Role',
    values: [...[...new Set<string>([...ML_FAMILIES, ...ROLE_FAMILIES])].map((f) => ({ value: f, label: roleLabel(f) })), { value: 'not-stated', label: 'Not told' }],
    of: (r) => r.roleFamily ?? 'not-stated',
  },
  {
    id: 'remote', label: 'Work arrangement',
    values: [...REMOTE_POLICIES.map((p) => ({ value: p, label: policyLabel(p) })), { value: 'not-stated', label: 'Not stated' }],
    of: (r) => r.remote?.policy ?? 'not-stated',
  },
];

/** Every facet value with how many postings have it (values with none left out). */
export function facetCounts(rows: PostingRow[]): { facet: Facet; values: { value: string; label: string; n: number }[] }[] {
  return FACETS.map((facet) => ({
    facet,
    values: facet.values
      .map((v) => ({ ...v, n: rows.filter((r) => facet.of(r) === v.value).length }))
      .filter((v) => v.n > 0),
  }));
}

/** The postings with one facet value, in dataset order (newest first). */
export const filterBy = (rows: PostingRow[], facetId: Facet['id'], value: string): PostingRow[] => {
  const facet = FACETS.find((f) => f.id === facetId);
  return facet ? rows.filter((r) => facet.of(r) === value) : [];
};

/** The number of pages a list of `n` postings takes (at least 1, so an empty list still has its page). */
export const pageCount = (n: number): number => Math.max(1, Math.ceil(n / PAGE_SIZE));

/** Page `page` (1-based) of `rows`. */
export const pageOf = <T>(rows: T[], page: number): T[] => rows.slice((page - 1) * PAGE_SIZE, page * PAGE_SIZE);

/** The orders the postings list comes in; the first is /postings/ itself, the others /postings/sort/<id>/. */
export const SORTS = [
  { id: 'newest', label: 'Newest first' },
  { id: 'pay', label: 'Highest stated pay' },
  { id: 'company', label: 'Company A–Z' },
] as const;
export type SortId = (typeof SORTS)[number]['id'];

/**
 * Postings in one order: newest (the dataset's own order), highest stated pay (annual USD high end, else low end;
 * no pay last), or company A–Z (then newest). Stable: ties keep the dataset's order.
 */
export function sortRows(rows: PostingRow[], sort: SortId): PostingRow[] {
  if (sort === 'newest') return rows;
  const index = new Map(rows.map((r, i) => [r.id, i]));
  const top = (r: PostingRow) => r.pay?.annualMaxUsd ?? r.pay?.annualMinUsd ?? -1;
  const cmp = sort === 'pay'
    ? (a: PostingRow, b: PostingRow) => top(b) - top(a)
    : (a: PostingRow, b: PostingRow) => compareText(a.company ?? '\uffff', b.company ?? '\uffff');
  return [...rows].sort((a, b) => cmp(a, b) || index.get(a.id)! - index.get(b.id)!);
}

/**
 * The path (without base) of page `page` of the postings list in an order: page 1 is /postings/, then
 * /postings/page/2/ …; another order lives at /postings/sort/<order>/ and /postings/sort/<order>/page/2/ …
 */
export const postingsPagePath = (page: number, sort: SortId = 'newest'): string => {
  const root = sort === 'newest' ? 'postings/' : `postings/sort/${sort}/`;
  return page <= 1 ? root : `${root}page/${page}/`;
};
