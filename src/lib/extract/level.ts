/**
 * Seniority level (DESIGN.md): intern, junior, mid, senior, lead, staff, senior-staff, principal, distinguished,
 * manager, director — from the title; from the text only when the title has no level word and the text names
 * this role's level ("The Staff Machine Learning Engineer will …").
 *
 * Precedence within a title:
 *   1. alternatives between levels ("Senior/Staff SRE", "Staff or Principal", "junior-to-senior") → null
 *   2. intern words (Intern, Internship, Co-op) → intern: an intern is an intern whatever the role ("Product Manager Intern")
 *   3. management: director words (Director, Head of, VP, Vice President, Chief …, CTO) → director;
 *      Manager / Engineering Manager → manager. They win over IC words ("Senior Manager" → manager).
 *      "Product/Project/Program/Account/… Manager" names a role, not a people-manager level, and is ignored.
 *   4. IC words, highest first: Distinguished/Fellow, Principal, Sr. Staff/Senior Staff, Staff, Lead (incl. Tech Lead),
 *      Senior/Sr./Snr, Mid-level/Intermediate, Junior/Jr/Entry level/Graduate/New Grad/Associate
 *   5. numbered grades, used only when no word fires. Roman numerals follow the common ladder
 *      I → junior, II → mid, III → senior, IV → staff, V → principal; "L3".."L8" follow the big-tech ladder
 *      (L3 junior, L4 mid, L5 senior, L6 staff, L7 senior-staff, L8 principal).
 * A title naming several roles ("Senior iOS Engineer & Senior Product Designer") gets a level only when
 * every role has the same one ("Full-Stack Engineer + Senior Cloud Engineer" → null).
 */
import type { Found } from './found.ts';
import type { Level } from './types.ts';

const ROLE_PARTS = String.raw`(?:engineers?|eng|developers?|devs?|scientists?|researchers?|architects?|managers?|designers?|analysts?|advocates?|directors?|interns?|sre|swe|mle|devops|administrators?|consultants?|specialists?|programmers?|modelers?|leads?|head)`;
const IC = String.raw`(?:distinguished|fellow|principal|staff|lead|senior|sr\.?|snr|mid-level|mid|intermediate|junior|jr\.?|entry[- ]level|graduate|new[ \t]grad|associate)`;

