/**
 * Title and company named in the text, for inputs without front matter.
 *
 * Title, first rule that fires:
 *   header     an HN-style header "Company | Title | Location | …" (fields split by |, or by –/—/- when there is no |):
 *              the first field with a role word (engineer, scientist, intern, CTO …) that is not a place or a type
 *   title-line a short line near the top that reads as a job title ("Staff Machine Learning Engineer, Content …")
 *   prose      "The Staff Machine Learning Engineer will …", "<Company> is looking for a Principal … Engineer to",
 *              "hiring for a senior billing platform architect"
 * Company: the header's first field that is not a place/role/type; a short line of its own after the title;
 * "COMPANY: X"; "About <Company>:"; "At <Company>, we …"; "<Company> is hiring/is a/is looking for";
 * "<Company> has open roles" (a brand pair "Okta/Auth0" gives its first name); "… at <Company>.ai" (a web address).
 */
import type { Found } from './found.ts';
import { headerFields, topHeaderLines } from './header.ts';
import { placesIn, trimChars } from './location.ts';

/** Nouns that make a phrase a job title. */
const ROLE_NOUN = String.raw`(?:engineers?|eng|developers?|devs?|scientists?|researchers?|architects?|managers?|designers?|analysts?|advocates?|directors?|interns?|internship|sre|swe|swes|mle|mles|devops|administrators?|consultants?|specialists?|head[ \t]{1,4}of|vp|cto|ceo|cfo|coo|recruiters?|executives?|writers?|programmers?|leads?|technicians?|marketers?|strategists?|operators?|associates?|partners?|officers?|representatives?|coordinators?|product[ \t]{1,4}owners?|founders?|co-?founders?|generalists?|hackers?|economists?|statisticians?|physicists?|mathematicians?|quants?|traders?|members?[ \t]{1,4}of[ \t]{1,4}(?:the[ \t]{1,4})?technical[ \t]{1,4}staff|technical[ \t]{1,4}staff[ \t]{1,4}members?)`;
const ROLE_RE = new RegExp(String.raw`\b${ROLE_NOUN}\b`, 'i');
const LEVEL_WORD = String.raw`(?:senior|sr\.?|snr|staff|principal|lead|junior|jr\.?|distinguished|founding|head|chief|mid-level|entry[- ]level)`;

/** Every RegExp this module uses (checked for ReDoS by test/extract/redos.test.ts). */
export const PATTERNS = {
  role: ROLE_RE,
  /** "… is looking for a Principal Geospatial Data Engineer to …", "hiring for a senior billing platform architect". */
  proseHiring: new RegExp(String.raw`\b(?:looking[ \t]{1,4}for|seeking|hiring(?:[ \t]{1,4}for)?|searching[ \t]{1,4}for|recruiting)[ \t]{1,4}(?:an?|our|one|two)[ \t]{1,4}((?:(?:[A-Z][\w/&+.-]{0,30}|&|${LEVEL_WORD})[ \t]{1,4}){0,6}?${ROLE_NOUN})\b`, 'gi'),
  /** Place-like or type-like header fields. */
  typeField: /^(?:full[- ]?time|part[- ]?time|contract(?:or)?|freelance|permanent|internship|intern(?:ship)?s?|visa|relocation|no[ \t]{1,4}visa|onsite|on-site|remote|hybrid|in[- ]person|equity(?=[ \t]*(?:$|[+&,/]))|\d[\w ]*people|multiple[ \t]{1,4}(?:roles|positions|openings))\b/i,
  url: /https?:\/\/|www\.|\.(?:com|io|ai|co|org|net|dev|app|xyz|tech)\b/i,
  pay: /[$€£]|\b\d{2,3}[ \t]{0,4}k\b|\b(?:usd|eur|gbp|salary)\b/i,
  /** A first line that is only "<Company> (YC W24) is hiring". */
  firstLineHiring: /^[ \t]*([A-Z0-9][\w.&'-]{0,40}(?:[ \t][A-Z0-9][\w.&'-]{0,40}){0,3})(?:[ \t]\([^()\n]{1,40}\))?[ \t]+(?:is|are)[ \t]+hiring!?[ \t]*$/i,
  companyLine: /^[ \t]{0,4}(?:company|employer|organi[sz]ation)[ \t]{0,4}:[ \t]{0,4}(.{2,60})$/im,
  /** Anchors for the token walkers below (each a fixed phrase; names around them are read word by word). */
  theThis: /\b(?:The|This) /g,
  atWord: /\bAt /g,
  atLower: /\bat (?=[A-Z])/g,
  isVerb: / (?:is|are) (?:hiring|a|an|the|looking|building|seeking|growing|recruiting)\b/g,
  /** A company announcing openings: "… has (more|several|3) open positions/roles", "… has openings". */
  hasOpenings: / has (?:more |several |many |multiple |a few |\d{1,3} )?(?:open (?:positions|roles|jobs|reqs)|openings|vacancies)\b/g,
  levelWord: new RegExp(String.raw`^${LEVEL_WORD}$`, 'i'),
  roleWord: new RegExp(String.raw`^${ROLE_NOUN}$`, 'i'),
  nameWord: /^[A-Z0-9][\w.&'-]{0,40}$/,
  /** A company written as its web address ("Mem0.ai", "Tidewell.io"). */
  domain: /^([A-Z][\w-]{0,40})\.(?:ai|com|io|co|dev|app|xyz|tech|so|sh|inc)$/,
  proseVerb: /^(?:will|is|role|position|works?|owns?|leads?|reports?|at)$/i,
};

