/**
 * Work arrangement (DESIGN.md `remote`): remote / hybrid / onsite, the region a remote role is open to, and the
 * office cadence. Signals come in three strengths:
 *   3 tags      `#LI-REMOTE`, `LI-HYBRID`, `#LI-Onsite` (the employer's own classification)
 *   2 fields    a policy word heading a short header/field segment: "Remote (US)", "Boston or Remote (US)",
 *               "ONSITE", "Hybrid in Seattle, WA", "LOCATION: Remote", "REMOTE: Yes", "NYC (In-Office 3-4 days)"
 *   1 prose     "fully remote", "remote-first", "work remotely", "hybrid work", "in person only", an office cadence
 * The strongest tier that says anything decides. Within a tier a remote option wins ("Chicago (Hybrid) or
 * Remote (US)" is remote: the role can be done fully remotely), then hybrid, then onsite. "Remote is not an
 * option" cancels remote words at its tier or below. A place name alone is never a policy, nor is a company's
 * name for its work model ("FlexFirst": no policy word matches it), nor "remote" in another sense ("remote sensing").
 *
 * Cadence: "1-2 times/quarter" → officeDaysPerYear [4, 8]. Visits fewer than twice a month (under 24 days a
 * year) are occasional and fit a remote role; a weekly or more frequent cadence means hybrid.
 */
import { isHeaderLine } from './header.ts';
import { normaliseRegion } from './location.ts';
import type { Remote, RemotePolicy } from './types.ts';

const NUM = String.raw`(?:\d{1,2}|one|two|three|four|five|six|once|twice)`;
/** Words after "remote"/"hybrid"/"onsite" that mean something other than a work arrangement. */
const REMOTE_NOT_POLICY = String.raw`(?:sensing|sensor|sensors|monitoring|control|controlled|access|server|servers|desktop|execution|patients?|areas?|communities|villages?|islands?|sites?|devices?|procedures?|repositor(?:y|ies)|branch|api|calls?|attestation|data|operations|pilot(?:s|ing)?|viewing|learning|workers|teams|workforce|employees|companies|work\s+tools?|collaboration\s+tools?|hiring\s+platform|first\s+tools?|support\s+tools?|diagnostics|management|interviews?)`;
const HYBRID_NOT_POLICY = String.raw`(?:cloud|search|models?|approach(?:es)?|architectures?|apps?|applications?|vehicles?|retrieval|systems?|quantum|integration|infrastructure|deployments?|ai|ml|methods?|algorithms?|solutions?|compute|storage|networks?|engines?|cars?|rag|ranking|recommendation|approaches|simulation|modeling|modelling|physics|neural|reasoning)`;
const ONSITE_NOT_POLICY = String.raw`(?:engagement|conversions?|experience|ads?|search|content|behaviou?r|activity|actions?|signals?|metrics?|shopping|users?|surfaces?|clicks?|sales)`;

