/**
 * Duplicates and reposts (shared/DESIGN.md): two postings with the same company and title and near-identical text,
 * or with the same url, dated within 14 days of each other (or either undated) are duplicates. The same posting (same
 * company, title and text, or same url) more than 14 days later is a repost.
 *
 * "Near-identical" is measured as the Jaccard similarity of the two texts' word 3-shingles (sets of three consecutive
 * normalised words) and must be at least {@link SIMILAR}. Texts shorter than three words compare their word sets.
 */

import { hash } from 'node:crypto';

/** Jaccard similarity at or above which two texts count as the same text. */
export const SIMILAR = 0.9;
/** Days apart within which a match is a duplicate rather than a repost. */
export const WINDOW_DAYS = 14;
const K = 3;

/** Lowercase words of a text, NFKC-folded, punctuation and markup dropped. */
export function words(text: string): string[] {
  return text.normalize('NFKC').toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? [];
}

/** The set of word k-shingles of a text (its word set when it is shorter than k words). */
export function shingles(text: string, k = K): Set<string> {
  const w = words(text);
  if (w.length < k) return new Set(w.length ? [w.join(' ')] : []);
  const out = new Set<string>();
  for (let i = 0; i + k <= w.length; i++) out.add(w.slice(i, i + k).join(' '));
  return out;
}

/** Jaccard similarity |A∩B| / |A∪B| of two sets; 1 for two empty sets. */
export function jaccard(a: Set<string>, b: Set<string>): number {
  if (a.size === 0 && b.size === 0) return 1;
  const [small, large] = a.size <= b.size ? [a, b] : [b, a];
  let both = 0;
  for (const x of small) if (large.has(x)) both++;
  return both / (a.size + b.size - both);
}

/** A url reduced to what identifies the page: host lowercased, fragment, tracking parameters and trailing slash dropped. */
export function normaliseUrl(url: string): string {
  try {
    const u = new URL(url);
    u.hash = '';
    for (const key of [...u.searchParams.keys()]) {
      if (/^(utm_|ref$|source$|src$|gh_src$|trk)/i.test(key)) u.searchParams.delete(key);
    }
    const path = u.pathname.replace(/\/+$/, '');
    return `${u.protocol}//${u.host.toLowerCase()}${path}${u.search}`;
  } catch {
    return url.trim();
  }
}

const fold = (s: string) => s.normalize('NFKC').toLowerCase().replace(/\s+/g, ' ').trim();

/** What duplicate detection needs to know about one posting. */
export interface DupKey {
  /** How to name it in messages, e.g. `pinterest/staff-mle` or `row 12`. */
  id: string;
  company: string | null;
  title: string | null;
  url: string | null;
  /** `posted`, else `captured`; null when undated. */
  date: string | null;
  /** The posting text (the body as pasted). */
  text: string;
  /**
   * What the posting was made from, when known: the same identity means the same company, title, url, date and text
   * (the data step gives each file's cache key: its path and bytes, under the fingerprint of the code and taxonomy).
   */
  identity?: string | undefined;
}

interface Entry extends DupKey {
  companyKey: string | null;
  titleKey: string | null;
  urlKey: string | null;
  day: Day | null;
  /** The same number for the same text: texts are compared by it, not character by character, once they are known. */
  textId: number;
}

/** How a posting relates to an earlier one. */
export interface DupMatch {
  kind: 'duplicate' | 'repost';
  /** The other posting's id. */
  other: string;
  /** A sentence saying why, for messages. */
  reason: string;
  /** Similarity of the texts (0..1). */
  similarity: number;
}

/**
 * Whole days between two dates (absolute), or null when either is missing. A date may be a month (YYYY-MM, when
 * only the month is known): it counts as the 1st, except that two dates in the same month are 0 days apart.
 */
export function daysApart(a: string | null, b: string | null): number | null {
  return gapOf(dayOf(a), dayOf(b));
}

/** A date as daysApart compares it: its time, its month, and whether only the month is known. */
interface Day { time: number; month: string; monthOnly: boolean }

const dayOf = (d: string | null): Day | null =>
  d ? { time: Date.parse(`${d.length === 7 ? `${d}-01` : d}T00:00:00Z`), month: d.slice(0, 7), monthOnly: d.length === 7 } : null;

function gapOf(a: Day | null, b: Day | null): number | null {
  if (!a || !b) return null;
  if ((a.monthOnly || b.monthOnly) && a.month === b.month) return 0;
  return Math.abs(a.time - b.time) / 86_400_000;
}

/**
 * The number of each distinct text, found by its length and first characters and then compared whole: a map keyed by
 * the texts themselves made V8 hash every character of every posting (30 ms over 10,000).
 */
class TextIds {
  private readonly byProbe = new Map<string, { text: string; id: number }[]>();
  private count = 0;

