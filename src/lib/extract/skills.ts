/**
 * Skills a posting asks for, matched against content/taxonomy/skills.yml.
 *
 * Each skill compiles once (cached by the identity of the skills array) into one RegExp over its synonyms:
 * whole words, case-insensitive unless the skill is `caseSensitive` ("Go", "R", "Rust"); spaces and hyphens in a
 * synonym match a space or hyphen or nothing ("few-shot" = "few shot" = "fewshot"); a plural "s" is allowed on
 * synonyms of three or more characters. A match inside a guard phrase ("let go", "R&D", "spark joy",
 * "LLM-powered productivity tools") does not count. Results come in taxonomy order, one hit per skill, with the
 * first matched span as evidence.
 */
import type { Skill } from '../taxonomy.ts';
import type { SkillHit } from './types.ts';

/** Every fixed RegExp this module uses (checked for ReDoS by test/extract/redos.test.ts). Per-skill ones are built by {@link compileSkill}. */
export const PATTERNS = {
  /** Characters to escape in a synonym. */
  special: /[.*+?^${}()|[\]\\]/g,
  /** Runs of spaces/hyphens inside a synonym. */
  gap: /[ \t-]+/g,
  /** What separates the items of a list in running text. */
  listBreak: /[,;:()\/\n•]|\band\b|\bor\b/g,
  /** What opens a parenthesised list of teams: "cross-functional teams (…", "partners (…". */
  teamsBefore: /\b(?:teams|partners|stakeholders|functions|orgs|organi[sz]ations|departments)[ \t]{0,3}(?:such[ \t]as[ \t]{0,3}|like[ \t]{0,3}|including[ \t]{0,3})?$/i,
  /** A run of capitalised words (a name: "Computer Science", "Related Pins", "Homefeed"). */
  capitalisedRun: /^(?:[A-Z][\w&'’.-]{0,30})(?:[ \t]{1,3}(?:[A-Z&][\w&'’.-]{0,30}))*$/,
};

/** A skill's matchers. */
export interface Compiled {
  skill: Skill;
  /**
   * The skill's RegExp (global), built when first needed: the prefilter and `quick` do nearly all the matching, and
   * V8 takes about a third of a millisecond to build each one (its Unicode classes), in every thread.
   */
  readonly re: RegExp;
  /** `re` made sticky, built when first needed: what {@link matchAt} gives, and asks when `quick` cannot tell. */
  readonly sticky: RegExp;
  /** `sticky` with ASCII classes in its lookbehind and lookahead (see {@link matchAt}). */
  quick: RegExp;
  /** The guard phrases' RegExp (global), built when first needed; null when the skill has none. */
  readonly guard: RegExp | null;
  /** `guard` with ASCII classes in its lookbehinds and lookaheads (see {@link guardSpans}). */
  quickGuard: RegExp | null;
}

/** How many leading characters of a synonym's first word the prefilter looks up. */
const KEY = 3;
const WORD = /[\p{L}\p{N}_]/u;
const SPACE = /\s/;
const WORD_CHAR = 1, SPACE_CHAR = 2, OTHER_CHAR = 3;
/** What each UTF-16 code unit is (WORD, SPACE, or neither), filled in as met: 0 when not yet known. */
const KINDS = new Uint8Array(65536);
function kindOf(c: number): number {
  let k = KINDS[c]!;
  if (k === 0) {
    const ch = String.fromCharCode(c);
    k = KINDS[c] = WORD.test(ch) ? WORD_CHAR : SPACE.test(ch) ? SPACE_CHAR : OTHER_CHAR;
  }
  return k;
}

/**
 * Up to `KEY` UTF-16 code units as one number, distinct for each length and units. ASCII units are packed seven bits
 * each beside the length, a number below 2^23 that V8 keeps as a small integer: `wordStarts` makes one at nearly every
 * word start, and wider numbers were allocated on the heap each time and hashed as doubles. Other units are spread over
 * a range of their own per length (1: < 2^16, 2: < 2^32, 3: < 2^48), above 2^24.
 */