/** Every RegExp this module uses (checked for ReDoS by test/extract/redos.test.ts). */
export const PATTERNS = {
  alternatives: new RegExp(String.raw`\b${IC}[ \t]{0,4}(?:\/|\bor\b|,|-to-|\bto\b)[ \t]{0,4}${IC}(?![\w-])`, 'i'),
  intern: /\b(?:intern|interns|internship|co-op|coop|apprentice(?:ship)?)\b/i,
  director: /\b(?:director|head[ \t]{1,4}of|vp|svp|evp|vice[ \t]{1,4}president|chief[ \t]{1,4}\w+[ \t]{1,4}officer|cto|ceo|cio|cdo|caio)\b/i,
  manager: /\b(?:manager|management|mgr)\b/i,
  roleManager: /\b(?:product|project|program|programme|account|marketing|partnerships?|community|office|success|sales|growth|content|brand|operations|ops|campaign|release|relationship|territory|category|channel|performance|social[ \t]media|events?|technical[ \t]{1,4}program|technical[ \t]{1,4}project|technical[ \t]{1,4}product|data[ \t]{1,4}product|delivery|portfolio|hiring|talent|people|payroll)[ \t]{1,4}managers?\b/gi,
  distinguished: /\b(?:distinguished|fellow)\b/i,
  principal: /\bprincipal\b/i,
  seniorStaff: /\b(?:senior|sr\.?|snr)[ \t]{1,4}staff\b/i,
  staff: /\bstaff\b/i,
  lead: /\b(?:lead|leads|tech[ \t]{1,4}lead|team[ \t]{1,4}lead)\b/i,
  senior: /\b(?:senior|sr|snr|sen)\b\.?/i,
  mid: /\b(?:mid[- ]?level|mid|intermediate)\b/i,
  junior: /\b(?:junior|jr|entry[- ]level|graduate|new[ \t]{1,4}grad(?:uate)?|associate)\b/i,
  roman: /\b(?:[Ee]ngineer|[Ss]cientist|[Dd]eveloper|[Aa]nalyst|[Rr]esearcher|SWE|SDE|MLE)[ \t,-]{1,3}(I{1,3}|IV|V)\b/,
  grade: /\b(?:L|IC|E)([3-8])\b/,
  /** Separators between several roles in one title; a slash only before a role naming its own level ("Staff X/Senior Y"). */
  roleSplit: new RegExp(String.raw`[,;+&]|\band\b|\/(?=[ \t]{0,3}${IC}[ \t]{1,4}\w)`, 'i'),
  rolePart: new RegExp(String.raw`\b${ROLE_PARTS}\b`, 'i'),
  /** Text naming this role's level: "The Staff Machine Learning Engineer will", "hiring for a senior developer". */
  textRole: new RegExp(String.raw`\b(?:the|this|as[ \t]{1,4}an?|as[ \t]{1,4}the|hiring(?:[ \t]{1,4}for)?[ \t]{1,4}an?|seeking[ \t]{1,4}an?|looking[ \t]{1,4}for[ \t]{1,4}an?|for[ \t]{1,4}an?|need[ \t]{1,4}an?|we(?:'re|[ \t]{1,4}are)[ \t]{1,4}hiring[ \t]{1,4}an?)[ \t]{1,4}((?:senior|sr\.?|staff|principal|lead|junior|jr\.?|distinguished|entry[- ]level|mid-level)(?:[ \t]{1,4}staff)?)[ \t]{1,4}(?:[\w/+.-]+[ \t]{1,4}){0,4}?${ROLE_PARTS}\b(?![ \t]{1,4}(?:on|of|in|at|and|who|to|that|across)\b)`, 'gi'),
  /** A bulleted or numbered list line that starts with a title: "1. Senior Front-end Engineer (…)", "- Senior AI Engineer — …". */
  listedRole: /^[ \t]{0,4}(?:[-*•>]+|\d{1,2}[.)])[ \t]{0,4}([^\n:—–(]{3,80})/gm,
  /** The AI labs' title "Member of (the) Technical Staff" / "Technical Staff Member": a role, never the level staff. */
  technicalStaff: /\b(?:members?[ \t]{1,4}of[ \t]{1,4}(?:the[ \t]{1,4})?technical[ \t]{1,4}staff|technical[ \t]{1,4}staff[ \t]{1,4}members?)\b/gi,
};

/** A title with "Member of Technical Staff" read as the role it is ("engineer"), so only other words give a level. */
const withoutTechnicalStaff = (title: string) => title.replace(PATTERNS.technicalStaff, 'engineer');

const ORDER: Level[] = ['intern', 'junior', 'mid', 'senior', 'lead', 'staff', 'senior-staff', 'principal', 'distinguished', 'manager', 'director'];

/** Level named by one role's words; null when it names none. `alt` true when it offers alternatives. */
function levelOfRole(role: string): { level: Level | null; evidence: string; alt: boolean } {
  const t = role.replace(/\s+/g, ' ');
  const alt = PATTERNS.alternatives.exec(t);
  if (alt) return { level: null, evidence: alt[0], alt: true };
  const hit = (re: RegExp, level: Level) => {
    const m = re.exec(t);
    return m ? { level, evidence: m[0].trim(), alt: false } : null;
  };
  const intern = hit(PATTERNS.intern, 'intern');
  if (intern) return intern;
  const director = hit(PATTERNS.director, 'director');
  if (director) return director;
  const withoutRoleManagers = t.replace(PATTERNS.roleManager, (m) => m.replace(/managers?/i, 'role'));
  const mgr = PATTERNS.manager.exec(withoutRoleManagers);
  if (mgr) return { level: 'manager', evidence: mgr[0], alt: false };
  const word = hit(PATTERNS.distinguished, 'distinguished') ?? hit(PATTERNS.principal, 'principal') ??
    hit(PATTERNS.seniorStaff, 'senior-staff') ?? hit(PATTERNS.staff, 'staff') ?? hit(PATTERNS.lead, 'lead') ??
    hit(PATTERNS.senior, 'senior') ?? hit(PATTERNS.mid, 'mid') ?? hit(PATTERNS.junior, 'junior');
  if (word) return word;
  const roman = PATTERNS.roman.exec(t);
  if (roman) {
    const lv = ({ I: 'junior', II: 'mid', III: 'senior', IV: 'staff', V: 'principal' } as const)[roman[1] as 'I' | 'II' | 'III' | 'IV' | 'V'];
    return { level: lv, evidence: roman[0], alt: false };
  }
  const grade = PATTERNS.grade.exec(t);
  if (grade) {
    const lv = (['junior', 'mid', 'senior', 'staff', 'senior-staff', 'principal'] as const)[Number(grade[1]) - 3]!;
    return { level: lv, evidence: grade[0], alt: false };
  }
  return { level: null, evidence: '', alt: false };
}