/** Words from `pos` on the same line (split on spaces/tabs), at most `n`, each with its start offset. */
function wordsFrom(text: string, pos: number, n: number): { w: string; start: number }[] {
  const out: { w: string; start: number }[] = [];
  let i = pos;
  while (out.length < n && i < text.length) {
    while (i < text.length && (text[i] === ' ' || text[i] === '\t')) i++;
    const start = i;
    while (i < text.length && !' \t\n\r'.includes(text[i]!)) i++;
    if (i === start) break;
    out.push({ w: text.slice(start, i), start });
  }
  return out;
}

/** Up to four capitalised words that end right before `end` and start a sentence or line (or follow "Hey HN!"). */
function nameBefore(text: string, end: number): string | null {
  const head = text.slice(Math.max(0, end - 160), end).replace(/ \([^()\n]{1,80}\)$/, '');
  const lineAt = head.lastIndexOf('\n');
  const parts = head.slice(lineAt + 1).split(' ');
  const name: string[] = [];
  while (parts.length && name.length < 4) {
    const w = parts.pop()!;
    if (!PATTERNS.nameWord.test(w)) break;
    name.unshift(w);
    const prev = parts[parts.length - 1];
    if (prev === undefined) return lineAt >= 0 || end - 160 <= 0 ? name.join(' ') : null;
    if (/[.!?]$/.test(prev) || prev === 'HN!' || prev === 'HN') return name.join(' ');
  }
  return null;
}

/**
 * Up to three capitalised words right before `end`, anywhere in a sentence ("and Acme Robotics has …"); of a pair
 * written with a slash ("Okta/Auth0"), the first. null when the word before is not capitalised.
 */
