/**
 * Browsing postings without JavaScript: the facets (/browse/<facet>/<value>/ pages) and what each lists.
 * Pure; pages call these with the dataset.
 */
import { LEVELS, REMOTE_POLICIES, ROLE_FAMILIES } from '../extract/types.ts';
import type { PostingRow } from '../dataset/types.ts';
import { ML_FAMILIES } from '../dataset/families.ts';
import { levelLabel, policyLabel, roleLabel } from './format.ts';
import { compareText } from '../collate.ts';

/**
 * Postings per page on /postings/ and facet pages. 100 rather than 50: at 100,000 postings the lists run to some
 * 5,000 pages, and each page repeats its header, filters and pager; half as many pages is 27 MB less to publish.
 */
export const PAGE_SIZE = 100;

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

/**
 * A result computed once per list of rows and key: every page of a paginated list (hundreds at 100,000 postings)
 * asks for the same counts, filters and orders, and recomputing them per page made the build quadratic.
 */
function memo<T>(cache: WeakMap<PostingRow[], Map<string, unknown>>, rows: PostingRow[], key: string, make: () => T): T {
  let byKey = cache.get(rows);
  if (!byKey) cache.set(rows, (byKey = new Map()));
  if (!byKey.has(key)) byKey.set(key, make());
  return byKey.get(key) as T;
}
const facetCache = new WeakMap<PostingRow[], Map<string, unknown>>();
const filterCache = new WeakMap<PostingRow[], Map<string, unknown>>();
const sortCache = new WeakMap<PostingRow[], Map<string, unknown>>();

/** Every facet value with how many postings have it (values with none left out). */
export function facetCounts(rows: PostingRow[]): { facet: Facet; values: { value: string; label: string; n: number }[] }[] {
  return memo(facetCache, rows, '', () => FACETS.map((facet) => {
    const counts = new Map<string, number>();
    for (const r of rows) counts.set(facet.of(r), (counts.get(facet.of(r)) ?? 0) + 1);
    return { facet, values: facet.values.map((v) => ({ ...v, n: counts.get(v.value) ?? 0 })).filter((v) => v.n > 0) };
  }));
}

/** The postings with one facet value, in dataset order (newest first). */
export const filterBy = (rows: PostingRow[], facetId: Facet['id'], value: string): PostingRow[] => memo(filterCache, rows, `${facetId}\u0000${value}`, () => {
  const facet = FACETS.find((f) => f.id === facetId);
  return facet ? rows.filter((r) => facet.of(r) === value) : [];
});

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
  return memo(sortCache, rows, sort, () => sorted(rows, sort));
}

/**
 * What the postings list shows in an order: every posting, except that "highest stated pay" lists only the postings
 * that state pay (the rest would follow in newest-first order, repeating /postings/ page after page; the page says how
 * many state none and links the full list).
 */
export function listed(rows: PostingRow[], sort: SortId): PostingRow[] {
  if (sort !== 'pay') return sortRows(rows, sort);
  return memo(sortCache, rows, 'pay-stated', () => sortRows(rows, 'pay').filter((r) => r.pay !== null));
}

function sorted(rows: PostingRow[], sort: SortId): PostingRow[] {
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

/**
 * The page numbers a pager links: the first, the last, and a few around the current one, with null for a gap
 * ("1 … 8 9 [10] 11 12 … 2000"). Every number of 2,000 pages on each of 2,000 pages was 4 million links.
 * @param page the current page
 * @param pages how many pages there are
 * @param around how many on each side of the current one
 */
export function pagerPages(page: number, pages: number, around = 3): (number | null)[] {
  const keep = new Set([1, pages]);
  for (let p = page - around; p <= page + around; p++) if (p >= 1 && p <= pages) keep.add(p);
  const out: (number | null)[] = [];
  let last = 0;
  for (const p of [...keep].sort((a, b) => a - b)) {
    if (p - last > 1) out.push(null);
    out.push(p);
    last = p;
  }
  return out;
}
