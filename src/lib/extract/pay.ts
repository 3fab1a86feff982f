import type { Rates } from '../taxonomy.ts';
import { isHeaderLine, rankOfLine } from './header.ts';
import { PATTERNS as TITLE } from './title.ts';
import { annualise, CURRENCY_SYMBOLS, knownCurrencies, parseAmount, ratePerUsd } from './money.ts';
import type { ExtraKind, Pay, PayRange, Period } from './types.ts';

/**
 * The regular expressions pay extraction uses, exported so test/extract/redos.test.ts can check each one.
 * They are kept small and bounded: the logic that combines figures into ranges lives in code.
 */
export const PATTERNS = {
  /** A written number: thousands groups ("249,900", "65.000", "54 840") with optional decimals, or plain digits. */
  number: /(?<![a-z\d.,])(?:\d{1,3}(?:[,.\u00A0\u202F' ]\d{3}){1,3}(?:[.,]\d{1,2})?|\d{1,9}(?:[.,]\d{1,2})?)(?!\d)/g,
  /** A currency symbol or symbol-with-country right before a number ("$", "US$", "C$", "€", "Rs.", "€~" for about), read on the last few characters. */
  prefixSymbol: /(?:US|USD|CA|CAD|C|AU|AUD|A|NZ|NZD|SG|SGD|S|HK|R|MX)?\$ ?~?$|[€£¥₹₩₪] ?~?$|\bRs\.? ?$|\bFr\. ?$/,
  /** A three-letter currency code right before a number ("USD 150k", "CAD 120,000", "EUR 65.000"). */
  prefixCode: /\b([A-Z]{3}) ?$/,
  /** A multiplier right after a number: k (thousands), lakh ("L" only beside rupees), or millions/billions (never pay). */
  multiplier: /^ ?(k|K|mm|MM|m|M|million|billion|bn|B|lakhs?|LPA|lpa|L)(?![A-Za-z])/,
  /** A compound adjective after the figure ("100k-line", "10k-person"): not money. */
  adjective: /^-[A-Za-z]/,
  /** A currency code right after a number ("327,000 USD", "85k EUR", "190,000 (CAD)"). */
  suffixCode: /^[ \u00A0]?(?:\(([A-Z]{3})\)|([A-Z]{3})(?![A-Za-z]))/,
  /** A currency symbol right after a number ("65 000 €", "80.000€"). */
  suffixSymbol: /^[ \u00A0]?([€£₹]|zł)/,
  /** The period written right after a figure ("/hr", " per year", " a year", " USD PER YEAR", "K/yr"). */
  suffixPeriod:
    /^[ \u00A0]?(?:\/ ?|per |an? |each |every )?(hours?|hrs?|h|years?|yrs?|annum|months?|mos?|weeks?|wks?|days?|annually|yearly|hourly|monthly|weekly|daily|bi-?weekly|fortnightly|p\.? ?a\.?|pa)(?![A-Za-z])/i,
  /** What may stand between the two figures of a range. */
  rangeSeparator: /^[ \u00A0]{0,3}(?:-{1,2}|–|—|‒|−|~|to|and|through|until|-to-)[ \u00A0]{0,3}$/i,
  /** "between" before a range written "between $X and $Y". */
  between: /\bbetween\b/i,
  /** "up to" before a single figure. */
  upTo: /\bup to ?$/i,
  /** A pay, extra or trap word: the nearest one to a figure decides what the figure is. */
  keyword:
    /\b(?:on[- ]target(?: earnings| compensation| pay)?|salary|salaries|base|pay|paid|compensation|comp|wages?|rate|remuneration|earnings|income|range|band|TC|min|minimum|max|maximum|mid|midpoint|bonus(?:es)?|OTE|on-target|on target|commissions?|equity|stock|RSUs?|SARs|options|sign[- ]?on|signing|HSA|FSA|401 ?\(?k\)?|match|matching|reimburse(?:ment|d)?|allowance|budget|stipend|perks?|credits?|gifts?|tuition|relocation|raised?|raising|funding|funded|series|valuation|valued|revenue|ARR|MRR|ACV|invest(?:ed|ment|ors)?|assets|worth|sales|grants?|prize|customers|users|loans?|donat(?:e|ed|ion|ions)|spend|costs?|fees?|price|pricing|discount|deals?|subsidy|insurance|coverage|market cap|capital|round|profit|exits?|scholarship|award)\b/gi,
  /** Period words before a figure ("Hourly Rate:", "annual base salary", "monthly salary", "per hour"). */
  periodWord: /\b(?:hourly|per hour|an hour|annual(?:ly|i[sz]ed)?|yearly|per year|per annum|monthly|per month|weekly|per week|daily|per day|day rate|bi-?weekly)\b/gi,
  /** Phrases that announce a pay figure nearby. */
  payPhrase: /\b(?:salary|salaries|pay range|base pay|compensation|pay scale|pay band|hiring range)\b/i,
  /** Extras mentioned beside base pay ("+ equity", "plus 10% target bonus", "eligible for equity"). */
  extraMention:
    /(?:\+|\bplus\b|\bwith\b|\beligible for\b|\band\b|,) ?(?:an? |\d{1,3} ?% )?(?:annual |target |discretionary |performance |quarterly |generous |meaningful |competitive |company )?(bonus(?:es)?|equity|stock options|share options|options|stock|RSUs|SARs|ESOPs?|commissions?|sign[- ]on bonus|signing bonus|OTE)\b/gi,
  /**
   * Compensation written right after a figure ("+ equity", ", significant equity", "and 0.5-1.0% equity",
   * "+ 10% bonus"): the figure before it is pay.
   */
  extraAfter:
    /^[ \u00A0]{0,3}(?:\+|\bplus\b|\band\b|&|,)[ \u00A0]{0,3}(?:(?:an?|significant|meaningful|strong|generous|competitive|annual|target|quarterly|up to)[ \u00A0]){0,3}(?:\d{1,2}(?:\.\d{1,2})?(?:[ \u00A0]?%)?[ \u00A0]?[-–—~][ \u00A0]?\d{1,2}(?:\.\d{1,2})?[ \u00A0]?%[ \u00A0]?|\d{1,2}(?:\.\d{1,2})?[ \u00A0]?%[ \u00A0]?)?(?:bonus|equity|stock|options|RSUs?|ESOPs?)\b/i,
  /** An equity percentage range right after a salary range, as job boards print it ("$200K - $260K • 0.15% - 0.30% •"). */
  percentAfter: /^[ \u00A0]{0,3}[•|]?[ \u00A0]{0,3}(\d{1,2}(?:\.\d{1,2})?% ?[-–—] ?\d{1,2}(?:\.\d{1,2})?%)/,
  /** Where a field of a header line starts or ends: "|", "•", a spaced dash, a bracket. */
  fieldSeparator: /\||•| [-–—] |[[\]()]/g,
  /** "Not disclosed"-style statements: the posting says it states no pay. */
  notDisclosed: /\b(?:not disclosed|undisclosed|not specified|competitive|negotiable|DOE)\b/i,
  /** Sentences that talk about pay (for mentionsPay). */
  payMention:
    /\b(?:salary range|pay range|base salary|base pay|compensation range|comp range|salary band|pay scale|pay band|salary|salaried|compensation|wage|hourly rate|(?:pay|rate|comp)(?=:)|OTE|gehalt|vergütung|rémunération|salario)\b/i,
  /** "competitive salary", "competitive compensation": a pay word that names no figure. */
  vagueMention: /\b(?:competitive|attractive|generous|excellent|great)\s(?:base\s)?(?:salary|compensation|pay|wages?)\b|workers'? compensation|workers’ compensation/i,
  /** The word right after a figure ("8 to 11 company paid holidays", "150-200k DOE"). */
  wordAfter: /^[ \u00A0]{0,2}([A-Za-z][A-Za-z'’-]{1,30})/,
  /** Words after a bare figure that still leave it a pay figure: the pay talk around a salary. */
  payTail: /^(?:doe|cash|annual|starting|depending|dependent|based|negotiable|usd|eur|gbp|cad|plus|and|or|with|to|for|in|at|per|a|an|gross|net|fte|ote)$/i,
  /** Units of time after a figure ("20–30 min", "45 mins"): a duration, never pay ("min" before a figure is a minimum). */
  durationAfter: /^[ \u00A0]{0,2}(?:mins?|minutes?|secs?|seconds?)\b/i,
  /** A bracket right after a figure that says what it is ("$80k - $100k (OTE)", "$120k (base)"). */
  bracketAfter: /^[ \u00A0]{0,2}\(([^()\n]{1,30})\)/,
  /** "base" among the last words before a figure ("Base salary:", "base pay range is"). */
  baseBefore: /\bbase\b[^\n.]{0,30}$/i,
  /** "base" right after a figure ("$90,000-$110,000 base"). */
  baseAfter: /^[ \u00A0]{0,3}base\b/i,
  /** Sentence end inside a window of text. */
  sentenceEnd: /[.!?](?:\s|$)/g,
} as const;

type Kind = 'base' | 'neutral' | 'trap' | ExtraKind;

const KEYWORD_KIND: Record<string, Kind> = {
  salary: 'base', salaries: 'base', base: 'base', pay: 'base', paid: 'base', compensation: 'base', comp: 'base',
  wage: 'base', wages: 'base', rate: 'base', remuneration: 'base', earnings: 'base', income: 'base', range: 'base',
  band: 'base', tc: 'base', min: 'base', minimum: 'base', max: 'base', maximum: 'base', mid: 'base', midpoint: 'base',
  bonus: 'bonus', bonuses: 'bonus', ote: 'ote', 'on-target': 'ote', 'on target': 'ote', commission: 'ote',
  commissions: 'ote', equity: 'equity', stock: 'equity', rsu: 'equity', rsus: 'equity', sars: 'equity', options: 'equity',
  'sign-on': 'sign-on', 'sign on': 'sign-on', signon: 'sign-on', signing: 'sign-on',
};

function kindOf(word: string): Kind {
  const w = word.toLowerCase();
  if (w.startsWith('on')) return 'ote';
  return KEYWORD_KIND[w] ?? 'trap';
}

const PERIOD_WORDS: [RegExp, Period][] = [
  [/^(?:hours?|hrs?|h|hourly|per hour|an hour)$/i, 'hour'],
  [/^(?:days?|daily|per day|day rate)$/i, 'day'],
  [/^(?:bi-?weekly|fortnightly)$/i, 'biweekly'],
  [/^(?:weeks?|wks?|weekly|per week)$/i, 'week'],
  [/^(?:months?|mos?|monthly|per month)$/i, 'month'],
  [/^(?:years?|yrs?|annum|annually|annual|annuali[sz]ed|yearly|per year|per annum|p\.? ?a\.?|pa)$/i, 'year'],
];

function periodOf(word: string): Period | null {
  for (const [re, p] of PERIOD_WORDS) if (re.test(word)) return p;
  return null;
}

/** Plausible USD amounts for each period: a figure outside them is not a salary of that period. */
const PLAUSIBLE: Record<Period, [number, number]> = {
  hour: [5, 600], day: [40, 5000], week: [150, 25000], biweekly: [300, 50000], month: [300, 100000], year: [8000, 3000000],
};

/** One figure found in the text, with what is written around it. */
interface Figure {
  /** Start of the figure including a currency prefix. */
  start: number;
  /** Start of the digits. */
  numStart: number;
  /** End of the digits. */
  numEnd: number;
  /** End including multiplier, code and period suffixes. */
  end: number;
  value: number;
  hasK: boolean;
  /** The multiplier written after the number (1000 for k, 100000 for lakh), else 1. */
  mult: number;
  big: boolean;
  currency: string | null;
  currencySource: 'currency-symbol' | 'code-prefix' | 'code-suffix' | null;
  /** The currency is only a bare "$" (read as USD by default): a code written at the other end of a range wins. */
  assumedDollar: boolean;
  period: Period | null;
  open: boolean;
}

function readFigure(text: string, m: RegExpExecArray, known: ReadonlySet<string>): Figure | null {
  const numStart = m.index;
  const numEnd = numStart + m[0].length;
  let value = parseAmount(m[0]);
  if (value == null) return null;
  let start = numStart;
  let currency: string | null = null;
  let currencySource: Figure['currencySource'] = null;
  let assumedDollar = false;
  const before = text.slice(Math.max(0, numStart - 8), numStart);
  const sym = PATTERNS.prefixSymbol.exec(before);
  if (sym) {
    const s = sym[0].replace('~', '').trim();
    currency = CURRENCY_SYMBOLS[s] ?? (s.endsWith('$') ? 'USD' : null);
    currencySource = 'currency-symbol';
    assumedDollar = s === '$';
    start = numStart - sym[0].length;
    // "USD $75,000", "CAD $145,000": a code before the symbol names the dollar.
    const code = PATTERNS.prefixCode.exec(text.slice(Math.max(0, start - 5), start));
    if (code && known.has(code[1]!)) { currency = code[1]!; start -= code[0].length; assumedDollar = false; }
  } else {
    const code = PATTERNS.prefixCode.exec(before);
    if (code && known.has(code[1]!)) {
      currency = code[1]!;
      currencySource = 'code-prefix';
      start = numStart - code[0].length;
    }
  }
  // A letter right before the digits ("W23", "H100") makes an id, unless it ends a currency code ("CHF60k").
  if (/[A-Z]/.test(text[numStart - 1] ?? '') && currencySource !== 'code-prefix') return null;
  let end = numEnd;
  let rest = text.slice(end, end + 40);
  let hasK = false;
  let factor = 1;
  let big = false;
  let mult = PATTERNS.multiplier.exec(rest);
  // "L" is a lakh only beside rupees ("₹40–60L"); elsewhere it is a unit or a size.
  if (mult && mult[1] === 'L' && currency !== 'INR' && !/₹|\bINR\b|\bRs\b/.test(text.slice(Math.max(0, start - 12), start))) mult = null;
  if (mult) {
    const w = mult[1]!;
    if (w === 'k' || w === 'K') { hasK = true; factor = 1000; value *= 1000; }
    else if (/^(?:lakhs?|LPA|lpa|L)$/.test(w)) { factor = 100000; value *= 100000; currency ??= 'INR'; currencySource ??= 'code-suffix'; }
    else big = true;
    end += mult[0].length;
    rest = text.slice(end, end + 40);
    if (PATTERNS.adjective.test(rest)) return null;
  }
  const code = PATTERNS.suffixCode.exec(rest);
  const suffix = code?.[1] ?? code?.[2];
  if (code && suffix && known.has(suffix)) {
    if (currency == null || currencySource === 'currency-symbol') { currency = suffix; currencySource ??= 'code-suffix'; assumedDollar = false; }
    end += code[0].length;
    rest = text.slice(end, end + 40);
  } else {
    const s = PATTERNS.suffixSymbol.exec(rest);
    if (s && currency == null) {
      currency = CURRENCY_SYMBOLS[s[1]!] ?? null;
      currencySource = 'code-suffix';
      end += s[0].length;
      rest = text.slice(end, end + 40);
    }
  }
  let period: Period | null = null;
  const per = PATTERNS.suffixPeriod.exec(rest);
  if (per) {
    period = periodOf(per[1]!);
    if (period) { end += per[0].length; rest = text.slice(end, end + 40); }
  }
  const open = rest.startsWith('+') && !/^\+[A-Za-z0-9]/.test(rest);
  if (open) end += 1;
  return { start, numStart, numEnd, end, value, hasK, mult: factor, big, currency, currencySource, assumedDollar, period, open };
}

/** A pay candidate: one figure or a range, with how the text around it reads. */
interface Candidate {
  start: number;
  end: number;
  min: number;
  max: number | null;
  currency: string;
  currencySource: string;
  period: Period | null;
  explicitPeriod: boolean;
  isRange: boolean;
  upTo: boolean;
  /** No currency written: the posting's usual currency (or USD) was assumed. */
  bare: boolean;
  kind: Kind;
  strong: boolean;
  /** "Base salary $140k-$165k", "$90k-$110k base": the word base names it, as against total or expected compensation. */
  saysBase: boolean;
  qualifier: string | null;
}

/** Cut a window of text preceding a figure down to its own sentence. */
function ownSentenceBefore(w: string): string {
  let cut = 0;
  for (const m of w.matchAll(PATTERNS.sentenceEnd)) cut = m.index + m[0].length;
  return w.slice(cut);
}

/** The nearest keyword kind in a window (the last one when `last`, else the first). */
function nearestKind(w: string, last: boolean): Kind | null {
  let found: Kind | null = null;
  for (const m of w.matchAll(PATTERNS.keyword)) {
    found = kindOf(m[0]);
    // "Stipend: ₹45,000 per month" (an intern's pay) opens its line; "learning stipend" is a benefit.
    // Only looking back: "$1K monthly stipend for meals" names a benefit after its figure.
    if (last && /^stipend$/i.test(m[0]) && !/[\p{L}\d]/u.test(w.slice(w.lastIndexOf('\n', m.index) + 1, m.index))) found = 'base';
    if (!last) return found;
  }
  return found;
}

function nearestPeriodWord(w: string): Period | null {
  let found: Period | null = null;
  for (const m of w.matchAll(PATTERNS.periodWord)) found = periodOf(m[0]);
  return found;
}

/** Text after a candidate up to where a new item starts ("+", ",", "and", a sentence end). */
function ownAfter(text: string, end: number): string {
  const w = text.slice(end, end + 40);
  const stops = ['+', ',', ';', '(', '\n', '. ', ' and ', ' plus ', ' with ', ' & ', ' - ', '/', '•'];
  let cut = w.length;
  for (const s of stops) {
    const i = w.indexOf(s);
    if (i >= 0 && i < cut) cut = i;
  }
  const own = w.slice(0, cut);
  // "…On Target Earnings: $86,500": words ending in a colon label the next figure, not this one.
  return own.includes(':') ? '' : own;
}

function lineAround(text: string, pos: number): { lineStart: number; line: string } {
  const lineStart = text.lastIndexOf('\n', pos - 1) + 1;
  let lineEnd = text.indexOf('\n', pos);
  if (lineEnd < 0) lineEnd = text.length;
  return { lineStart, line: text.slice(lineStart, lineEnd) };
}

type Raw = Omit<Candidate, 'kind' | 'strong' | 'saysBase' | 'qualifier' | 'explicitPeriod'>;

/**
 * Whether a figure fills a field of its own on its line: nothing before it back to a field separator
 * ("|", "•", a spaced dash, a bracket) and nothing after it but a currency code or an extra ("+ equity").
 */
function fillsField(line: string, from: number, to: number): boolean {
  let fieldStart = 0;
  let fieldEnd = line.length;
  for (const m of line.matchAll(PATTERNS.fieldSeparator)) {
    if (m.index + m[0].length <= from) fieldStart = m.index + m[0].length;
    else if (m.index >= to) { fieldEnd = m.index; break; }
  }
  if (/[\p{L}\d]/u.test(line.slice(fieldStart, from))) return false;
  const rest = line.slice(to, fieldEnd);
  return !/[\p{L}\d]/u.test(rest.replace(/\b(?:USD|EUR|GBP|CAD|k|K)\b/g, '')) || PATTERNS.extraAfter.test(rest);
}

/**
 * A figure with no currency followed by a word that is no pay word counts that word ("8 to 11 company paid
 * holidays", "50-100 people"), and any figure followed by a unit of time is a duration ("(20–30 min)"): never pay.
 */
function countsSomething(text: string, c: Raw): boolean {
  if (PATTERNS.durationAfter.test(text.slice(c.end, c.end + 12))) return true;
  if (!c.bare) return false;
  const word = PATTERNS.wordAfter.exec(text.slice(c.end, c.end + 40))?.[1];
  if (!word || PATTERNS.payTail.test(word)) return false;
  const kind = nearestKind(word, false);
  return kind === null || kind === 'trap';
}

/** What is written around a candidate figure: its line, the words before and after it, and its header field. */
interface Surroundings {
  lineStart: number;
  line: string;
  header: boolean;
  /** The words of its own sentence (or header field) before it. */
  before: string;
  /** The words right after it, up to where a new item starts. */
  after: string;
  /** The words since the previous figure on the line ("Staff: $190k - $210k, Principal $210k - $235k"). */
  linePrefix: string;
  /** An extra follows it ("+ equity", "• 0.15% - 0.30%"). */
  extraAfter: boolean;
  /** It fills a header field of its own. */
  ownField: boolean;
}

function surroundings(text: string, c: Raw, prevEnd: number): Surroundings {
  const { lineStart, line } = lineAround(text, c.start);
  const header = isHeaderLine(line, rankOfLine(text, lineStart));
  let after = ownAfter(text, c.end);
  const linePrefix = text.slice(Math.max(lineStart, prevEnd), c.start).replace(/^[\s,;]{0,5}/, '');
  const extraAfter = PATTERNS.extraAfter.test(text.slice(c.end, c.end + 60).split('\n')[0]!)
    || PATTERNS.percentAfter.test(text.slice(c.end, c.end + 30));
  let before = ownSentenceBefore(text.slice(Math.max(lineStart, c.start - 150), c.start));
  // In a "Company (Series A) | Role | Place | $165k-$210k base" header each field stands alone: words of
  // other fields ("Series A", a URL) say nothing about this figure.
  let ownField = false;
  if (header) {
    before = before.slice(before.lastIndexOf('|') + 1);
    const bar = after.indexOf('|');
    if (bar >= 0) after = after.slice(0, bar);
    const fieldEnd = text.indexOf('|', c.end);
    const rest = text.slice(c.end, fieldEnd >= 0 && fieldEnd < lineStart + line.length ? fieldEnd : lineStart + line.length);
    ownField = !before.trim() && !/[\p{L}\d]/u.test(rest.replace(/\b(?:USD|EUR|GBP|CAD|k|K)\b/g, ''));
  }
  ownField ||= fillsField(line, c.start - lineStart, c.end - lineStart);
  return { lineStart, line, header, before, after, linePrefix, extraAfter, ownField };
}

/**
 * What the nearest words say the figure is: base pay, an extra (bonus, OTE, equity, sign-on), a trap (funding,
 * benefits, revenue …), or null (no word). `farTrap` when a trap word stands far back in a long sentence and was
 * passed over; `prevLine` is the short heading above a figure that opens its line, when it was read.
 */
function kindNear(text: string, c: Raw, at: Surroundings): { kind: Kind | null; farTrap: boolean; prevLine: string } {
  // "$80k - $100k (OTE)": a bracket right after the figure says what it is, before any other word does.
  const bracket = PATTERNS.bracketAfter.exec(text.slice(c.end, c.end + 40))?.[1];
  const bracketKind = bracket ? nearestKind(bracket, false) : null;
  if (bracketKind && bracketKind !== 'base') return { kind: bracketKind, farTrap: false, prevLine: '' };
  let kind: Kind | null = nearestKind(at.after, false);
  if (kind === 'base') kind = null; // "$X base salary" reads as pay, but so does the line before: decide below
  const afterSaysPay = nearestKind(at.after, false) === 'base';
  // A non-pay word far back in a long sentence ("…Revenue Activation Platform. A Full Stack Engineer (with
  // something to prove) $200K - $260K") says nothing about a salary-sized currency range: only a word within a
  // few words of it does ("ARR of $150k-$200k").
  let farTrap = false;
  if (kind == null) {
    kind = nearestKind(at.before, true);
    if (kind === 'trap' && c.isRange && !c.bare) {
      const near = nearestKind(at.before.slice(-40), true);
      if (near !== 'trap') { kind = near; farTrap = true; }
    }
  }
  // A figure at the start of a line under a short heading ("Salary Range\n$110,000 - $140,000").
  let prevLine = '';
  if (kind == null && at.lineStart > 0 && !at.linePrefix.trim()) {
    let prevEnd = at.lineStart - 1;
    while (prevEnd > 0 && text[prevEnd - 1] === '\n') prevEnd--;
    const prevStart = text.lastIndexOf('\n', prevEnd - 1) + 1;
    // Only a short heading speaks for the figure under it; a paragraph's words ("build product daily") do not.
    const heading = text.slice(prevStart, prevEnd);
    if (heading.trim().length <= 100) {
      prevLine = heading;
      kind = nearestKind(prevLine, true);
    }
  }
  if (kind == null && afterSaysPay) kind = 'base';
  return { kind, farTrap, prevLine };
}

/** The period of a base figure: written beside it, else a period word before it, else by size; null when implausible. */
function periodFor(c: Raw, at: Surroundings, prevLine: string, rates: Rates, date: string | null):
  { period: Period; explicitPeriod: boolean; usd: number; usdMax: number } | null {
  let period = c.period;
  const explicitPeriod = period != null || nearestPeriodWord(at.before) != null || nearestPeriodWord(prevLine) != null;
  period ??= nearestPeriodWord(at.before) ?? nearestPeriodWord(prevLine);
  const rate = ratePerUsd(c.currency, rates, date) ?? 1;
  const usd = c.min / rate;
  if (period == null) {
    if (usd >= 15000) period = 'year';
    else if (usd >= 7 && usd <= 300 && c.isRange) period = 'hour';
    else return null;
  }
  const [lo, hi] = PLAUSIBLE[period];
  const usdMax = (c.max ?? c.min) / rate;
  if (usd < lo || usdMax > hi) return null;
  return { period, explicitPeriod, usd, usdMax };
}

/** Figures with no pay word near them count only in forms that are plainly pay. */
function plainlyPay(text: string, c: Raw, at: Surroundings, strong: boolean, farTrap: boolean,
  p: { period: Period; explicitPeriod: boolean; usd: number; usdMax: number }): boolean {
  const short = at.line.trim().length <= 80;
  if (c.bare) {
    // No currency written: only beside a pay word, or as a salary-sized range alone on a short line or in a
    // header field of its own ("… | St. Louis or NYC | 150-200k").
    const alone = at.line.trim().length <= 60 || at.ownField;
    // An open salary-sized figure may fill a "|" header field too ("| Equity | 110k+ (based on experience) |").
    return strong ? (c.isRange || c.min >= 10000)
      : c.isRange ? (alone && c.min >= 10000 && (c.max ?? 0) <= c.min * 3)
      : (c.max == null && at.header && at.ownField && p.period === 'year' && p.usd >= 20000);
  }
  if (strong) return true;
  // A pay phrase shortly before ("we are sharing the base salary range … US based applicants only 222,000—327,000 USD").
  const nearPay = c.isRange && PATTERNS.payPhrase.test(text.slice(Math.max(0, c.start - 500), c.start));
  // A salary-sized yearly range in a currency ("Engineer ($125-200k USD): …", "$135-$155k — https://…"), or one
  // figure followed by an extra ("$200k+, significant equity"), reads as pay wherever it stands.
  const salaryShaped = p.period === 'year' && p.usd >= 20000 && p.usdMax <= 1000000 && (c.max == null || c.max <= c.min * 3);
  return farTrap ? salaryShaped : c.isRange
    ? (p.explicitPeriod || short || at.header || nearPay || salaryShaped)
    : (p.explicitPeriod || at.header || (short && c.upTo) || (salaryShaped && (at.extraAfter || at.ownField)));
}

/** The level or place written right before a range on its line ("Senior:", "NYC"), when short and no pay word. */
function qualifierOf(linePrefix: string): string | null {
  let q = linePrefix.replace(/^[\s\-–—•*·),;]{0,10}/, '').replace(/[\s:\-–—=(,;]{0,10}$/, '');
  // "Senior Designer (hybrid, $140k - $190k)": a bracket opened before the figure ends the qualifier.
  const open = q.lastIndexOf('(');
  if (open > 0 && !q.includes(')', open)) q = q.slice(0, open).trimEnd();
  return q && q.length <= 40 && !nearestKind(q, true) && !q.includes('|') ? q : null;
}

/**
 * Decide what one candidate figure is from what is written around it: base pay (with its period and qualifier),
 * an extra, or nothing (a count, a trap word, an implausible size, a figure in no plain pay form).
 */
function classify(text: string, c: Raw, rates: Rates, date: string | null, prevEnd = 0): Candidate | null {
  if (countsSomething(text, c)) return null;
  const at = surroundings(text, c, prevEnd);
  const near = kindNear(text, c, at);
  let kind = near.kind;
  if (kind === 'trap') return null;
  if (kind === 'base' && /\braise\b/i.test(at.before)) return null;
  const strong = kind === 'base';
  kind ??= 'neutral';
  // Bonus, OTE, equity, sign-on: kept as extras with their evidence; their size says nothing about base pay.
  if (kind !== 'base' && kind !== 'neutral') {
    if (c.bare) return null;
    return { ...c, period: c.period ?? 'year', explicitPeriod: c.period != null, kind, strong: false, saysBase: false, qualifier: null };
  }
  const p = periodFor(c, at, near.prevLine, rates, date);
  if (!p || !plainlyPay(text, c, at, strong, near.farTrap, p)) return null;
  const saysBase = PATTERNS.baseBefore.test(at.before) || PATTERNS.baseAfter.test(at.after);
  return { ...c, period: p.period, explicitPeriod: p.explicitPeriod, kind, strong, saysBase, qualifier: qualifierOf(at.linePrefix) };
}

/** Currencies written with a dollar sign ("C$", "A$", "$ … CAD"): the ones a bare "$" may stand for. */
const DOLLAR_CURRENCIES = new Set(Object.entries(CURRENCY_SYMBOLS).filter(([s]) => s.includes('$')).map(([, c]) => c));

/**
 * The currency of a range from what its two ends say: a code written at either end ("CAD $145,000 - $190,000",
 * "$145k - $190k CAD") applies to both, so a bare "$" never makes it USD. null when neither end names one;
 * undefined when the ends name different currencies (two figures, not a range).
 */
function rangeCurrency(a: Figure, b: Figure): string | null | undefined {
  if (!a.currency || !b.currency || a.currency === b.currency) return a.currency ?? b.currency;
  if (a.assumedDollar && !b.assumedDollar && DOLLAR_CURRENCIES.has(b.currency)) return b.currency;
  if (b.assumedDollar && !a.assumedDollar && DOLLAR_CURRENCIES.has(a.currency)) return a.currency;
  return undefined;
}

/** Every pay candidate in the text, in order. */
function candidates(text: string, rates: Rates, date: string | null): Candidate[] {
  const known = knownCurrencies(rates);
  const figures: Figure[] = [];
  for (const m of text.matchAll(PATTERNS.number)) {
    const f = readFigure(text, m, known);
    if (f) figures.push(f);
  }
  // The posting's usual currency: the most written one, else USD (for figures written without one).
  const counts = new Map<string, number>();
  for (const f of figures) if (f.currency) counts.set(f.currency, (counts.get(f.currency) ?? 0) + 1);
  const usual = [...counts].sort((x, y) => y[1] - x[1])[0]?.[0] ?? 'USD';
  const out: Candidate[] = [];
  for (let i = 0; i < figures.length; i++) {
    const a = figures[i]!;
    const b = figures[i + 1];
    let pair: [Figure, Figure] | null = null;
    if (b && !a.open && !a.big && !b.big) {
      const sep = text.slice(a.end, b.start);
      if (PATTERNS.rangeSeparator.test(sep) && (!/and/i.test(sep) || PATTERNS.between.test(text.slice(Math.max(0, a.start - 30), a.start)))) {
        if (rangeCurrency(a, b) !== undefined) pair = [a, b];
      }
    }
    if (pair && b) {
      let lo = a.value;
      let hi = b.value;
      // "$170-225K", "€90–120k", "₹25 - 35 LPA": a multiplier written once applies to both figures.
      if (b.mult > 1 && a.mult === 1 && lo < 1000) lo *= b.mult;
      if (a.mult > 1 && b.mult === 1 && hi < 1000) hi *= a.mult;
      const currency = rangeCurrency(a, b) ?? usual;
      const bare = !a.currency && !b.currency;
      if (lo > 0 && lo <= hi && hi <= lo * 6) {
        const c = classify(text, {
          start: a.start, end: b.end, min: lo, max: hi, currency,
          currencySource: (a.currency ? a.currencySource : b.currencySource) ?? 'no-currency', period: b.period ?? a.period,
          isRange: true, upTo: false, bare,
        }, rates, date, out.at(-1)?.end);
        if (c) out.push(c);
        i++;
        continue;
      }
    }
    if (a.big || a.value <= 0) continue;
    // A bare run of digits with no currency, separator or k is an id, a count or a code, never pay.
    if (!a.currency && !a.hasK && /^\d+$/.test(text.slice(a.numStart, a.numEnd))) continue;
    // "401k" is a retirement plan, never a figure.
    if (a.hasK && a.value === 401000) continue;
    const upTo = PATTERNS.upTo.test(text.slice(Math.max(0, a.start - 8), a.start));
    const c = classify(text, {
      start: a.start, end: a.end, min: a.value, max: a.open ? null : a.value, currency: a.currency ?? usual,
      currencySource: a.currencySource ?? 'no-currency', period: a.period, isRange: false, upTo, bare: !a.currency,
    }, rates, date, out.at(-1)?.end);
    if (c) out.push(c);
  }
  return out;
}

function ruleName(c: Candidate): string {
  if (c.max == null) return `open-${c.currencySource}`;
  if (c.isRange) return `range-${c.currencySource}`;
  if (c.upTo) return 'single-up-to';
  if (c.period === 'hour') return 'single-hourly';
  return `single-${c.currencySource}`;
}

/** Extras written beside base pay or anywhere as "eligible for …" (bonus, OTE, equity, sign-on). */
function extrasNear(text: string, from: number, extras: Pay['extras']): void {
  const add = (kind: ExtraKind, evidence: string) => {
    if (!extras.some((e) => e.kind === kind && e.evidence === evidence)) extras.push({ kind, evidence });
  };
  const scan = (w: string, onlyEligible: boolean) => {
    for (const m of w.matchAll(PATTERNS.extraMention)) {
      if (onlyEligible && !/^eligible/i.test(m[0])) continue;
      const word = m[1]!.toLowerCase();
      const kind: ExtraKind = /sign/.test(word) ? 'sign-on' : /bonus/.test(word) ? 'bonus' : /ote|commission/.test(word) ? 'ote' : 'equity';
      add(kind, m[0].replace(/^[+,]? ?/, '').trim());
    }
  };
  scan(text.slice(from, from + 120).split('\n')[0]!, false);
  const ea = PATTERNS.extraAfter.exec(text.slice(from, from + 60).split('\n')[0]!);
  if (ea) {
    const ev = ea[0].replace(/^[\s+,&]{0,6}(?:plus |and )?/i, '').trim();
    add(/bonus/i.test(ev) ? 'bonus' : 'equity', ev);
  }
  const pct = PATTERNS.percentAfter.exec(text.slice(from, from + 30));
  if (pct) add('equity', pct[1]!);
  if (text.length <= 200000) scan(text, true);
}

/**
 * Find the posting's own base pay (DESIGN.md, "Extract command"): every common written form of a salary
 * range or figure, with currency, period, annual and USD views, each range kept with its qualifier
 * (location or level) and the envelope in min/max. Figures near benefit, funding, revenue or other
 * non-pay words are never pay; bonus, OTE, equity and sign-on figures go into `extras`.
 * @param text cleaned posting text (clean().text)
 * @param rates the dated exchange-rate table (content/rates.yml)
 * @param date the posting's date (posted, else captured), for the USD rate; null for the latest rate
 * @returns the pay, or null when the text states none
 */
export function extractPay(text: string, rates: Rates, date: string | null): Pay | null {
  return findPay(text, rates, date).pay;
}

/** Why a posting with figures gets no pay: the rule and the span, for the trace. */
export interface PayDeclined {
  rule: string;
  evidence: string;
}

/** Two ranges agree when one holds the other or they share an end ("$62,500 - $101,500" and "$62,500 - $78,100"). */
function agree(a: Candidate, b: Candidate): boolean {
  const [aMax, bMax] = [a.max ?? Infinity, b.max ?? Infinity];
  return a.min === b.min || aMax === bMax || (a.min <= b.min && bMax <= aMax) || (b.min <= a.min && aMax <= bMax);
}

/**
 * Ranges that speak for this posting. A range with a pay word beside it or a qualifier of its own (a level, a
 * location) is the employer's statement; a loose range (neither) counts only when it agrees with one of those.
 * With no such statement, loose ranges that disagree are other jobs' pay (a job board's list of other postings,
 * a thread's other roles): their envelope is a band no employer wrote, so none is taken.
 */
function ownRanges(same: Candidate[]): { ranges: Candidate[]; declined: Candidate[] } {
  const loose = (c: Candidate) => c.isRange && !c.strong && c.qualifier == null;
  const anchors = same.filter((c) => !loose(c));
  const free = same.filter(loose);
  if (anchors.some((c) => c.isRange)) {
    return { ranges: same.filter((c) => !loose(c) || anchors.some((a) => a.isRange && agree(a, c))), declined: [] };
  }
  const disagree = free.some((a, i) => free.slice(i + 1).some((b) => !agree(a, b)));
  return disagree ? { ranges: anchors, declined: free } : { ranges: same, declined: [] };
}

/**
 * Of loose ranges that disagree, the ones written on a line naming this posting's title: a post listing several
 * roles with a range each ("- Senior/Staff Machine Learning Engineer | $200K-$250K"), read as the posting for one of
 * them. Empty when no line names the title, or the ranges on such lines disagree among themselves.
 */
function onTitleLine(text: string, ranges: Candidate[], title: string | null): Candidate[] {
  const t = title ? foldTitle(title) : '';
  if (t.length < 4) return [];
  const named = ranges.filter((c) => foldTitle(lineOfCandidate(text, c)).includes(t));
  return named.every((a) => named.every((b) => agree(a, b))) ? named : [];
}

const foldTitle = (s: string) => s.toLowerCase().replace(/\s+/g, ' ').trim();
const lineOfCandidate = (text: string, c: Candidate) => text.slice(text.lastIndexOf('\n', c.start - 1) + 1, (text.indexOf('\n', c.end) + 1 || text.length + 1) - 1);

/**
 * Ranges written against roles, one a line ("- Senior Machine Learning Engineer ($164,996 - $189,650)", "- Senior
 * Product Designer ($114,649 - $131,781)"): a post listing several roles. When one line names this posting's title,
 * its ranges are this posting's pay, and the other roles' ranges are not; null when the ranges are not such a list
 * (a level or a place against a range is the same role's pay, and stays; so does a range with no role before it).
 */
function rolesListed(text: string, ranges: Candidate[], title: string | null): Candidate[] | null {
  const named = onTitleLine(text, ranges, title);
  const others = ranges.filter((c) => !named.includes(c));
  if (!named.length || !others.length) return null;
  // Every other range is written after a role's name on its line (its qualifier, or a longer name than qualifiers take).
  return others.every((c) => TITLE.role.test(text.slice(text.lastIndexOf('\n', c.start - 1) + 1, c.start))) ? named : null;
}

/**
 * extractPay, and when figures were found but none is taken as this posting's pay for a reason worth telling
 * (loose ranges that disagree), that reason for the trace.
 * @param title the posting's title, when known: of ranges that disagree, the one on the line naming it is its pay
 */
export function findPay(text: string, rates: Rates, date: string | null, title: string | null = null): { pay: Pay | null; declined: PayDeclined | null } {
  const all = candidates(text, rates, date);
  const extras: Pay['extras'] = [];
  const base: Candidate[] = [];
  for (const c of all) {
    if (c.kind === 'base' || c.kind === 'neutral') base.push(c);
    else extras.push({ kind: c.kind as ExtraKind, evidence: text.slice(c.start, c.end) });
  }
  if (base.length === 0) return { pay: null, declined: null };
  // The best candidate: a pay word beside it first, then a range, then the earliest.
  const order = (x: Candidate, y: Candidate) => Number(y.strong) - Number(x.strong) || Number(y.isRange) - Number(x.isRange) || x.start - y.start;
  const first = [...base].sort(order)[0]!;
  let similar = base.filter((c) =>
    c.currency === first.currency && c.period === first.period &&
    c.min >= first.min / 4 && (c.max ?? c.min) <= (first.max ?? first.min) * 4 &&
    (c.strong || !first.strong || c.qualifier != null || c.isRange),
  );
  // "Expected annual compensation $154k-$181.5k / Base salary $140k-$165k", "$90k-$110k base … total compensation
  // up to $250k": where base is named, figures of other compensation (base plus bonus or commission) are not base.
  if (similar.some((c) => c.saysBase)) similar = similar.filter((c) => c.saysBase || c.qualifier != null || !c.strong);
  const own = ownRanges(similar);
  if (own.ranges.length === 0) own.ranges = onTitleLine(text, own.declined, title).map((c) => ({ ...c, qualifier: title }));
  else own.ranges = rolesListed(text, own.ranges, title) ?? own.ranges;
  if (own.ranges.length === 0) {
    const d = own.declined;
    return { pay: null, declined: { rule: `pay-declined:${d.length}-ranges-disagree`, evidence: text.slice(d[0]!.start, d[0]!.end) } };
  }
  const same = own.ranges;
  const best = [...same].sort(order)[0]!;
  const ranges: PayRange[] = [];
  for (const c of same) {
    if (ranges.some((r) => r.min === c.min && r.max === c.max)) continue;
    // A single figure inside a range already kept is that range restated.
    if (!c.isRange && ranges.some((r) => r.max != null && r.min <= c.min && c.min <= r.max)) continue;
    ranges.push({ min: c.min, max: c.max, qualifier: c.qualifier, evidence: text.slice(c.start, c.end) });
  }
  // Drop singles that fall inside a range found later.
  const kept = ranges.filter((r) => r.min !== r.max || !ranges.some((o) => o !== r && o.max != null && o.min !== o.max && o.min <= r.min && r.min <= o.max));
  const min = Math.min(...kept.map((r) => r.min));
  const max = kept.some((r) => r.max == null) ? null : Math.max(...kept.map((r) => r.max!));
  extrasNear(text, best.end, extras);
  const pay = annualise({
    min, max, currency: best.currency, period: best.period!, evidence: text.slice(best.start, best.end),
    rule: ruleName(best), ranges: kept, extras,
  }, rates, date);
  return { pay, declined: null };
}

/**
 * A posting's `payMention` in the dataset: the sentence that talks about pay ({@link mentionsPay}) when neither the
 * text nor a correction gave pay, else null.
 * @param pay the pay extracted (or corrected)
 * @param overridden the fields front matter corrected
 * @param text cleaned posting text
 */
export const payMentionOf = (pay: unknown, overridden: readonly string[], text: string): string | null =>
  pay || overridden.includes('pay') ? null : mentionsPay(text);

/**
 * The sentence that talks about pay when extractPay finds no figure ("we are sharing the base salary
 * range for this position", "Monthly Salary: Not Disclosed"), for the coverage page; null when the text
 * says nothing about pay beyond vague words ("competitive salary").
 * @param text cleaned posting text
 */
export function mentionsPay(text: string): string | null {
  let from = 0;
  const slice = text.length > 200000 ? text.slice(0, 200000) : text;
  while (from < slice.length) {
    const rest = slice.slice(from);
    const m = PATTERNS.payMention.exec(rest);
    if (!m) return null;
    const at = from + m.index;
    let s = Math.max(slice.lastIndexOf('\n', at - 1), slice.lastIndexOf('. ', at - 1) + 1, slice.lastIndexOf('? ', at - 1) + 1, slice.lastIndexOf('! ', at - 1) + 1, 0);
    if (slice[s] === '\n' || slice[s] === ' ') s++;
    const ends = ['\n', '. ', '? ', '! '].map((e) => slice.indexOf(e, at)).filter((i) => i >= 0);
    const e = ends.length ? Math.min(...ends) + 1 : slice.length;
    const sentence = slice.slice(s, e).trim();
    if (!PATTERNS.vagueMention.test(sentence) && sentence.length <= 400) return sentence;
    from = Math.max(e, at + m[0].length);
  }
  return null;
}
