import iconv from 'iconv-lite';
import { decodeHTML } from 'entities';

/** Result of cleaning a raw posting text. */
export interface Cleaned {
  /** The posting's own text after repair (mojibake, entities, tags), chrome set aside. Evidence spans are substrings of this. */
  text: string;
  /** Blocks set aside as job-board chrome or other postings, with the reason. */
  removed: { reason: string; text: string }[];
}

/** Why a block of text was set aside. */
export type RemovedReason =
  | 'other-postings'
  | 'job-alerts'
  | 'navigation'
  | 'cookies'
  | 'salary-widget'
  | 'script';

/**
 * The regular expressions cleaning uses, exported so test/extract/redos.test.ts can check each one.
 * Every quantifier is bounded or unambiguous: cleaning runs on untrusted text of any size.
 */
export const PATTERNS = {
  /**
   * A run that looks like UTF-8 read as Windows-1252: a lead byte (Â-ô as Latin-1) followed by
   * one to three continuation bytes as Windows-1252 shows them (0x80-0xBF: C1 controls, € ‚ ƒ „ … † ‡ ˆ ‰ Š ‹ Œ Ž
   * ‘ ’ “ ” • – — ˜ ™ š › œ ž Ÿ and U+00A0-U+00BF).
   */
  mojibake:
    /[\u00C2-\u00F4][\u0080-\u00BF\u0152\u0153\u0160\u0161\u0178\u017D\u017E\u0192\u02C6\u02DC\u2013\u2014\u2018-\u201A\u201C-\u201E\u2020-\u2022\u2026\u2030\u2039\u203A\u20AC\u2122]{1,3}/g,
  /** The start of a `<script>` / `<style>` element: its content is code, never posting text. */
  scriptOpen: /<(?:script|style)\b/gi,
  /** The end of a `<script>` / `<style>` element. */
  scriptClose: /<\/(?:script|style)\s{0,5}>/gi,
  /** Tags that end a line or block: turned into a line break. */
  blockTag: /<\/?(?:br|p|div|li|ul|ol|h[1-6]|tr|table|section|article|header|footer|blockquote|pre|hr)\b[^<>]{0,500}>/gi,
  /** Any other element tag (name starts with a letter); dropped, its text kept. */
  anyTag: /<\/?[a-z][a-z0-9-]{0,30}(?:\s[^<>]{0,500})?\/?>/gi,
  /** The start of an HTML comment. */
  commentOpen: /<!--/g,
  /** An HTML entity, named or numeric: the cue that entity decoding is needed. */
  entity: /&(?:#\d{1,7}|#x[0-9a-f]{1,6}|[a-z][a-z0-9]{1,31});/i,
  /** A lowercase word glued to a money figure ("only222,000", "Remote$239K"): a space goes between. */
  gluedMoney: /(?<=[a-z]{2})(?=[$€£]\d|\d{1,3}(?:,\d{3}){1,3}(?!\d))/g,
  /** A money figure glued to the next capitalised word ("$51,500On Target Earnings"). */
  gluedFigureWord: /(?<=\d,\d{3})(?=[A-Z][a-z])/g,
  /** A currency code glued to the next capitalised word ("USDOur Commitment"). */
  gluedCode: /(?<=\d[\s\u00A0]{0,2}(?:USD|EUR|GBP|CAD|AUD|CHF|INR|SGD))(?=[A-Z][a-z])/g,
  /** A sentence end glued to the next sentence ("found here.US based"). */
  gluedSentence: /(?<=[a-z]{3}[.!?])(?=[A-Z][A-Za-z])/g,
  /** The four above as plain matches of what stands on both sides (not global: a test, not a replacement). */
  gluedMoneyHere: /[a-z]{2}(?:[$€£]\d|\d{1,3}(?:,\d{3}){1,3}(?!\d))/,
  gluedFigureWordHere: /\d,\d{3}[A-Z][a-z]/,
  gluedCodeHere: /\d[\s\u00A0]{0,2}(?:USD|EUR|GBP|CAD|AUD|CHF|INR|SGD)[A-Z][a-z]/,
  gluedSentenceHere: /[a-z]{3}[.!?][A-Z][A-Za-z]/,
  /** Headings that start a list of other postings (job-board "Similar jobs" and the like). */
  otherPostingsHeading:
    /^(?:similar|related|recommended|suggested|other|more|featured|top|latest|recent|trending)(?: \w{1,20}){0,3} (?:jobs|roles|positions|openings|vacancies|opportunities|listings)\b.{0,60}$|^(?:more )?jobs (?:like this|you may (?:like|be interested in)|for you|similar to this)\b.{0,40}$|^people (?:also|who) (?:viewed|searched|applied)\b.{0,60}$|^(?:looking for something (?:different|else)|not the right (?:fit|role|job))\b.{0,40}$|^(?:browse|see|view|explore) (?:all|more)\b.{0,40}\bjobs\b.{0,40}$/i,
  /** Headings of salary widgets about other roles ("Salary insights", "Average salary for …"). */
  salaryWidgetHeading:
    /^(?:salary insights|similar salaries|salaries for similar (?:roles|jobs)|compare salaries|see salaries\b.{0,40}|(?:average|typical|median) (?:base )?(?:salary|pay) (?:for|of|at)\b.{0,80})$/i,
  /** Lines that are job-board navigation or buttons. */
  navigationLine:
    /^(?:not interested|bookmark(?:ed)?|report (?:this )?job|apply(?: now| for this job| on company site)?|easy apply|save(?: job)?|saved|share(?: this job)?|view (?:profile|more|all|company)(?: view (?:profile|more|all|company))?|show (?:more|less)|see more|read more|sign in(?: to apply)?|log ?in|company logo|logo(?:logo)?|\S{1,40} logo|back to (?:search|jobs|results)|get jobs tailored to your resume|\d{1,6} (?:jobs|applicants|views)(?: posted)?|job board)$/i,
  /** Lines about job alerts and newsletters. */
  jobAlertLine:
    /\b(?:job alerts?|delivered to your inbox|subscribe to (?:our )?(?:newsletter|job)|create (?:a )?job alert|no spam)\b/i,
  /** Cookie banners. */
  cookieLine: /\b(?:we use cookies|this (?:site|website) uses cookies|accept (?:all )?cookies|cookie (?:policy|settings|preferences))\b/i,
  /** Three or more line breaks in a row: collapsed to one blank line. */
  blankRun: /\n{3,}/g,
  /** What {@link tidied} changes inside a text: a carriage return, spaces ending a line, a run of blank lines. */
  untidy: /\r|[^\S\n]\n|\n{3}/,
  /**
   * A job board's age stamp on a listing ("2 weeks ago", "3d ago", "30+ days ago", "Reposted 5 hours ago"): many
   * of them close together are a list of other jobs.
   */
  listingAge: /\b\d{1,3}\+? ?(?:min(?:ute)?s?|h(?:ou)?rs?|h|days?|d|w(?:ee)?ks?|w|mo(?:nth)?s?|months?|y(?:ea)?rs?) ago\b/i,
  /** Headings that belong to the posting itself: a block of chrome ends when one follows it. */
  ownHeading:
    /^(?:about (?:the|this) (?:role|job|position|team)|responsibilities|requirements|qualifications|what you(?:'|’)?ll do|what we(?:'|’)?re looking for|who you are|benefits|compensation|pay range|salary(?: range)?|job description|the role|your role)\b.{0,40}$/i,
} as const;

const CP1252_EXTRA: Record<string, number> = {
  '\u20AC': 0x80, '\u201A': 0x82, '\u0192': 0x83, '\u201E': 0x84, '\u2026': 0x85, '\u2020': 0x86, '\u2021': 0x87,
  '\u02C6': 0x88, '\u2030': 0x89, '\u0160': 0x8a, '\u2039': 0x8b, '\u0152': 0x8c, '\u017D': 0x8e, '\u2018': 0x91,
  '\u2019': 0x92, '\u201C': 0x93, '\u201D': 0x94, '\u2022': 0x95, '\u2013': 0x96, '\u2014': 0x97, '\u02DC': 0x98,
  '\u2122': 0x99, '\u0161': 0x9a, '\u203A': 0x9b, '\u0153': 0x9c, '\u017E': 0x9e, '\u0178': 0x9f,
};

/** Windows-1252 bytes of a run; C1 controls (which iconv-lite has no mapping for) map to their own byte. */
function toCp1252Bytes(run: string): Buffer | null {
  const bytes: number[] = [];
  for (const ch of run) {
    const code = ch.codePointAt(0)!;
    if (code >= 0x80 && code <= 0x9f) bytes.push(code);
    else if (CP1252_EXTRA[ch] !== undefined) bytes.push(CP1252_EXTRA[ch]!);
    else {
      const b = iconv.encode(ch, 'windows-1252');
      if (b.length !== 1 || (b[0] === 0x3f && ch !== '?')) return null;
      bytes.push(b[0]!);
    }
  }
  return Buffer.from(bytes);
}

/**
 * Repair mojibake: text that was UTF-8 but got decoded as Windows-1252 ("â€”" for "—", "Ã©" for "é").
 * Each suspect run is encoded back to Windows-1252 bytes and decoded as UTF-8; the repair is kept only
 * when it yields exactly one valid character (so genuine Latin-1 text such as "Â½" in a French posting stays).
 * @param text any text
 * @returns the text with every repairable run replaced
 */
export function repairMojibake(text: string): string {
  if (!/[\u00C2-\u00F4]/.test(text)) return text;
  return text.replace(PATTERNS.mojibake, (run) => {
    // Try the longest prefix that decodes to a single valid character, keep the rest as is.
    for (let len = run.length; len >= 2; len--) {
      const bytes = toCp1252Bytes(run.slice(0, len));
      if (!bytes) continue;
      const decoded = iconv.decode(bytes, 'utf8');
      if (!decoded.includes('\uFFFD') && [...decoded].length === 1) return decoded + run.slice(len);
    }
    return run;
  });
}

/** Cut out spans from an opening to a closing marker (to the end when unclosed), leaving a line break. */
function cutSpans(text: string, open: RegExp, close: RegExp | string): string {
  let out = '';
  let i = 0;
  open.lastIndex = 0;
  for (let m = open.exec(text); m; m = open.exec(text)) {
    out += text.slice(i, m.index) + '\n';
    let end = text.length;
    if (typeof close === 'string') {
      const c = text.indexOf(close, open.lastIndex);
      if (c >= 0) end = c + close.length;
    } else {
      close.lastIndex = open.lastIndex;
      const c = close.exec(text);
      if (c) end = c.index + c[0].length;
    }
    i = end;
    open.lastIndex = end;
  }
  return out + text.slice(i);
}

/** Drop markup: comments and script/style elements, then tags (block tags become line breaks). */
function dropMarkup(text: string): string {
  let out = text.includes('<!--') ? cutSpans(text, PATTERNS.commentOpen, '-->') : text;
  out = cutSpans(out, PATTERNS.scriptOpen, PATTERNS.scriptClose);
  return out.replace(PATTERNS.blockTag, '\n').replace(PATTERNS.anyTag, '');
}

/**
 * Turn HTML into plain text: script/style elements and comments are dropped, block tags (`<br>`, `<p>`,
 * `<li>` …) become line breaks, other tags are dropped with their text kept, and entities are decoded.
 * Text without tags or entities comes back unchanged.
 * @param text posting text that may hold HTML
 */
export function stripHtml(text: string): string {
  let out = text;
  if (out.includes('<')) out = dropMarkup(out);
  if (PATTERNS.entity.test(out)) {
    out = decodeHTML(out);
    // Entity-encoded markup (`&lt;p&gt;`) becomes markup once decoded: strip it too, so no tag survives.
    if (out.includes('<')) out = dropMarkup(out);
  }
  return out;
}

/**
 * Separate words glued together where lines were joined without a break: a word and a money figure
 * ("only222,000" → "only 222,000"), a currency code and the next sentence ("USDOur" → "USD Our"),
 * and two sentences ("here.US" → "here. US").
 * @param text plain text
 */
export function unglue(text: string): string {
  // Each glue pattern is a lookbehind at every position, which is slow to scan for; the same two sides written as
  // one plain match find quickly whether there is anything to separate at all (most texts have nothing).
  let out = text;
  for (const [glued, present] of GLUES) if (present.test(out)) out = out.replace(glued, ' ');
  return out;
}

/** Each glue pattern, with the plain match of both its sides that says whether it can apply. */
const GLUES: [RegExp, RegExp][] = [
  [PATTERNS.gluedMoney, PATTERNS.gluedMoneyHere],
  [PATTERNS.gluedCode, PATTERNS.gluedCodeHere],
  [PATTERNS.gluedFigureWord, PATTERNS.gluedFigureWordHere],
  [PATTERNS.gluedSentence, PATTERNS.gluedSentenceHere],
];

/** Classify one trimmed line as a single line of chrome, or null when it is posting text. */
function chromeLine(line: string): RemovedReason | null {
  if (line.length > 200) return null;
  if (PATTERNS.navigationLine.test(line)) return 'navigation';
  if (PATTERNS.jobAlertLine.test(line)) return 'job-alerts';
  if (PATTERNS.cookieLine.test(line)) return 'cookies';
  return null;
}

/** Is this trimmed line a heading that starts a block of chrome (other postings, salary widgets)? */
function chromeHeading(line: string): RemovedReason | null {
  // Headings are short and are not sentences.
  if (line.length > 120 || line.endsWith('.') || line.split(' ').length > 9) return null;
  const bare = line.replace(/^[#*\-–—•\s]{0,10}/, '').replace(/[:.!?*\s]{0,10}$/, '');
  if (PATTERNS.otherPostingsHeading.test(bare)) return 'other-postings';
  if (PATTERNS.salaryWidgetHeading.test(bare)) return 'salary-widget';
  return null;
}

/** A listing line is short: a card's title, place, pay or age, never a paragraph. */
const LISTING_LINE_MAX = 160;
/** Age stamps at most this many lines apart belong to one list of cards. */
const LISTING_CARD_MAX = 8;

/**
 * Lines that are a job board's list of other jobs with no heading above it: two or more age stamps ("2 weeks
 * ago") on short lines at most LISTING_CARD_MAX lines apart and evenly spaced (cards of one shape), each card's
 * short lines around its stamp. The posting's own single "Posted 3 days ago" is never a list. Returns the indexes of the lines to set aside.
 */
function listingLines(lines: string[]): Set<number> {
  const out = new Set<number>();
  const short = (i: number) => {
    const t = lines[i]?.trim() ?? '';
    return t !== '' && t.length <= LISTING_LINE_MAX;
  };
  const ages = lines.flatMap((l, i) => (l.length <= LISTING_LINE_MAX && PATTERNS.listingAge.test(l) ? [i] : []));
  let run: number[] = [];
  const flush = () => {
    run.reverse();
    if (run.length >= 2) {
      // A card spans the lines from one stamp to the next; the first card's lines before its stamp go too.
      const card = run[1]! - run[0]!;
      let from = run[0]!;
      while (from > 0 && run[0]! - from < card - 1 && short(from - 1)) from--;
      let to = run.at(-1)!;
      while (to + 1 < lines.length && to - run.at(-1)! < card - 1 && short(to + 1) && !PATTERNS.listingAge.test(lines[to + 1]!)) to++;
      for (let i = from; i <= to; i++) out.add(i);
    }
    run = [];
  };
  // From the end, where lists of other jobs usually stand: the cards of one list have one shape, so a stamp at
  // another distance (the posting's own "Posted 3 days ago" above the list) starts a run of its own.
  for (const i of ages.reverse()) {
    const gap = run.length ? run.at(-1)! - i : 0;
    const cardGap = run.length >= 2 ? run.at(-2)! - run.at(-1)! : gap;
    if (run.length && (gap > LISTING_CARD_MAX || Math.abs(gap - cardGap) > 1)) flush();
    run.push(i);
  }
  flush();
  return out;
}

/**
 * Clean a posting: repair mojibake, turn HTML into text, separate glued words, and set aside job-board
 * chrome (lists of other postings and what follows them, salary widgets of other roles, navigation
 * buttons, job alerts, cookie banners) into `removed` with a reason.
 * A chrome block that starts with a heading runs until a heading of the posting's own (Responsibilities,
 * Requirements, …) or the end of the text.
 * @param raw the posting text exactly as pasted
 * @returns the cleaned text every field extractor reads, and what was set aside
 */
export function clean(raw: string): Cleaned {
  const repaired = unglue(stripHtml(repairMojibake(raw.replace(/\r\n?/g, '\n'))));
  const lines = repaired.split('\n');
  const kept: string[] = [];
  const removed: Cleaned['removed'] = [];
  let block: { reason: RemovedReason; lines: string[] } | null = null;
  const listing = listingLines(lines);
  let listed: string[] = [];
  const closeBlock = () => {
    if (block) removed.push({ reason: block.reason, text: block.lines.join('\n').trim() });
    block = null;
  };
  for (const [i, line] of lines.entries()) {
    const t = line.trim();
    if (listing.has(i) && !block) {
      listed.push(line);
      if (!listing.has(i + 1)) {
        removed.push({ reason: 'other-postings', text: listed.join('\n').trim() });
        listed = [];
      }
      continue;
    }
    if (block) {
      if (t && PATTERNS.ownHeading.test(t.replace(/[:*\s]{0,10}$/, '')) && !chromeHeading(t)) {
        closeBlock();
      } else {
        (block as { lines: string[] }).lines.push(line);
        continue;
      }
    }
    const heading = t ? chromeHeading(t) : null;
    if (heading) {
      block = { reason: heading, lines: [line] };
      continue;
    }
    const single = t ? chromeLine(t) : null;
    if (single) {
      removed.push({ reason: single, text: t });
      continue;
    }
    kept.push(line);
  }
  closeBlock();
  return { text: tidy(kept), removed };
}

/** The last step of {@link clean}: lines without trailing spaces, no runs of blank lines, no blank ends. */
function tidy(lines: string[]): string {
  return lines
    .map((l) => l.trimEnd())
    .join('\n')
    .replace(PATTERNS.blankRun, '\n\n')
    .trim();
}

/**
 * What {@link clean} gives a text that needed no repair and had no chrome: the text tidied. Where the cleaned text
 * equals this, it need not be stored beside the raw text (the data step's cache keeps a marker instead).
 */
export const tidied = (raw: string): string =>
  // Most texts have nothing to tidy but their ends: one scan tells, and saves splitting and joining every line.
  PATTERNS.untidy.test(raw) ? tidy(raw.replace(/\r\n?/g, '\n').split('\n')) : raw.trim();