/** Every RegExp this module uses (checked for ReDoS by test/extract/redos.test.ts). */
export const PATTERNS = {
  /** LinkedIn tags: #LI-REMOTE, LI-HYBRID, #LI-Onsite. */
  tag: /(?<![\w-])#?LI-(REMOTE|HYBRID|ONSITE|ON-SITE|OFFICE|IN-OFFICE)(?![\w-])/gi,
  /** "Key: value" field lines about location or work model. */
  field: /^[ \t]{0,4}(?:[-*•][ \t]{0,4})?(location|work[ \t]?(?:model|place|arrangement|type|style|setup|mode|location)|workplace(?:[ \t]type)?|remote|remote[ \t]work|onsite|on-site|hybrid|office|arrangement|type|job[ \t]type|employment[ \t]type)[ \t]{0,4}:[ \t]{0,4}([^\n]{1,160})$/gim,
  /** A policy word heading or closing a short segment. */
  segRemote: new RegExp(String.raw`^(?:work[ \t]from[ \t]home|wfh)[ \t.!]{0,4}$|^(?:(?:fully|100%|full[- ]?time|fully-|global|globally|worldwide)[ \t]{0,4})?remote(?:ly)?(?:[- ](?:first|only|friendly|ok|okay))?\b(?![ \t]{1,4}${REMOTE_NOT_POLICY}\b)|\bremote(?:ly)?[ \t]{0,4}(?:ok|okay|possible|friendly|first|only|available)?[ \t.!]*$`, 'i'),
  segHybrid: new RegExp(String.raw`^hybrid\b(?![ \t]{1,4}${HYBRID_NOT_POLICY}\b)|\bhybrid[ \t.!]*$`, 'i'),
  segOnsite: /^(?:on[- ]?site|in[- ]?person|in[- ]?office|in[- ]the[- ]office|office[- ]based)\b(?![ \t]{1,4}(?:engagement|experience|interviews?)\b)|\b(?:on[- ]?site|in[- ]?person|in[- ]?office)[ \t.!]*(?:only)?[ \t.!]*$/i,
  /** "part remote", "partially remote", "remote part-time": a hybrid arrangement. */
  partRemote: /\b(?:part(?:ly|ially|ial)?[- ]remote|remote[ \t]part[- ]of[ \t]the[ \t]week|partial(?:ly)?[ \t](?:remote|on[- ]?site|in[- ]office)|[1-4][ \t]{0,4}days?[ \t]{1,4}(?:a[ \t]{1,4}week[ \t]{1,4})?(?:remote|from[ \t]home|wfh))\b/i,
  /** "Remote: yes/no", "Onsite: no". */
  yesNo: /^[ \t]{0,4}(remote|hybrid|on-?site)[ \t]{0,4}:[ \t]{0,4}(yes|no|possible|ok|optional)\b/i,
  /** Remote in prose. */
  /** Remote in prose (split in three so each stays simple to check). */
  proseRemote1: new RegExp(String.raw`\b(?:fully|100%|completely|entirely|full[- ]time|permanently)[ \t]{1,4}remote(?:ly)?\b|\bremote[- ](?:first|only|friendly|native|ok|okay)\b|\bremote[ \t]{1,4}(?:role|position|job|opportunit(?:y|ies)|work|working|option|possible|company|culture|setup|friendly|candidates|applicants|hires?)\b`, 'gi'),
  proseRemote2: new RegExp(String.raw`\bwork(?:ing)?[ \t]{1,4}(?:fully[ \t]{1,4}|100%[ \t]{1,4})?remotely\b|\b(?:can|may|will|could)[ \t]{1,4}be[ \t]{1,4}(?:done[ \t]{1,4}|performed[ \t]{1,4}|based[ \t]{1,4})?(?:fully[ \t]{1,4})?remote(?:ly)?\b|\b(?:is|are|role's|we're|we[ \t]are)[ \t]{1,4}(?:a[ \t]{1,4})?(?:fully[ \t]{1,4}|100%[ \t]{1,4})?remote\b(?![ \t]{1,4}${REMOTE_NOT_POLICY}\b)`, 'gi'),
  proseRemote3: new RegExp(String.raw`\bopen[ \t]{1,4}to[ \t]{1,4}remote\b|\bhire[ \t]{1,4}remotely\b|\b(?:spread[ \t]{1,4}out|distributed)[ \t]{1,4}remotely\b|\(remote\)|\b(?:be[ \t]{1,4})?situated[ \t]{1,4}anywhere(?:[ \t]{1,4}in[ \t]{1,4}the[ \t]{1,4}(?:country|world|US|USA|United[ \t]States|UK|EU))?|\bwork[ \t]{1,4}from[ \t]{1,4}anywhere\b|\bremote[ \t]{1,4}(?:within|from|in)[ \t]{1,4}(?:the[ \t]{1,4})?(?:US|USA|U\.S\.|United States|Canada|EU|Europe|UK|North America|LATAM|Latin America|APAC)\b`, 'gi'),
  /** "REMOTE LATAM", "Remote (US)", "remote - EU" in running text: remote written against the region it is open to. */
  proseRemoteRegion: /(?<![-/.])\bremote[ \t]{0,2}(?:\((?:US|USA|LATAM|EU|EMEA|Europe|Canada|UK|APAC|North[ \t]America|Latin[ \t]America|worldwide)\)|(?:[-–—][ \t]{0,2})?(?:US|USA|LATAM|EU|EMEA|Europe|Canada|UK|APAC|North[ \t]America|Latin[ \t]America|worldwide)\b)/gi,
  /** Remote denied: "remote is not", "no remote", "not a remote role". */
  noRemote: /\b(?:no|not|non)[ \t-]+(?:a[ \t]{1,4})?(?:fully[ \t]{1,4})?remote\b|\bremote[ \t]{1,4}(?:work[ \t]{1,4})?(?:is|are)[ \t]{1,4}not\b|\b(?:not|unable[ \t]{1,4}to)[ \t]{1,4}(?:open[ \t]{1,4}to|offer|support|consider(?:ing)?)[ \t]{1,4}remote\b|\bremote[ \t]{1,4}(?:work[ \t]{1,4})?(?:isn't|is[ \t]{1,4}n't|not[ \t]{1,4}(?:possible|available|an[ \t]{1,4}option))\b/gi,
  /** Hybrid in prose. */
  proseHybrid: new RegExp(String.raw`\bhybrid\b(?![ \t-]+${HYBRID_NOT_POLICY}\b)`, 'gi'),
  /** Onsite in prose. */
  proseOnsite: new RegExp(String.raw`\b(?:on[- ]?site|in[- ]person|in[- ]office)[ \t]{1,4}(?:only|role|position|job|work|team|culture|5[ \t]{1,4}days|five[ \t]{1,4}days|full[- ]time)\b|\b(?:fully|100%|full[- ]time|5[ \t]{1,4}days[ \t]{1,4}(?:a|per)[ \t]{1,4}week)[ \t]{1,4}(?:on[- ]?site|in[- ]person|in[- ]office|in[ \t]the[ \t]office)\b|\b(?:work(?:ing)?|be|are|is)[ \t]{1,4}(?:fully[ \t]{1,4})?(?:on[- ]?site|in[- ]person|in[ \t]the[ \t]office)[ \t]{1,4}(?:in|at|with|every|daily|full)\b|\b(?:on[- ]?site|in[- ]?person)[ \t]{1,4}(?:in|at)[ \t]{1,4}(?:our[ \t]{1,4})?[A-Z]|\boffice[- ]based\b|\bin[- ]person[ \t]{1,4}only\b|\((?:on[- ]?site|in[- ]office|in[- ]person)(?:[ \t]{1,4}only)?\)`, 'gi'),
  /** Office cadence: "1-2 times/quarter", "3 days a week", "2 days/week onsite", "1 time every 6 months". */
  cadence: new RegExp(String.raw`\b(${NUM})(?:[ \t]?(?:-|–|to|or)[ \t]?(${NUM}))?[ \t]?(?:x|times?|days?|visits?)?[ \t]?(?:a|per|each|every|\/|in[ \t]a)[ \t]?(?:(\d{1,2}|two|three|six)[ \t])?(weeks?|wk|months?|quarters?|years?|yr)\b`, 'gi'),
  /** Bare day counts next to office words: "In-Office 3-4 days", "in office 3 days". */
  bareDays: new RegExp(String.raw`\b(?:in[- ]?office|on[- ]?site|in[- ]person|office)[ \t]?\(?(?:for[ \t])?(${NUM})(?:[ \t]?(?:-|–|to)[ \t]?(${NUM}))?[ \t]days?\b`, 'gi'),
  /** "on-site interview", "in-person event" right after an on-site phrase: not a work arrangement. */
  onsiteNotPolicyAfter: new RegExp(String.raw`^\S*\s*${ONSITE_NOT_POLICY}\b`, 'i'),
  /** Weekday lists next to office words: "in-office MWF", "Hybrid Tue/Thu". */
  weekdays: /\b(?:in[- ]?office|on[- ]?site|hybrid|in[- ]person)[ \t](?:on[ \t])?((?:monday|tuesday|wednesday|thursday|friday|mon|tues|tue|wed|thurs|thur|thu|fri)(?:(?:[ \t]?[\/,&][ \t]?|,?[ \t]and[ \t])(?:monday|tuesday|wednesday|thursday|friday|mon|tues|tue|wed|thurs|thur|thu|fri)){0,4})\b/gi,
  /** "in-office MWF", "onsite TTh". */
  weekdayLetters: /\b(?:[Ii]n[- ]?[Oo]ffice|[Oo]n[- ]?[Ss]ite|[Hh]ybrid|[Ii]n[- ][Pp]erson)[ \t](?:on[ \t])?((?:M|Tu?|W|Th|F){2,5})\b/g,
  /**
   * Words without which a pattern cannot match (each pattern needs at least one): a cheap look that lets most
   * lines and many postings skip the long alternations.
   */
  needsPolicyWord: /remote|hybrid|site|person|office|home|wfh/i,
  needsRemote: /remote|anywhere/i,
  needsOnsite: /site|person|office/i,
  needsOfficePlace: /office|site|person|hybrid/i,
  /** Office context for a cadence. */
  officeWord: /\b(?:office|on[- ]?site|in[- ]person|onsite|in[- ]office|hq|headquarters|visits?|collaboration|meet[- ]?ups?)\b/i,
  /** Region words beside a remote policy. */
  region: /\b(US|USA|U\.S\.A?\.?|United States|America|Canada|UK|United Kingdom|EU|Europe|European|EMEA|North America|LATAM|Latin America|South America|APAC|Asia|worldwide|anywhere in the world|global(?:ly)?|Germany|France|Spain|Portugal|Netherlands|Ireland|Poland|India|Brazil|Mexico|Australia|Israel)\b/g,
  /** "anywhere in the US", "anywhere within Europe": the place right after "anywhere". */
  anywhereIn: /^[ \t]{1,4}(?:in|within|across)[ \t]{1,4}(?:the[ \t]{1,4})?[^\n,.;()]{2,40}/i,
};