function keyOf(s: string, at: number, len: number): number {
  let k = 0;
  for (let j = 0; j < len; j++) {
    const c = s.charCodeAt(at + j);
    if (c > 0x7f) return wideKey(s, at, len);
    k |= c << (7 * j);
  }
  return k | (len << 21);
}

function wideKey(s: string, at: number, len: number): number {
  let k = s.charCodeAt(at);
  for (let j = 1, scale = 65536; j < len; j++, scale *= 65536) k += (s.charCodeAt(at + j) + 1) * scale;
  return 2 ** 24 + k;
}

/**
 * Where each key occurs at a possible word start (the text's start, or after a character that is no letter, digit or
 * underscore: the skill regexes' own lookbehind), in the lowercased text. Positions ascend. One pass over the text
 * replaces a scan of the whole text per skill, which was most of the cost of matching skills.
 */
function wordStarts(lower: string, t: CompiledTaxonomy): Map<number, number[]> {
  const { byKey: keys, lengths, smallKeys } = t;
  const out = new Map<number, number[]>();
  let prevWord = false;
  for (let i = 0; i < lower.length; i++) {
    const c = lower.charCodeAt(i);
    // Looked up here, and classified by kindOf only the first time a character is met: this loop runs for every
    // character of every posting, and a call per character was most of its cost before V8 optimised it.
    const kind = KINDS[c] || kindOf(c);
    // The key lengths some synonym has that start with this character (none for most punctuation).
    const fits = lengths[c]!;
    if (fits && !prevWord && kind !== SPACE_CHAR) {
      for (let len = 1; len <= KEY && i + len <= lower.length; len++) {
        if (!(fits & (1 << (len - 1)))) continue;
        const k = keyOf(lower, i, len);
        // Only keys some synonym starts with: most of a text's word starts begin no skill, which the bit set of the
        // small keys tells without a look in the map.
        if (k < SMALL_KEYS ? !(smallKeys[k >>> 3]! & (1 << (k & 7))) : !keys.has(k)) continue;
        const at = out.get(k);
        if (at) at.push(i);
        else out.set(k, [i]);
      }
    }
    prevWord = kind === WORD_CHAR;
  }
  return out;
}

const escape = (s: string) => s.replace(PATTERNS.special, '\\$&');

/** One synonym as a pattern: escaped, gaps flexible, optional plural. */
function synonymPattern(syn: string): string {
  const parts = syn.trim().split(PATTERNS.gap).map(escape);
  // Between words: a space, a hyphen, or nothing. A single optional char class: no nested quantifiers.
  let body = parts.join('[\\s-]?');
  if (/[A-Za-z]$/.test(syn) && syn.length >= 3) body += '(?:s|es)?';
  return body;
}

/**
 * The lookbehind and lookaheads of word ends: with Unicode classes (what a word is), or with ASCII classes, which V8
 * compiles far faster and which decide alike wherever the neighbour is ASCII (see {@link matchAt}).
 */
const WORD_ENDS = {
  unicode: { before: '(?<![\\p{L}\\p{N}_])', after: '(?![\\p{L}\\p{N}_])', afterSkill: '(?![\\p{L}\\p{N}_+#])' },
  ascii: { before: '(?<![A-Za-z0-9_])', after: '(?![A-Za-z0-9_])', afterSkill: '(?![A-Za-z0-9_+#])' },
};

interface SkillPattern {
  /** The synonyms' pattern (global, with `flags`), and the same with ASCII word ends. */
  source: string;
  quickSource: string;
  flags: string;
  /** The guard phrases' pattern (flags `giu`), and the same with ASCII word ends; null when the skill has no guards. */
  guardSource: string | null;
  quickGuardSource: string | null;
}