function capitalisedBefore(text: string, end: number): { value: string; evidence: string } | null {
  const words = text.slice(Math.max(0, end - 80), end).split(/[ \t]/);
  const name: string[] = [];
  while (words.length && name.length < 3) {
    const w = words.at(-1)!;
    if (!/^[A-Z0-9][\w.&'’/-]{0,60}$/.test(w) || /[.!?]$/.test(w)) break;
    name.unshift(words.pop()!);
  }
  if (!name.length) return null;
  const evidence = name.join(' ');
  return { value: evidence.replace(/\/\S*$/, ''), evidence };
}

/** "The Staff Machine Learning Engineer will …": a level word, capitalised words, a role noun, then a verb. */
function proseTheTitle(text: string): { value: string; evidence: string } | null {
  for (const m of text.matchAll(PATTERNS.theThis)) {
    const ws = wordsFrom(text, m.index + m[0].length, 9);
    if (!ws.length || !PATTERNS.levelWord.test(ws[0]!.w)) continue;
    for (let k = 1; k < ws.length - 1; k++) {
      const w = ws[k]!.w;
      if (PATTERNS.roleWord.test(w) && PATTERNS.proseVerb.test(ws[k + 1]!.w)) {
        const evidence = text.slice(ws[0]!.start, ws[k]!.start + w.length);
        return { value: evidence, evidence };
      }
      if (!/^[A-Z]/.test(w)) break;
    }
  }
  return null;
}

const NOT_COMPANY = /^(?:we|we're|our|the|this|a|an|i|i'm|hi|hey|hello|job|jobs|role|roles|about|location|remote|hybrid|onsite|company|team|us|it|you|they|there|here|what|who|why|how|senior|staff|apply|hiring|join|note|overview|summary|description|requirements?|responsibilities|benefits)$/i;

/** The header line that names the job: one with "|" fields, or whose later fields name a role after a short first one. */
function headerLine(text: string): string | null {
  for (const { line, fields } of topHeaderLines(text)) {
    if (line.includes('|') || (fields[0]!.length <= 60 && fields.slice(1).some(isRoleField))) return line;
  }
  return null;
}

/** A header field that names a job (has a role noun, is not a place, type, URL or pay). */
function isRoleField(f: string): boolean {
  const bare = f.replace(/\([^()]*\)/g, ' ').trim();
  if (!bare || /https?:|www\.|@/.test(bare) || PATTERNS.url.test(bare) && !ROLE_RE.test(bare)) return false;
  if (PATTERNS.pay.test(bare) && !ROLE_RE.test(bare.replace(/[$€£][\d,.]+k?/g, ''))) return false;
  if (/^multiple\b/i.test(bare) && !/\b(?:senior|staff|sr|junior|lead|principal)\b/i.test(bare)) return false;
  // A sentence is not a title field ("we're rebuilding the way brands and founders …").
  if (bare.split(/\s+/).length > 12 || /^(?:we|we're|we’re|our|i|i'm|i’m|you|this|it)\b/i.test(bare)) return false;
  return ROLE_RE.test(bare) && !(placesIn(bare).length && !ROLE_RE.test(bare.replace(/\b(?:remote|hybrid|onsite)\b/gi, '')));
}

/** A header field that names a place, work model, type, URL or pay: not a company. */
function isMetaField(f: string): boolean {
  const bare = f.replace(/\([^()]*\)/g, ' ').trim();
  return !bare || PATTERNS.typeField.test(bare) || PATTERNS.pay.test(bare) || /https?:\/\//.test(bare) ||
    placesIn(f).length > 0 || /\b(?:remote|hybrid|on-?site|full[- ]?time|part[- ]?time)\b/i.test(bare);
}

/** Tidy a title candidate: drop trailing punctuation and bracketed tails. */
const tidy = (s: string) => trimChars(s.replace(/\s+/g, ' ').replace(/^\d{1,2}[.)] /, ''), ' ,;:–—+*>-', ' ,;:–—+*-');

/** Whether a whole line reads as a job title. */
function isTitleLine(line: string): boolean {
  const t = line.trim();
  if (t.length < 6 || t.length > 110 || /[.!?:]$/.test(t) || /[|@]|https?:|www\./.test(t)) return false;
  // "Member of Technical Staff: Inference" is a title and its subtitle; "Location: Berlin" is a field.
  const colon = t.indexOf(':');
  if (colon >= 0 && !ROLE_RE.test(t.slice(0, colon))) return false;
  if (!ROLE_RE.test(t)) return false;
  const words = t.split(/\s+/);
  if (words.length > 14) return false;
  // Titles are in title case: most words capitalised (short function words aside).
  const caps = words.filter((w) => /^[A-Z0-9(&]/.test(w)).length;
  const small = words.filter((w) => /^(?:of|and|the|for|in|to|a|an|&|-|–|—|\/)$/i.test(w)).length;
  // "Acme is hiring a Growth Lead" is a sentence about the title, not the title (the prose rule reads it).
  return caps + small >= words.length - 1 && !/^(?:we|our|i|you|about|join|looking)\b/i.test(t) && !/\b(?:is|are)[ \t]+hiring\b/i.test(t);
}

/**
 * The job title named in the text.
 * @param text cleaned posting text
 * @returns the title, the rule that found it and the span; null when the text names none
 */
export function extractTitle(text: string): Found<string> | null {
  const own = text;
  const header = headerLine(own);
  if (header) {
    const fields = headerFields(header)!;
    const role = fields.find(isRoleField);
    if (role) return { value: tidy(role), rule: 'header', evidence: role };
  }
  // A title line near the top (job boards put logos, buttons and the company around it).
  const lines = own.split('\n').map((l) => l.trim()).filter(Boolean).slice(0, 15);
  for (const l of lines) {
    if (isTitleLine(l)) return { value: tidy(l), rule: 'title-line', evidence: l };
  }
  const the = proseTheTitle(own);
  if (the) return { value: tidy(the.value), rule: 'prose-the', evidence: the.evidence };
  for (const m of own.slice(0, 1500).matchAll(PATTERNS.proseHiring)) {
    const phrase = m[1]!;
    // The phrase must carry a capitalised or level word besides the noun ("a Principal … Engineer", "a senior developer …").
    if (!/\b(?:senior|sr|staff|principal|lead|junior|jr|intern|head|founding|[A-Z][a-z]+)\b/.test(phrase.replace(/^\S+\s*$/, ''))) continue;
    if (/s$/i.test(phrase) && !/\b(?:sales|analytics|devops|ops)$/i.test(phrase)) continue; // plural: several roles
    // Drop leading adjectives ("skilled", "talented") before the first capitalised or level word.
    const start = phrase.search(new RegExp(String.raw`\b(?:${LEVEL_WORD}|[A-Z])`));
    const value = tidy(phrase.slice(Math.max(0, start)));
    return { value, rule: 'prose-hiring', evidence: phrase };
  }
  return null;
}

/** Clean a company candidate: drop "(wayward.com)", "(YC S17)", trailing punctuation. */
function cleanCompany(s: string): string | null {
  const v = trimChars(s.replace(/\([^()]*\)/g, ' ').replace(/[([{].*$/, '').replace(/\s+/g, ' '), ' ,;:–—-');
  if (!v || v.length > 60 || NOT_COMPANY.test(v) || ROLE_RE.test(v) && v.split(' ').length > 2) return null;
  if (/^(?:https?:|www\.)/i.test(v)) return null;
  // A figure is no name: "150" from a pay field "150 - 180k" split at its dash.
  if (/^[\d\s.,$€£+kK-]+$/.test(v)) return null;
  return v;
}

/** A company named in prose, with where it stands: the earliest of these is taken. */
interface ProseName {
  raw: string;
  rule: string;
  evidence: string;
  index: number;
}

/** "About Pinterest:" as a heading line. */
function aboutHeading(text: string): ProseName | null {
  let lineStart = 0;
  for (const line of text.split('\n')) {
    const t = line.trim();
    if (t.startsWith('About ') && t.length <= 50) {
      const name = t.slice(6).replace(/:$/, '').trim();
      const ws = name.split(' ');
      if (ws.length <= 4 && ws.every((w) => PATTERNS.nameWord.test(w))) return { raw: name, rule: 'about', evidence: t, index: lineStart };
    }
    lineStart += line.length + 1;
  }
  return null;
}

/** "At Pinterest, we …". */
function atCompany(text: string): ProseName | null {
  for (const m of text.matchAll(PATTERNS.atWord)) {
    const ws = wordsFrom(text, m.index + 3, 6);
    const name: string[] = [];
    let ok = false;
    for (let k = 0; k < ws.length && name.length < 4; k++) {
      const w = ws[k]!.w;
      const bare = w.replace(/,$/, '');
      if (!PATTERNS.nameWord.test(bare)) { ok = name.length > 0 && /^(?:we|we're|we’re|our)$/i.test(w); break; }
      name.push(bare);
      if (bare !== w) { ok = /^(?:we|we're|we’re|our)$/i.test(ws[k + 1]?.w ?? ''); break; }
    }
    if (ok) return { raw: name.join(' '), rule: 'at-company', evidence: `At ${name.join(' ')}`, index: m.index };
  }
  return null;
}

/** "<Company> is hiring / is a / is looking for". */
function companyIs(text: string): ProseName | null {
  for (const m of text.matchAll(PATTERNS.isVerb)) {
    const name = nameBefore(text, m.index);
    if (name) return { raw: name, rule: 'company-is', evidence: `${name}${m[0]}`, index: Math.max(0, m.index - name.length) };
  }
  return null;
}

/** "… and Lumenfold has several open roles", "Quarry/Stone has 3 openings". */
function hasOpenings(text: string): ProseName | null {
  for (const m of text.matchAll(PATTERNS.hasOpenings)) {
    const name = capitalisedBefore(text, m.index);
    if (name) return { raw: name.value, rule: 'has-openings', evidence: `${name.evidence}${m[0]}`, index: m.index - name.evidence.length };
  }
  return null;
}

/** "We're hiring writers at Tidewell.io", "apply at Brightpath.com": a company named by its web address. */
function atDomain(text: string): ProseName | null {
  for (const m of text.matchAll(PATTERNS.atLower)) {
    const w = (wordsFrom(text, m.index + 3, 1)[0]?.w ?? '').replace(/[,.;:!?)]$/, '');
    const d = PATTERNS.domain.exec(w);
    if (d) return { raw: d[1]!, rule: 'at-domain', evidence: `at ${w}`, index: m.index };
  }
  return null;
}

/** The company the layout names: a "Company:" field, a first line, the header, the line after the title. */
function structuredCompany(text: string): Found<string> | null {
  const field = PATTERNS.companyLine.exec(text);
  const fromField = field && cleanCompany(field[1]!);
  if (fromField) return { value: fromField, rule: 'company-field', evidence: field[0].trim() };
  // A first line "Acme Robotics (YC W24) Is Hiring" names the company before "is hiring".
  const hiring = PATTERNS.firstLineHiring.exec(text.trimStart().split('\n', 1)[0]!);
  const fromHiring = hiring && cleanCompany(hiring[1]!);
  if (fromHiring) return { value: fromHiring, rule: 'first-line-hiring', evidence: hiring[0].trim() };
  const header = headerLine(text);
  if (header) {
    const fields = headerFields(header)!.flatMap((f) => (header.includes('|') ? f.split(/\s[-–—]\s/) : [f]));
    for (const f of fields) {
      if (isRoleField(f) || isMetaField(f)) continue;
      const v = cleanCompany(f);
      if (v) return { value: v, rule: 'header', evidence: f };
    }
  }
  const lines = text.split('\n').map((l) => l.trim()).filter(Boolean);
  // A short line of its own right after the title line (job boards: "Title\n\nPinterest\n").
  const ti = lines.slice(0, 15).findIndex(isTitleLine);
  const next = ti >= 0 ? lines[ti + 1] : undefined;
  if (next && next.length <= 40 && /^[A-Z0-9]/.test(next) && !/[:@]/.test(next) && next.split(/\s+/).length <= 4 && !ROLE_RE.test(next) && !placesIn(next).length && !/[$\d]/.test(next)) {
    const v = cleanCompany(next);
    if (v) return { value: v, rule: 'line-after-title', evidence: next };
  }
  // A first line that is only a name ("SafetyWing", "This Dot Labs"), or a name before " - " and a pitch
  // ("Quillworks (quillworks.io) - we're rebuilding …").
  const firstSegment = lines[0]?.split(/\s[-–—]\s/, 1)[0]?.trim();
  const first = firstSegment?.replace(/\([^()]*\)/g, ' ').replace(/\s+/g, ' ').trim();
  if (first && first.length <= 40 && first.split(/\s+/).length <= 4 && /^[A-Z0-9]/.test(first) && !ROLE_RE.test(first) && !/[.!?:,]$/.test(first) && !placesIn(first).length) {
    const v = cleanCompany(first);
    if (v) return { value: v, rule: 'first-line', evidence: firstSegment! };
  }
  return null;
}

/**
 * The employer named in the text: what the layout names first, else the earliest name in prose.
 * @param text cleaned posting text
 * @returns the company as written (canonicalCompany folds aliases), the rule and span; null when none is named
 */
export function extractCompanyName(text: string): Found<string> | null {
  const structured = structuredCompany(text);
  if (structured) return structured;
  let best: (ProseName & { value: string }) | null = null;
  for (const found of [aboutHeading(text), atCompany(text), companyIs(text), hasOpenings(text), atDomain(text)]) {
    const value = found && cleanCompany(found.raw);
    if (found && value && (!best || found.index < best.index)) best = { ...found, value };
  }
  return best ? { value: best.value, rule: best.rule, evidence: best.evidence } : null;
}
