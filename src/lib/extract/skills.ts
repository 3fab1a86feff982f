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
  for (const { skill, re, guard, needles } of compiled(skills)) {
    // A cheap literal look first: most skills are absent from most postings, and the regex scan is the cost.
    const haystack = skill.caseSensitive ? own : lower;
    if (!needles.some((n) => haystack.includes(n))) continue;
    re.lastIndex = 0;
    let guarded: [number, number][] | null = null;
    for (const m of own.matchAll(re)) {
      if (guard) {
        guarded ??= [...own.matchAll(guard)].map((g) => [g.index, g.index + g[0].length] as [number, number]);
        const start = m.index, end = m.index + m[0].length;
        if (guarded.some(([a, b]) => start < b && end > a)) continue;
      }
      hits.push({ id: skill.id, label: skill.label, group: skill.group, evidence: m[0] });
      break;
    }
  }
  return hits;
}