/** A skill's patterns. */
function skillPattern(skill: Skill): SkillPattern {
  // Labels are for display ("Optimization" would match far too much); only synonyms are matched.
  const syns = [...new Set(skill.synonyms)].sort((a, b) => b.length - a.length);
  if (!syns.length) return { source: '(?!)', quickSource: '(?!)', flags: 'g', guardSource: null, quickGuardSource: null };
  const body = syns.map(synonymPattern).join('|');
  const flags = skill.caseSensitive ? 'gu' : 'giu';
  const synonyms = ({ before, afterSkill }: typeof WORD_ENDS.ascii) => `${before}(?:${body})${afterSkill}`;
  // Guards are whole words at their word ends only: "(R)" may follow "Python" directly. Neighbours that need the same
  // ends share one lookbehind and one lookahead, tried in the same order: every Unicode class costs V8 time to compile.
  const runs: { pre: boolean; post: boolean; alts: string[] }[] = [];
  for (const g of skill.guards) {
    const pre = /^[\p{L}\p{N}_]/u.test(g), post = /[\p{L}\p{N}_]$/u.test(g);
    const last = runs.at(-1);
    if (last && last.pre === pre && last.post === post) last.alts.push(synonymPattern(g));
    else runs.push({ pre, post, alts: [synonymPattern(g)] });
  }
  const guards = ({ before, after }: typeof WORD_ENDS.ascii) =>
    runs.length ? runs.map((r) => `${r.pre ? before : ''}(?:${r.alts.join('|')})${r.post ? after : ''}`).join('|') : null;
  return {
    source: synonyms(WORD_ENDS.unicode), quickSource: synonyms(WORD_ENDS.ascii), flags,
    guardSource: guards(WORD_ENDS.unicode), quickGuardSource: guards(WORD_ENDS.ascii),
  };
}

/**
 * Every skill compiled; for every key some synonym starts with, those synonyms by skill (what `wordStarts` indexes);
 * and by a key's first character, the lengths of the keys that start with it (bit `len - 1`).
 */
interface CompiledTaxonomy {
  all: Compiled[];
  byKey: Map<number, Opening[]>;
  lengths: Uint8Array;
  /** The keys of `byKey` below {@link SMALL_KEYS} (the ASCII ones), as a bit set. */
  smallKeys: Uint8Array;
}

/** Keys of ASCII units are below this (see {@link keyOf}). */
const SMALL_KEYS = 1 << 23;

/**
 * The synonyms that open with one first word (as written for case-sensitive skills, lowercased for the rest): which
 * skill each belongs to and its second word, if any. "model serving", "model inference", "modern C++" and the rest of
 * one key are looked for by their few first words, not one by one.
 */
interface Opening {
  first: string;
  caseSensitive: boolean;
  then: { skill: number; second: string | null }[];
}

const cache = new WeakMap<Skill[], CompiledTaxonomy>();

/** One skill's matchers, apart from any taxonomy's (exported for tests and for the ReDoS check). */
export function compileSkill(skill: Skill): Compiled {
  const { source, quickSource, flags, guardSource, quickGuardSource } = skillPattern(skill);
  const sticky = flags.replace('g', 'y');
  let re: RegExp | undefined, full: RegExp | undefined, guard: RegExp | undefined;
  return {
    skill, quick: new RegExp(quickSource, sticky), quickGuard: quickGuardSource === null ? null : new RegExp(quickGuardSource, 'giu'),
    get sticky() { return (full ??= new RegExp(source, sticky)); },
    get re() { return (re ??= new RegExp(source, flags)); },
    get guard() { return guardSource === null ? null : (guard ??= new RegExp(guardSource, 'giu')); },
  };
}

function compiled(skills: Skill[]): CompiledTaxonomy {
  let c = cache.get(skills);
  if (!c) {
    const all = skills.map(compileSkill);
    const byKey: CompiledTaxonomy['byKey'] = new Map();
    const lengths = new Uint8Array(65536);
    skills.forEach((skill, i) => {
      const caseSensitive = skill.caseSensitive === true;
      for (const syn of new Set(skill.synonyms)) {
        const words = syn.trim().split(PATTERNS.gap).map((w) => (caseSensitive ? w : w.toLowerCase()));
        const lowerFirst = words[0]!.toLowerCase();
        const key = keyOf(lowerFirst, 0, Math.min(KEY, lowerFirst.length));
        lengths[lowerFirst.charCodeAt(0)]! |= 1 << (Math.min(KEY, lowerFirst.length) - 1);
        const openings = byKey.get(key) ?? [];
        byKey.set(key, openings);
        let opening = openings.find((o) => o.first === words[0] && o.caseSensitive === caseSensitive);
        if (!opening) openings.push((opening = { first: words[0]!, caseSensitive, then: [] }));
        const second = words[1] ?? null;
        if (!opening.then.some((t) => t.skill === i && t.second === second)) opening.then.push({ skill: i, second });
      }
    });
    const smallKeys = new Uint8Array(SMALL_KEYS >>> 3);
    for (const k of byKey.keys()) if (k < SMALL_KEYS) smallKeys[k >>> 3]! |= 1 << (k & 7);
    c = { all, byKey, lengths, smallKeys };
    cache.set(skills, c);
  }
  return c;
}