interface Signal {
  policy: RemotePolicy | 'no-remote';
  tier: 1 | 2 | 3;
  evidence: string;
  rule: string;
  index: number;
  /** Regions named beside the signal ("Remote (US)", "Remote (Germany/UK)"), in the order written. */
  regions?: string[];
}

const WORD_NUM: Record<string, number> = { one: 1, once: 1, two: 2, twice: 2, three: 3, four: 4, five: 5, six: 6 };
const num = (s: string | undefined) => (s == null ? null : WORD_NUM[s.toLowerCase()] ?? Number(s));
const PER_YEAR: Record<string, number> = { week: 52, wk: 52, month: 12, quarter: 4, year: 1, yr: 1 };

/** Every region named in a short span beside a remote word, normalised, in order; [] when none. */
function regionsIn(span: string): string[] {
  const out: string[] = [];
  for (const m of span.matchAll(PATTERNS.region)) {
    const r = normaliseRegion(m[1]!.replace(/\.$/, '')) ?? (/^U\.S/i.test(m[1]!) ? 'US' : null);
    if (r && !out.includes(r)) out.push(r);
  }
  return out;
}

/**
 * Regions of a remote header segment: those in the segment and in the short segments right after it that are
 * regions ("Remote | US", "Remote (Germany/UK)", "Remote - US or Canada"), up to the first that is not.
 */