  of(text: string): number {
    const probe = `${text.length}\u0000${text.slice(0, 48)}`;
    let seen = this.byProbe.get(probe);
    if (!seen) this.byProbe.set(probe, (seen = []));
    let known = seen.find((s) => s.text === text);
    if (!known) seen.push((known = { text, id: this.count++ }));
    return known.id;
  }
}

/** {@link fold}, once per distinct name: a collection repeats its companies and titles (NFKC costs). */
function folder(): (s: string) => string {
  const folded = new Map<string, string>();
  return (s) => {
    let f = folded.get(s);
    if (f === undefined) folded.set(s, (f = fold(s)));
    return f;
  };
}

/** The keys a posting is bucketed by: its company and title folded, its url normalised. */
type Keys = Pick<Entry, 'companyKey' | 'titleKey' | 'urlKey'>;

function keysOf(key: DupKey, fold: (s: string) => string): Keys {
  return {
    companyKey: key.company ? fold(key.company) : null,
    titleKey: key.title ? fold(key.title) : null,
    urlKey: key.url ? normaliseUrl(key.url) : null,
  };
}

function prepare(key: DupKey, textIds: TextIds, fold: (s: string) => string, keys = keysOf(key, fold)): Entry {
  return { ...key, textId: textIds.of(key.text), ...keys, day: dayOf(key.date) };
}

/** How a posting relates to an earlier one, before it is put in words (most relations found are never reported). */
interface Relation {
  kind: DupMatch['kind'];
  other: Entry;
  similarity: number;
  sameUrl: boolean;
  gap: number | null;
}

/**
 * How `a` relates to the earlier `b`.
 * @param similar a's similarity to texts already compared with it (many earlier postings repeat one text)
 * @param setOf the shingle set of a posting's text
 */
function relate(a: Entry, b: Entry, similar: Map<number, number>, setOf: (e: Entry) => Set<string>): Relation | null {
  const sameUrl = a.urlKey !== null && a.urlKey === b.urlKey;
  const sameCompany = a.companyKey !== null && a.companyKey === b.companyKey;
  if (!sameUrl && !sameCompany) return null;
  const sameTitle = sameCompany && a.titleKey !== null && a.titleKey === b.titleKey;
  let similarity = 0;
  if (sameTitle) {
    let known = similar.get(b.textId);
    if (known === undefined || (known === FAR && sameUrl)) {
      // The same text (a repost) is similarity 1 without building shingle sets.
      if (a.textId === b.textId) known = 1;
      else {
        const sa = setOf(a), sb = setOf(b);
        // Sets whose sizes differ by more than a tenth cannot be 90% the same: the exact figure is needed only when the
        // url matches anyway (it ranks reposts).
        known = !sameUrl && Math.min(sa.size, sb.size) < SIMILAR * Math.max(sa.size, sb.size) ? FAR : jaccard(sa, sb);
      }
      similar.set(b.textId, known);
    }
    similarity = known === FAR ? 0 : known;
  }
  const sameText = similarity >= SIMILAR;
  if (!sameUrl && !(sameTitle && sameText)) return null;
  const gap = gapOf(a.day, b.day);
  return { kind: gap === null || gap <= WINDOW_DAYS ? 'duplicate' : 'repost', other: b, similarity, sameUrl, gap };
}

/** A relation put in words. */
function described(r: Relation): DupMatch {
  const { kind, other, similarity, gap } = r;
  const what = r.sameUrl ? 'same url' : `same company and title, ${Math.round(similarity * 100)}% of the text the same`;
  const when = gap === null ? 'one or both undated' : `dated ${gap} day${gap === 1 ? '' : 's'} apart`;
  if (kind === 'duplicate') return { kind, other: other.id, similarity, reason: `duplicate of ${other.id} (${what}, ${when})` };
  return { kind, other: other.id, similarity, reason: `repost of ${other.id} (${what}, ${when}); kept as a posting of its own date` };
}

/** A similarity known to be under {@link SIMILAR} without computing it. */
const FAR = -1;

/** The bucket of postings that can share text with this one: same company and same title. */
const textKey = (e: Keys) => (e.companyKey && e.titleKey ? `${e.companyKey}\u0000${e.titleKey}` : null);

/**
 * An index of postings seen so far, bucketed by company + title and by url, so a new posting is compared only with
 * postings it could match (never the whole collection: a collection of 100,000 stays linear).
 */
export class DuplicateIndex {
  private byText = new Map<string, Entry[]>();
  private byUrl = new Map<string, Entry[]>();
  private readonly textIds: TextIds;
  private readonly fold: (s: string) => string;
  /**
   * Shingle sets by text, made on a text's first comparison: most postings are never compared (100,000 sets would not
   * fit), and reposts of one text share one.
   */
  private sets = new Map<number, Set<string>>();
  private readonly setOf = (e: Entry): Set<string> => {
    let set = this.sets.get(e.textId);
    if (!set) this.sets.set(e.textId, (set = shingles(e.text)));
    return set;
  };