/** The synonym a matched span spells (case, gaps and a plural aside), or undefined. */
function synonymOf(span: string, skill: Skill): string | undefined {
  const fold = (s: string) => s.toLowerCase().replace(PATTERNS.gap, '').replace(/(?:es|s)$/, '');
  return skill.synonyms.find((syn) => fold(syn) === fold(span));
}

/** A common noun (its synonym written lowercase in skills.yml) written with a capital: cheapest test first. */
function commonNounAsName(span: string, skill: Skill): boolean {
  const first = span.charCodeAt(0);
  if (first < 65 || first > 90) return false;
  const syn = synonymOf(span, skill);
  return syn !== undefined && syn === syn.toLowerCase();
}

/**
 * A common-noun skill ("search", "statistics", written lowercase in skills.yml) written as a name in a list of
 * other names: "signals for Homefeed, Search, Related Pins and Ads" (product surfaces), "a degree in Computer
 * Science, Statistics or a related field" (fields of study). The match fills its list item alone, is capitalised,
 * stands in prose (lowercase words before it on its line), and the item beside it ends or starts with capitalised
 * words that are no skill.
 */
function isNameInList(text: string, start: number, end: number, skill: Skill, t: CompiledTaxonomy): boolean {
  const span = text.slice(start, end);
  if (!commonNounAsName(span, skill)) return false;
  const from = Math.max(0, start - 80);
  const to = Math.min(text.length, end + 80);
  const breaks = [...text.slice(from, to).matchAll(PATTERNS.listBreak)].map((b) => [from + b.index, from + b.index + b[0].length] as const);
  const before = breaks.filter(([, e]) => e <= start);
  const after = breaks.filter(([s]) => s >= end);
  const itemStart = before.at(-1)?.[1] ?? from;
  const itemEnd = after[0]?.[0] ?? to;
  if (text.slice(itemStart, itemEnd).trim() !== span) return false;
  // Only inside prose: a list that opens its line ("Search, Ranking and Recommendations: 5+ years") names areas.
  const lineStart = text.lastIndexOf('\n', start - 1) + 1;
  if (!/\b[a-z]{2,}\b/.test(text.slice(lineStart, itemStart))) return false;
  const prev = before.length ? text.slice(before.at(-2)?.[1] ?? from, before.at(-1)![0]).trim() : '';
  const next = after.length ? text.slice(after[0]![1], after[1]?.[0] ?? to).trim() : '';
  const name = (words: string[]) => {
    const phrase = words.join(' ');
    return PATTERNS.capitalisedRun.test(phrase) && !namesASkill(phrase, t);
  };
  const trailingCaps = (s: string) => {
    const words = s.split(/[ \t]+/);
    let k = words.length;
    while (k > 0 && /^[A-Z&]/.test(words[k - 1]!)) k--;
    return words.slice(k);
  };
  const leadingCaps = (s: string) => {
    const words = s.split(/[ \t]+/);
    let k = 0;
    while (k < words.length && /^[A-Z&]/.test(words[k]!)) k++;
    return words.slice(0, k);
  };
  const p = trailingCaps(prev), n = leadingCaps(next);
  return (p.length > 0 && p.length <= 4 && name(p)) || (n.length > 0 && n.length <= 4 && name(n));
}