function regionsAfter(seg: string, rest: { text: string }[]): string[] {
  const out = regionsIn(seg);
  for (const next of rest) {
    const found = next.text.length <= 30 ? regionsIn(next.text) : [];
    if (!found.length) break;
    for (const r of found) if (!out.includes(r)) out.push(r);
  }
  return out;
}

/**
 * Regions of a remote phrase in prose: "work from anywhere in the US" names the place after "anywhere" ("anywhere
 * in the country" names none); other phrases name what follows them within a few words ("remote within the EU").
 */
function proseRegions(text: string, phrase: string, index: number): string[] {
  const end = index + phrase.length;
  if (/anywhere/i.test(phrase)) {
    if (/anywhere[ \t]{1,4}in[ \t]{1,4}the[ \t]{1,4}country/i.test(phrase)) return [];
    const place = PATTERNS.anywhereIn.exec(text.slice(end, end + 60));
    return regionsIn(text.slice(index, end + (place?.[0].length ?? 0)));
  }
  return regionsIn(text.slice(index, end + 40));
}

/** Split a short line into segments at header separators and parentheses. */
function segments(line: string): { text: string; index: number }[] {
  const out: { text: string; index: number }[] = [];
  const re = /[|•·;()\[\]&]|\s[-–—]\s|\s\+\s|\s\/\s|\/|\bor\b|\band\b|,/gi;
  let last = 0;
  for (const m of line.matchAll(re)) {
    out.push({ text: line.slice(last, m.index), index: last });
    last = m.index + m[0].length;
  }
  out.push({ text: line.slice(last), index: last });
  return out.map((s) => {
    const lead = s.text.length - s.text.trimStart().length;
    return { text: s.text.trim(), index: s.index + lead };
  }).filter((s) => s.text);
}

