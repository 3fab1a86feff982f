import * as chrono from 'chrono-node';

/** One piece of date provenance: which field, which rule, the exact span of cleaned text. */
export interface DateEvidence {
  field: 'posted' | 'captured';
  rule: string;
  evidence: string;
}

/** What extractDates finds. */
export interface FoundDates {
  /** YYYY-MM-DD the posting went up, or null. */
  posted: string | null;
  /** YYYY-MM-DD the text was copied: the one given, or inferred from an absolute and a relative posted date. */
  captured: string | null;
  evidence: DateEvidence[];
}

/** The regular expressions date extraction uses, exported so test/extract/redos.test.ts can check each one. */
export const PATTERNS = {
  /** "Posted 47 days ago", "Posted on: 7 hours ago", "Reposted 2 weeks ago", "posted today". */
  relative:
    /\b(?:re)?posted(?: on)?:? ?(?:(\d{1,4}|an?|one) ?\+? ?(minute|min|hour|hr|day|week|month)s? ago|(today|yesterday|just now))\b/i,
  /** A label that says the date on its line is the posting date. */
  postedLabel: /\b(?:date posted|posted(?: on| date)?|posting date|published(?: on)?|date published|listed(?: on)?|opened(?: on)?)\b:? ?/i,
  /** Words that make a date on its line (or the line before) something other than the posting date. */
  notPosted:
    /\b(?:deadline|apply by|applications? (?:close|due)|closing|closes|close date|expires?|expiry|expiration|start(?:ing)? (?:date|on)|starts?|founded|established|since|effective|enrol\w{0,4}|benefits?|updated|until|through|end date|graduat\w{0,5}|born|dob)\b/i,
  /** Something date-like on a line: a month name, a numeric date, or an ISO date. */
  dateLike:
    /\b(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]{0,6}\.? \d{1,2}\b|\b\d{1,2} (?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)|\b\d{4}-\d{2}-\d{2}\b|\b\d{1,2}\/\d{1,2}\/\d{2,4}\b/i,
  /** Punctuation and bullets around a date standing alone on its line. */
  lineTrim: /^[\s\-–—•*·|:]{0,10}|[\s\-–—•*·|:.]{0,10}$/g,
} as const;

const pad = (n: number) => String(n).padStart(2, '0');
const iso = (y: number, m: number, d: number) => `${y}-${pad(m)}-${pad(d)}`;

function parseIso(s: string): Date {
  const [y, m, d] = s.split('-').map(Number);
  return new Date(Date.UTC(y!, m! - 1, d!));
}
function fmt(d: Date): string {
  return iso(d.getUTCFullYear(), d.getUTCMonth() + 1, d.getUTCDate());
}

/** Shift an ISO date by a relative amount; sign -1 goes back in time. */
function shift(date: string, n: number, unit: string, sign: 1 | -1): string {
  const d = parseIso(date);
  if (unit === 'day') d.setUTCDate(d.getUTCDate() + sign * n);
  else if (unit === 'week') d.setUTCDate(d.getUTCDate() + sign * 7 * n);
  else if (unit === 'month') d.setUTCMonth(d.getUTCMonth() + sign * n);
  return fmt(d);
}

/**
 * One absolute date that chrono reads fully (day, month and year written, or year from the reference). Chrono's strict
 * English parsers read written dates only; its casual ones also read words relative to the reference ("tomorrow",
 * "tonight", "+2 days", "end of March"), and with no capture date that reference is a stand-in, so "Jan 5 tonight"
 * came out as 2000-01-01. The strict set is also a third of the regexes to compile on a thread's first date.
 */
function absoluteDate(s: string, ref: string | null): { date: string; text: string; index: number } | null {
  const refDate = ref ? parseIso(ref) : new Date(Date.UTC(2000, 0, 1));
  for (const r of chrono.strict.parse(s, { instant: refDate, timezone: 0 }, { forwardDate: false })) {
    const c = r.start;
    if (!c.isCertain('day') || !c.isCertain('month')) continue;
    if (!c.isCertain('year') && !ref) continue;
    // Relative expressions ("3 days ago", "today") are read by the relative rule instead.
    if (/\bago\b|today|yesterday|now/i.test(r.text)) continue;
    const y = c.get('year');
    const m = c.get('month');
    const d = c.get('day');
    if (y == null || m == null || d == null || y < 1995 || y > 2100) continue;
    return { date: iso(y, m, d), text: r.text, index: r.index };
  }
  return null;
}

/**
 * Find the posting date (and, when it can be inferred, the capture date) in a posting's text.
 * Rules, first match wins for `posted`:
 * - `labelled`: a date on a line labelled "Posted", "Date posted", "Published" …;
 * - `standalone-date`: the first line that is only a date (job boards list posted, then closing dates);
 * - `relative`: "Posted 47 days ago", resolved only against `captured`.
 * Dates of other things (deadlines, start dates, founding years, benefits) are never taken.
 * When an absolute posted date and a relative one are both written and `captured` is not given,
 * `captured` is inferred as posted + the relative amount (rule `inferred-from-relative`).
 * @param text cleaned posting text
 * @param captured the date the text was copied (YYYY-MM-DD), when known
 */
export function extractDates(text: string, captured: string | null): FoundDates {
  const evidence: DateEvidence[] = [];
  const lines = text.split('\n');
  let posted: string | null = null;
  let prev = '';
  let relative: { n: number; unit: string; span: string } | null = null;
  for (const raw of lines) {
    const line = raw.trim();
    if (!line) continue;
    if (line.length <= 300) {
      const rel: RegExpExecArray | null = relative ? null : PATTERNS.relative.exec(line);
      if (rel) {
        const word: string | undefined = rel[3]?.toLowerCase();
        const n: number = word === 'yesterday' ? 1 : word ? 0 : /^\d/.test(rel[1]!) ? Number(rel[1]) : 1;
        const unit: string = word ? 'day' : rel[2]!.toLowerCase().replace(/^min$/, 'minute').replace(/^hr$/, 'hour');
        relative = { n, unit, span: rel[0] };
      }
      if (!posted && PATTERNS.dateLike.test(line) && !PATTERNS.notPosted.test(line)) {
        const label = PATTERNS.postedLabel.exec(line);
        if (label) {
          const found = absoluteDate(line.slice(label.index + label[0].length), captured);
          if (found) {
            posted = found.date;
            evidence.push({ field: 'posted', rule: 'labelled', evidence: line });
          }
        } else if (!PATTERNS.notPosted.test(prev)) {
          const found = absoluteDate(line, captured);
          const bare = line.replace(PATTERNS.lineTrim, '');
          if (found && found.text.length >= bare.length - 3) {
            posted = found.date;
            evidence.push({ field: 'posted', rule: 'standalone-date', evidence: found.text });
          }
        }
      }
    }
    prev = line;
  }
  let cap = captured;
  if (relative) {
    const days = relative.unit === 'day' || relative.unit === 'week' || relative.unit === 'month';
    if (!posted && cap) {
      posted = days ? shift(cap, relative.n, relative.unit, -1) : cap;
      evidence.push({ field: 'posted', rule: 'relative', evidence: relative.span });
    } else if (posted && !cap) {
      cap = days ? shift(posted, relative.n, relative.unit, 1) : posted;
      evidence.push({ field: 'captured', rule: 'inferred-from-relative', evidence: relative.span });
    }
  }
  return { posted, captured: cap, evidence };
}