/**
 * Where the skill's guard phrases are in `text`, as a scan with `guard` finds them, by a scan with `quickGuard` as long
 * as each phrase it finds has ASCII neighbours (or none). A start where `quickGuard` finds nothing, `guard` finds
 * nothing at either (each way through the phrases it turns down, `guard` turns down: see {@link matchAt}); a phrase
 * it finds between ASCII neighbours, `guard` finds too. So both scans agree up to the first phrase beside a
 * non-ASCII character, and from there `guard` scans the text.
 */
export function guardSpans(c: Compiled, text: string): [number, number][] {
  const spans: [number, number][] = [];
  for (const g of text.matchAll(c.quickGuard!)) {
    const start = g.index, end = start + g[0].length;
    if ((start > 0 && text.charCodeAt(start - 1) > 0x7f) || (end < text.length && text.charCodeAt(end) > 0x7f)) {
      return [...text.matchAll(c.guard!)].map((m) => [m.index, m.index + m[0].length]);
    }
    spans.push([start, end]);
  }
  return spans;
}

/** Whether a match at [start, end) counts: outside the skill's guard phrases, and no name in a list of names. */
function accepted(text: string, start: number, end: number, c: Compiled, t: CompiledTaxonomy, guarded: { spans: [number, number][] | null }): boolean {
  if (c.quickGuard) {
    guarded.spans ??= guardSpans(c, text);
    for (const [a, b] of guarded.spans) if (start < b && end > a) return false;
  }
  return c.skill.caseSensitive || (!isNameInList(text, start, end, c.skill, t) && !isTeamName(text, start, end, c.skill));
}

/** `re` matched from `pos` on (sticky). */
function execAt(re: RegExp, text: string, pos: number): RegExpExecArray | null {
  re.lastIndex = pos;
  return re.exec(text);
}

/**
 * What the skill's sticky RegExp matches at `pos`, found by `quick` when its neighbours are ASCII. Every skill's
 * lookbehind and lookahead hold Unicode classes ([\p{L}\p{N}_]) that V8 takes most of a millisecond to compile, in
 * every thread; `quick` has ASCII classes instead, and the same synonyms in the same order. Where the character
 * before `pos` and the one after `quick`'s match are ASCII (or none), both give the same match: an ASCII character
 * is in an ASCII class exactly when it is in the Unicode one, case-insensitively too (only letters have other cases,
 * and the non-ASCII ones, "ſ" and the Kelvin sign, are letters), so each way through the synonyms `quick` turns down
 * the full RegExp turns down too, and the one it takes, the full one takes. Otherwise the full RegExp is asked.
 */
export function matchAt(c: Compiled, text: string, pos: number): RegExpExecArray | null {
  if (pos > 0 && text.charCodeAt(pos - 1) > 0x7f) return execAt(c.sticky, text, pos);
  const m = execAt(c.quick, text, pos);
  const end = pos + (m?.[0].length ?? 0);
  return m && end < text.length && text.charCodeAt(end) > 0x7f ? execAt(c.sticky, text, pos) : m;
}

/**
 * The first accepted match among `at`, the word starts where one of the skill's synonyms opens, ascending: the sticky
 * regex is tried at each, left to right as a global scan would (skipping starts inside a match already rejected).
 */
function firstAtStarts(text: string, c: Compiled, at: number[], t: CompiledTaxonomy): string | null {
  const guarded = { spans: null };
  let from = 0;
  for (const pos of at) {
    if (pos < from) continue;
    const m = matchAt(c, text, pos);
    if (!m) continue;
    from = pos + m[0].length;
    if (accepted(text, pos, from, c, t, guarded)) return m[0];
  }
  return null;
}

/**
 * For each skill (by its index in the taxonomy), the word starts where one of its synonyms opens, ascending; only the
 * keys the text holds are looked at, so a skill the text never names costs nothing.
 */