/** Split a title into the roles it names, at depth 0 of parentheses. "Tech Lead" / "Team Lead" parts qualify the role before. */
function roles(title: string): string[] {
  // "Senior+ Engineer": the plus qualifies the level, it does not join two roles.
  const flat = title.replace(/\b(senior|sr\.?|staff|principal|mid|junior|l\d)\+/gi, '$1 ').replace(/\([^()]*\)/g, (m) => m.replace(/[,;+&]/g, ' ').replace(/\band\b/gi, '   '));
  const parts = flat.split(PATTERNS.roleSplit).map((p) => p.trim()).filter(Boolean);
  const roleParts = parts.filter((p) => (PATTERNS.rolePart.test(p) || levelOfRole(p).level) && !/^(?:tech(?:nical)?|team)[ \t]{1,4}lead$/i.test(p));
  return roleParts.length ? roleParts : [title];
}

/** Level of a whole title; `found` false when it has no level word at all. */
function levelOfTitle(title: string): { level: Level | null; evidence: string; found: boolean } {
  const rs = roles(title);
  const each = rs.map(levelOfRole);
  if (each.some((e) => e.alt)) return { level: null, evidence: each.find((e) => e.alt)!.evidence, found: true };
  const named = each.filter((e) => e.level);
  if (!named.length) return { level: null, evidence: '', found: false };
  const first = named[0]!;
  if (rs.length > 1 && (named.length !== each.length || named.some((e) => e.level !== first.level))) {
    return { level: null, evidence: '', found: true };
  }
  return { level: first.level, evidence: first.evidence, found: true };
}

/**
 * The level of a posting's role.
 * @param title the posting's title (front matter, or extractTitle's result); null when unknown
 * @param text cleaned posting text, consulted only when the title names no level
 * @returns the level with its rule and span, or null
 */
export function extractLevel(title: string | null, text: string): Found<Level> | null {
  if (title) {
    const t = levelOfTitle(withoutTechnicalStaff(title));
    if (t.found) return t.level ? { value: t.level, rule: 'title', evidence: t.evidence } : null;
  }
  // Text: the role named with its level in a hiring phrase.
  const head = text.slice(0, 4000);
  for (const m of head.matchAll(PATTERNS.textRole)) {
    const phrase = m[0];
    const lv = levelOfRole(m[1]!);
    if (!lv.level) continue;
    // Plural nouns are several roles ("we need senior engineers"), fine only when no title was found at all.
    if (title && /s$/i.test(phrase) && !/ss$/i.test(phrase)) continue;
    return { value: lv.level, rule: 'text', evidence: phrase };
  }
  if (!title) {
    // Several listed roles ("1. Senior Front-end Engineer", "- Staff Security Engineer: …"): a level when all agree.
    const listed = [...head.matchAll(PATTERNS.listedRole)].map((m) => m[1]!.trim()).filter((r) => PATTERNS.rolePart.test(r));
    if (listed.length >= 2) {
      const levels = listed.map((r) => levelOfTitle(r).level);
      if (levels.every((l) => l && l === levels[0])) return { value: levels[0]!, rule: 'listed-roles', evidence: listed[0]! };
    }
  }
  return null;
}

/** Rank of a level for sorting (intern lowest, director highest); -1 for null. */
export function levelRank(level: Level | null): number {
  return level ? ORDER.indexOf(level) : -1;
}