/** Office cadence stated anywhere in the text: [low, high] days a year, with the span. */
export function extractCadence(text: string): { days: [number, number]; evidence: string } | null {
  // A cadence needs an office word in its sentence, so a text without one has none; the forms after it need one of
  // their own office or policy words.
  if (PATTERNS.officeWord.test(text)) for (const m of text.matchAll(PATTERNS.cadence)) {
    const sentence = sentenceAround(text, m.index, m[0].length);
    if (!PATTERNS.officeWord.test(sentence.text)) continue;
    const unit = m[4]!.toLowerCase().replace(/s$/, '');
    const every = num(m[3]) ?? 1;
    const perYear = (PER_YEAR[unit] ?? 0) / every;
    const lo = num(m[1]!), hi = num(m[2]) ?? lo;
    if (lo == null || hi == null || !perYear || lo > 7 * (unit === 'week' ? 1 : 31)) continue;
    return { days: [Math.round(lo * perYear), Math.round(hi * perYear)], evidence: sentence.clause };
  }
  if (!PATTERNS.needsOfficePlace.test(text)) return null;
  for (const m of text.matchAll(PATTERNS.bareDays)) {
    const lo = num(m[1]!), hi = num(m[2]) ?? lo;
    if (lo == null || hi == null || hi > 5) continue;
    return { days: [lo * 52, hi * 52], evidence: m[0] };
  }
  for (const m of [...text.matchAll(PATTERNS.weekdays), ...text.matchAll(PATTERNS.weekdayLetters)]) {
    const list = m[1]!;
    let n = 0;
    if (/^[MTWhuF]+$/.test(list)) n = list.replace(/Th|Tu/g, 'T').length;
    else n = new Set((list.match(/mon|tue|wed|thu|fri/gi) ?? []).map((d) => d.toLowerCase())).size;
    if (n >= 1 && n <= 5) return { days: [n * 52, n * 52], evidence: m[0] };
  }
  return null;
}

/** The sentence (or bullet) around a match, and the clause from its policy words to the match end. */
function sentenceAround(text: string, index: number, length: number): { text: string; clause: string } {
  let start = index;
  while (start > 0 && !/[.!?\n]/.test(text[start - 1]!) && index - start < 300) start--;
  let end = index + length;
  while (end < text.length && !/[.!?\n]/.test(text[end]!) && end - index < 300) end++;
  const sentence = text.slice(start, end);
  // Evidence: from "in the office"/"onsite" (when before the cadence) to the end of the cadence.
  const rel = index - start;
  const head = sentence.slice(0, rel);
  const at = head.search(/\b(?:in[ \t]the[ \t]office|in[- ]office|on[- ]?site|in[- ]person|office)\b/i);
  const from = at >= 0 ? at : rel;
  let clause = sentence.slice(from, rel + length).trim();
  if (at >= 0) {
    const pre = sentence.slice(0, at).match(/\b(?:be|need[ \t]to[ \t]be|work)[ \t]{1,4}$/i);
    if (pre) clause = sentence.slice(at, rel + length).trim();
  }
  return { text: sentence, clause };
}