function openings(text: string, lower: string, starts: Map<number, number[]>, t: CompiledTaxonomy): (number[] | undefined)[] {
  const out: (number[] | undefined)[] = [];
  for (const [k, found] of starts) {
    for (const { first, caseSensitive, then } of t.byKey.get(k)!) {
      const written = caseSensitive ? text : lower;
      for (const p of found) {
        if (!written.startsWith(first, p)) continue;
        const q = p + first.length;
        for (const { skill, second } of then) {
          if (second !== null && !followedBy(written, q, second)) continue;
          const at = (out[skill] ??= []);
          if (at[at.length - 1] !== p) at.push(p);
        }
      }
    }
  }
  // Ascending, each start once (a skill met under two keys or first words, "ml" and "mlops", may hold one twice).
  for (const at of out) {
    if (!at || at.length < 2) continue;
    at.sort(ascending);
    let n = 1;
    for (let j = 1; j < at.length; j++) if (at[j] !== at[n - 1]) at[n++] = at[j]!;
    at.length = n;
  }
  return out;
}

/**
 * Whether a synonym's second word follows its first (which ends at `q`) as its regex needs it: right after, or after
 * one space or hyphen. Necessary for a match, and far cheaper to test.
 */
function followedBy(text: string, q: number, second: string): boolean {
  if (text.startsWith(second, q)) return true;
  const c = text.charCodeAt(q);
  return (c === 45 || SPACE.test(text[q] ?? '')) && text.startsWith(second, q + 1);
}

/**
 * Whether some skill's pattern matches anywhere in `phrase` (a name in a list that is itself a skill is no product
 * name): found as the matching itself finds matches, by the word starts where a synonym opens, so that no thread has
 * to build and compile every skill's whole-text RegExp for it (a tenth of a 1,000-file run).
 */
function namesASkill(phrase: string, t: CompiledTaxonomy): boolean {
  const lower = phrase.toLowerCase();
  if (lower.length !== phrase.length) return t.all.some((c) => phrase.search(c.re) >= 0);
  return openings(phrase, lower, wordStarts(lower, t), t).some((at, i) => at?.some((p) => matchAt(t.all[i]!, phrase, p) !== null));
}

/** The first accepted match of a scan over the whole text. */
function firstByScan(text: string, c: Compiled, t: CompiledTaxonomy): string | null {
  const guarded = { spans: null };
  c.re.lastIndex = 0;
  for (const m of text.matchAll(c.re)) if (accepted(text, m.index, m.index + m[0].length, c, t, guarded)) return m[0];
  return null;
}

const ascending = (a: number, b: number) => a - b;

/**
 * A common-noun skill written as the name of another team the role works with, not a skill asked of the candidate:
 * capitalised inside a parenthesised list of teams ("cross-functional teams (Product, Data Science, Trust & Safety,
 * Ads)"). A name before "team" alone is not enough: "in our Genomics team" is the team the candidate joins.
 */
function isTeamName(text: string, start: number, end: number, skill: Skill): boolean {
  const span = text.slice(start, end);
  if (!commonNounAsName(span, skill)) return false;
  const lineStart = text.lastIndexOf('\n', start - 1) + 1;
  const open = text.lastIndexOf('(', start);
  if (open < lineStart || text.slice(open, start).includes(')')) return false;
  return PATTERNS.teamsBefore.test(text.slice(Math.max(lineStart, open - 40), open));
}

/**
 * Find the skills a posting names.
 * @param text cleaned posting text
 * @param skills the taxonomy (content/taxonomy/skills.yml, via loadContext); matchers are cached per array
 * @returns one hit per skill found, in taxonomy order, each with the first matched span as evidence
 */
export function extractSkills(text: string, skills: Skill[]): SkillHit[] {
  const own = text;
  const hits: SkillHit[] = [];
  const taxonomy = compiled(skills);
  const { all } = taxonomy;
  // Lowercasing that changes the length ("İ") would move positions: then every skill scans the whole text.
  const lower = own.toLowerCase();
  const opened = lower.length === own.length ? openings(own, lower, wordStarts(lower, taxonomy), taxonomy) : null;
  for (let i = 0; i < all.length; i++) {
    const c = all[i]!;
    let evidence: string | null = null;
    if (!opened) evidence = firstByScan(own, c, taxonomy);
    else if (opened[i]) evidence = firstAtStarts(own, c, opened[i]!, taxonomy);
    if (evidence !== null) hits.push({ id: c.skill.id, label: c.skill.label, group: c.skill.group, evidence });
  }
  return hits;
}
