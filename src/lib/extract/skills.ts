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

/** Every fixed RegExp this module uses (checked for ReDoS by test/extract/redos.test.ts). Per-skill ones are built by `compileSkill`. */
export const PATTERNS = {
  /** Characters to escape in a synonym. */
  special: /[.*+?^${}()|[\]\\]/g,
  /** Runs of spaces/hyphens inside a synonym. */
  gap: /[ \t-]+/g,
  /** What separates the items of a list in running text. */
  listBreak: /[,;:()\/\n•]|\band\b|\bor\b/g,
  /** A run of capitalised words (a name: "Computer Science", "Related Pins", "Homefeed"). */
  capitalisedRun: /^(?:[A-Z][\w&'’.-]{0,30})(?:[ \t]{1,3}(?:[A-Z&][\w&'’.-]{0,30}))*$/,
};

interface Compiled {
  skill: Skill;
  re: RegExp;
  guard: RegExp | null;
  /** The first word of each synonym (lowercased unless case-sensitive): the regex can match only where one occurs. */
  needles: string[];
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
 * Compile one skill to its matcher (exported for tests and for the ReDoS check).
 * @param skill a skill from skills.yml
 * @returns the synonym RegExp (global) and the guard RegExp (null when the skill has no guards)
 */
export function compileSkill(skill: Skill): { re: RegExp; guard: RegExp | null } {
  // Labels are for display ("Optimization" would match far too much); only synonyms are matched.
  const syns = [...new Set(skill.synonyms)].sort((a, b) => b.length - a.length);
  if (!syns.length) return { re: /(?!)/g, guard: null };
  const body = syns.map(synonymPattern).join('|');
  const flags = skill.caseSensitive ? 'gu' : 'giu';
  const re = new RegExp(`(?<![\\p{L}\\p{N}_])(?:${body})(?![\\p{L}\\p{N}_+#])`, flags);
  // Guards are whole words at their word ends only: "(R)" may follow "Python" directly.
  const edge = (g: string) => {
    const pre = /^[\p{L}\p{N}_]/u.test(g) ? '(?<![\\p{L}\\p{N}_])' : '';
    const post = /[\p{L}\p{N}_]$/u.test(g) ? '(?![\\p{L}\\p{N}_])' : '';
    return `${pre}${synonymPattern(g)}${post}`;
  };
  const guard = skill.guards.length ? new RegExp(skill.guards.map(edge).join('|'), 'giu') : null;
  return { re, guard };
}

const cache = new WeakMap<Skill[], Compiled[]>();

function compiled(skills: Skill[]): Compiled[] {
  let c = cache.get(skills);
  if (!c) {
    c = skills.map((skill) => ({
      skill,
      ...compileSkill(skill),
      needles: skill.synonyms.map((syn) => {
        const first = syn.trim().split(PATTERNS.gap)[0]!;
        return skill.caseSensitive ? first : first.toLowerCase();
      }),
    }));
    cache.set(skills, c);
  }
  return c;
}

/** The synonym a matched span spells (case, gaps and a plural aside), or undefined. */
function synonymOf(span: string, skill: Skill): string | undefined {
  const fold = (s: string) => s.toLowerCase().replace(PATTERNS.gap, '').replace(/(?:es|s)$/, '');
  return skill.synonyms.find((syn) => fold(syn) === fold(span));
}

/**
 * A common-noun skill ("search", "statistics", written lowercase in skills.yml) written as a name in a list of
 * other names: "signals for Homefeed, Search, Related Pins and Ads" (product surfaces), "a degree in Computer
 * Science, Statistics or a related field" (fields of study). The match fills its list item alone, is capitalised,
 * stands in prose (lowercase words before it on its line), and the item beside it ends or starts with capitalised
 * words that are no skill.
 */
function isNameInList(text: string, start: number, end: number, skill: Skill, all: Compiled[]): boolean {
  const span = text.slice(start, end);
  const syn = synonymOf(span, skill);
  if (!syn || syn !== syn.toLowerCase() || !/^[A-Z]/.test(span)) return false;
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
    return PATTERNS.capitalisedRun.test(phrase) && !all.some((c) => phrase.search(c.re) >= 0);
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
 * Find the skills a posting names.
 * @param text cleaned posting text
 * @param skills the taxonomy (content/taxonomy/skills.yml, via loadContext); matchers are cached per array
 * @returns one hit per skill found, in taxonomy order, each with the first matched span as evidence
 */
export function extractSkills(text: string, skills: Skill[]): SkillHit[] {
  const own = text;
  const lower = text.toLowerCase();
  const hits: SkillHit[] = [];
  const all = compiled(skills);
  for (const { skill, re, guard, needles } of all) {
    // A cheap literal look first: most skills are absent from most postings, and the regex scan is the cost.
    const haystack = skill.caseSensitive ? own : lower;
    if (!needles.some((n) => haystack.includes(n))) continue;
    re.lastIndex = 0;
    let guarded: [number, number][] | null = null;
    for (const m of own.matchAll(re)) {
      const start = m.index, end = m.index + m[0].length;
      if (guard) {
        guarded ??= [...own.matchAll(guard)].map((g) => [g.index, g.index + g[0].length] as [number, number]);
        if (guarded.some(([a, b]) => start < b && end > a)) continue;
      }
      if (!skill.caseSensitive && isNameInList(own, start, end, skill, all)) continue;
      hits.push({ id: skill.id, label: skill.label, group: skill.group, evidence: m[0] });
      break;
    }
  }
  return hits;
}