/** Tier 3: the employer's own tags (#LI-REMOTE, LI-HYBRID, #LI-Onsite). */
function tagSignals(text: string): Signal[] {
  return [...text.matchAll(PATTERNS.tag)].map((m) => {
    const kind = m[1]!.toUpperCase();
    const policy: RemotePolicy = kind === 'REMOTE' ? 'remote' : kind === 'HYBRID' ? 'hybrid' : 'onsite';
    return { policy, tier: 3, evidence: m[0], rule: 'tag', index: m.index };
  });
}

/** The signal of one segment of a header or field line, if its words start or end with a policy word. */
function segmentSignal(t: string, segs: { text: string; index: number }[], si: number, index: number): Signal | null {
  const seg = segs[si]!;
  if (PATTERNS.partRemote.test(seg.text)) return { policy: 'hybrid', tier: 2, evidence: seg.text, rule: 'header', index };
  if (/\b(?:no|not)[ \t]{1,4}remote\b/i.test(seg.text)) return { policy: 'no-remote', tier: 2, evidence: seg.text, rule: 'header', index };
  if (PATTERNS.segRemote.test(seg.text)) {
    // "Remote, US": the region segment belongs in the evidence.
    const nextSeg = segs[si + 1];
    let evidence = seg.text;
    if (nextSeg && nextSeg.text.length <= 30 && regionsIn(nextSeg.text).length && !regionsIn(seg.text).length) {
      evidence = t.slice(seg.index, nextSeg.index + nextSeg.text.length);
      const close = t.indexOf(')', seg.index);
      if (evidence.includes('(') && !evidence.includes(')') && close >= 0) evidence = t.slice(seg.index, close + 1);
    }
    return { policy: 'remote', tier: 2, evidence, rule: 'header', index, regions: regionsAfter(seg.text, segs.slice(si + 1)) };
  }
  if (PATTERNS.segHybrid.test(seg.text)) return { policy: 'hybrid', tier: 2, evidence: seg.text, rule: 'header', index };
  if (PATTERNS.segOnsite.test(seg.text)) {
    // "In-Office 3-4 days" is a hybrid cadence, not full-time onsite.
    const n = /\b([1-7])[ \t]{0,4}(?:-[ \t]{0,4}\d[ \t]{0,4})?(?:days?|x)\b/i.exec(seg.text);
    const days = (n ? Number(n[1]) < 5 : false) || /\b(?:mon|tue|wed|thu|fri)/i.test(seg.text);
    return { policy: days ? 'hybrid' : 'onsite', tier: 2, evidence: seg.text, rule: 'header', index };
  }
  return null;
}