  /**
   * @param textIds how texts are numbered, and `fold` how names are folded: {@link duplicateMatches} shares its own
   *   across the indexes of its groups (a text's number is only ever compared with numbers from the same numbering)
   */
  constructor(textIds = new TextIds(), fold = folder()) {
    this.textIds = textIds;
    this.fold = fold;
  }

  /** Add a posting to the index. */
  add(key: DupKey): void {
    this.put(prepare(key, this.textIds, this.fold));
  }

  private put(e: Entry): void {
    const k = textKey(e);
    if (k) push(this.byText, k, e);
    if (e.urlKey) push(this.byUrl, e.urlKey, e);
  }

  /**
   * The strongest relation of `key` to a posting already in the index: a duplicate if there is one, else the
   * closest repost, else null.
   */
  find(key: DupKey): DupMatch | null {
    return this.match(prepare(key, this.textIds, this.fold));
  }

  /**
   * {@link find}, then {@link add}: a collection checked in date order, each posting against those before it.
   * @param keys the posting's bucket keys, when worked out already ({@link duplicateMatches} groups by them)
   */
  findAndAdd(key: DupKey, keys?: Keys): DupMatch | null {
    const e = prepare(key, this.textIds, this.fold, keys);
    const m = this.match(e);
    this.put(e);
    return m;
  }

  private match(e: Entry): DupMatch | null {
    const k = textKey(e);
    const byText = k ? this.byText.get(k) : undefined, byUrl = e.urlKey ? this.byUrl.get(e.urlKey) : undefined;
    // Most postings are the first of their company and title, and have no url: nothing to compare.
    if (!byText && !byUrl) return null;
    // A posting in both lists is compared once.
    const seen = byText && byUrl ? new Set<Entry>() : null;
    const similar = new Map<number, number>();
    let best: Relation | null = null;
    for (const others of [byText, byUrl]) {
      for (const other of others ?? []) {
        if (seen) {
          if (seen.has(other)) continue;
          seen.add(other);
        }
        const r = relate(e, other, similar, this.setOf);
        if (!r) continue;
        if (r.kind === 'duplicate') return described(r);
        if (!best || r.similarity > best.similarity) best = r;
      }
    }
    return best && described(best);
  }
}

function push<K, V>(map: Map<K, V[]>, key: K, value: V) {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

/** Relations found before, by the postings they were found among (see {@link duplicateMatches}). */
export interface DuplicateMemo {
  get(signature: string): (DupMatch | null)[] | undefined;
  set(signature: string, matches: (DupMatch | null)[]): void;
}

/**
 * What {@link DuplicateIndex.findAndAdd} gives each posting of `keys` in turn (the order they are checked in),
 * worked out group by group. A posting can only relate to one that shares its company and title, or its url, so the
 * collection falls into groups linked that way, each settled on its own: a posting alone in its group relates to
 * nothing, and a group whose postings all have the identities they had when `memo` learned its relations (the same
 * files, in the same order, nothing added or gone) has those relations still. After one file changes, only its
 * group is compared again.
 */
export function duplicateMatches(keys: DupKey[], memo?: DuplicateMemo): (DupMatch | null)[] {
  const textIds = new TextIds(), fold = folder();
  const bucketed = keys.map((k) => keysOf(k, fold));
  // Union-find over the shared company + title and url keys; each group is listed in checking order.
  const parent = keys.map((_, i) => i);
  const root = (i: number): number => {
    while (parent[i] !== i) i = parent[i] = parent[parent[i]!]!;
    return i;
  };
  const firstWith = new Map<string, number>();
  const link = (key: string, i: number) => {
    const j = firstWith.get(key);
    if (j === undefined) firstWith.set(key, i);
    else parent[root(i)] = root(j);
  };
  bucketed.forEach((b, i) => {
    const t = textKey(b);
    if (t) link(`t${t}`, i);
    if (b.urlKey) link(`u${b.urlKey}`, i);
  });
  const groups = new Map<number, number[]>();
  keys.forEach((_, i) => push(groups, root(i), i));
  const out: (DupMatch | null)[] = keys.map(() => null);
  for (const members of groups.values()) {
    if (members.length < 2) continue;
    const ids = memo ? members.map((i) => keys[i]!.identity) : [];
    const signature = memo && ids.every((id) => id !== undefined) ? hash('sha256', ids.join('\n')) : undefined;
    const known = signature === undefined ? undefined : memo!.get(signature);
    if (known?.length === members.length) {
      members.forEach((i, k) => (out[i] = known[k]!));
      continue;
    }
    const index = new DuplicateIndex(textIds, fold);
    const found = members.map((i) => index.findAndAdd(keys[i]!, bucketed[i]));
    members.forEach((i, k) => (out[i] = found[k]!));
    if (signature !== undefined) memo!.set(signature, found);
  }
  return out;
}