/** Tier 2: header lines, "Key: value" fields and short lines whose segments start or end with a policy word. */
function lineSignals(text: string): Signal[] {
  const signals: Signal[] = [];
  let offset = 0;
  let rank = 0;
  for (const line of text.split('\n')) {
    const lineStart = offset;
    offset += line.length + 1;
    const t = line.trim();
    if (!t) continue;
    const lineRank = rank++;
    if (!PATTERNS.needsPolicyWord.test(t)) continue;
    const isField = /^[ \t]{0,4}(?:[-*•][ \t]{0,4})?[A-Za-z][A-Za-z ]{1,30}:/.test(line);
    // A header line (header.ts), or any short line among the top three (job boards print "Remote", "Hybrid" alone).
    const isHeader = isHeaderLine(t, lineRank) || (lineRank < 3 && t.length <= 120);
    const isShort = t.length <= 60 || (t.length <= 140 && /[|•·]/.test(t));
    if (!isField && !isHeader && !isShort) continue;
    const yn = PATTERNS.yesNo.exec(t);
    if (yn) {
      const word = yn[1]!.toLowerCase().replace('-', '');
      const yes = !/^no$/i.test(yn[2]!);
      if (word === 'remote') signals.push({ policy: yes ? 'remote' : 'no-remote', tier: 2, evidence: yn[0].trim(), rule: 'field', index: lineStart });
      else if (yes) signals.push({ policy: word === 'hybrid' ? 'hybrid' : 'onsite', tier: 2, evidence: yn[0].trim(), rule: 'field', index: lineStart });
      continue;
    }
    // Long prose lines that happen to be short are not fields: require few words unless the line has separators.
    if (!isHeader && !isField && !/[|•·]/.test(t) && t.split(/\s+/).length > 8) continue;
    const segs = segments(t.replace(/^[ \t]{0,4}[A-Za-z][A-Za-z ]{1,30}:[ \t]{0,4}/, (m) => ' '.repeat(m.length)));
    for (let si = 0; si < segs.length; si++) {
      const seg = segs[si]!;
      // Long segments only count in a header, and only by their first words ("| ONSITE Zigment is a …").
      if (seg.text.length > 60 && !(isHeader && (PATTERNS.segRemote.test(seg.text.slice(0, 40).replace(/\s\S*$/, '')) || PATTERNS.segOnsite.test(seg.text.slice(0, 40).replace(/\s\S*$/, ''))))) continue;
      const signal = segmentSignal(t, segs, si, lineStart + (line.length - line.trimStart().length) + seg.index);
      if (signal) signals.push(signal);
    }
  }
  return signals;
}

/** Tier 1: prose ("fully remote", "hybrid work", "in person only", "remote is not an option") and an office cadence. */
function proseSignals(text: string, cadence: ReturnType<typeof extractCadence>): Signal[] {
  const own = text;
  const signals: Signal[] = [];
  const denied: [number, number][] = [];
  const remoteWords = PATTERNS.needsRemote.test(own);
  if (remoteWords) for (const m of own.matchAll(PATTERNS.noRemote)) {
    denied.push([m.index, m.index + m[0].length]);
    signals.push({ policy: 'no-remote', tier: 1, evidence: m[0], rule: 'prose', index: m.index });
  }
  const inDenied = (i: number) => denied.some(([a, b]) => i >= a - 2 && i <= b);
  const remotePatterns = remoteWords ? [PATTERNS.proseRemote1, PATTERNS.proseRemote2, PATTERNS.proseRemote3, PATTERNS.proseRemoteRegion] : [];
  for (const m of remotePatterns.flatMap((re) => [...own.matchAll(re)])) {
    if (inDenied(m.index)) continue;
    signals.push({ policy: 'remote', tier: 1, evidence: m[0], rule: 'prose', index: m.index, regions: proseRegions(own, m[0], m.index) });
  }
  if (/hybrid/i.test(own)) for (const m of own.matchAll(PATTERNS.proseHybrid)) {
    if (/LI-$/i.test(own.slice(Math.max(0, m.index - 3), m.index))) continue; // part of a tag
    const before = own.slice(Math.max(0, m.index - 12), m.index);
    if (/\b(?:a|the)[ \t]{1,4}$/i.test(before) && !/^hybrid[ \t]{1,4}(?:role|position|work|schedule|model|setup)/i.test(own.slice(m.index, m.index + 30))) {
      const after = own.slice(m.index + m[0].length, m.index + m[0].length + 25);
      if (!/^[ \t]{0,4}(?:role|position|work|working|schedule|arrangement|setup|model|environment|policy|basis|team|,|\.|\))/i.test(after)) continue;
    }
    signals.push({ policy: 'hybrid', tier: 1, evidence: m[0], rule: 'prose', index: m.index });
  }
  if (PATTERNS.needsOnsite.test(own)) for (const m of own.matchAll(PATTERNS.proseOnsite)) {
    const after = own.slice(m.index + m[0].length - 12, m.index + m[0].length + 20);
    if (PATTERNS.onsiteNotPolicyAfter.test(after.trim())) continue;
    signals.push({ policy: 'onsite', tier: 1, evidence: m[0], rule: 'prose', index: m.index });
  }
  if (cadence) {
    const occasional = cadence.days[1] < 24;
    const fullWeek = cadence.days[0] >= 260;
    signals.push({ policy: occasional ? 'remote' : fullWeek ? 'onsite' : 'hybrid', tier: 1, evidence: cadence.evidence, rule: 'cadence', index: own.indexOf(cadence.evidence) });
  }
  return signals;
}

/**
 * Read the work arrangement of a posting: the signals of each tier (tags, header and field lines, prose), then the
 * strongest tier that says anything decides.
 * @param text cleaned posting text
 * @returns the policy with region, office days a year, evidence spans and rule names; null when the text states none
 */
export function extractRemote(text: string): Remote | null {
  const cadence = extractCadence(text);
  return decide([...tagSignals(text), ...lineSignals(text), ...proseSignals(text, cadence)], cadence);
}

/** Pick the policy from the signals (see the module comment), then gather region, cadence and evidence. */
function decide(signals: Signal[], cadence: { days: [number, number]; evidence: string } | null): Remote | null {
  if (!signals.length) return null;
  const top = Math.max(...signals.map((s) => s.tier)) as 1 | 2 | 3;
  // A denial at a higher or equal tier cancels remote words at its tier or below.
  const denialTier = Math.max(0, ...signals.filter((s) => s.policy === 'no-remote').map((s) => s.tier));
  const live = signals.filter((s) => !(s.policy === 'remote' && s.tier <= denialTier && s.rule !== 'tag'));
  let policy: RemotePolicy | null = null;
  let chosen: Signal[] = [];
  for (let tier = top; tier >= 1 && !policy; tier--) {
    const at = live.filter((s) => s.tier === tier);
    for (const p of ['remote', 'hybrid', 'onsite'] as const) {
      const hits = at.filter((s) => s.policy === p);
      if (hits.length) { policy = p; chosen = hits; break; }
    }
    if (!policy && at.some((s) => s.policy === 'no-remote')) {
      // "Remote is not an option" with no other word: the role is in the office.
      policy = 'onsite';
      chosen = at.filter((s) => s.policy === 'no-remote');
    }
  }
  if (!policy) return null;
  // "ONSITE (3 days/week in office)": a weekly cadence short of five days makes an onsite word hybrid.
  if (policy === 'onsite' && cadence && cadence.days[0] >= 24 && cadence.days[0] < 260) {
    policy = 'hybrid';
    chosen = [...chosen, ...signals.filter((s) => s.rule === 'cadence')];
  }

  // Supporting evidence: prose or cadence that agrees with the decision.
  const support = live.filter((s) => !chosen.includes(s) && s.policy === policy && (s.rule === 'cadence' || s.rule === 'prose'));
  const all = [...chosen, ...support].sort((a, b) => a.index - b.index);
  const evidence: string[] = [];
  for (const s of all) if (!evidence.includes(s.evidence)) evidence.push(s.evidence);
  // A remote role's cadence is its occasional visits; a weekly cadence belongs to a hybrid alternative.
  const cadenceFits = cadence && (policy === 'hybrid' || (policy === 'remote' && cadence.days[1] < 24));
  if (cadenceFits && !evidence.includes(cadence.evidence)) evidence.push(cadence.evidence);
  const rules = [...new Set(all.map((s) => s.rule))];
  if (cadenceFits && !rules.includes('cadence')) rules.push('cadence');
  // The regions of the signal that names them first (several signals naming regions repeat one statement).
  const regions = policy === 'remote' ? all.find((s) => s.regions?.length)?.regions ?? [] : [];
  return {
    policy,
    region: regions[0] ?? null,
    regions,
    officeDaysPerYear: cadenceFits ? cadence.days : null,
    evidence,
    rule: rules.join('+'),
  };
}
