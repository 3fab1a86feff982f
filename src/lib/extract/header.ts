/**
 * Header lines: where job boards and hiring threads put company, role, place, work model and pay as fields of one
 * line ("Acme | Senior ML Engineer | Remote (US) | $150k", "Ramp · New York, NY · Hybrid",
 * "Globex - Founding Engineer - Remote"). The one definition title, location, remote and pay share:
 *   - a line of at most HEADER.maxLength characters among the first HEADER.topLines non-empty lines that splits
 *     into two or more fields at "|" or at a spaced "•"/"·", or into three or more at spaced dashes; or
 *   - anywhere in the text, a line with two or more "|" (threads list one role a line: "Role | Place | Pay").
 */

/** How far down and how long a header line may be. */
export const HEADER = { topLines: 4, maxLength: 220 } as const;

/** Every RegExp this module uses (checked for ReDoS by test/extract/redos.test.ts). */
export const PATTERNS = {
  /** A line holding two or more "|" fields, wherever it stands. */
  barLine: /\|[^\n]{0,300}\|/,
  /** Where the fields of a header line split, strongest first. */
  bar: /\s{0,3}\|\s{0,3}/,
  dot: /\s[•·]\s/,
  dash: /\s[-–—]\s/,
};

/**
 * The fields of a line read as a header: split at "|" when it has one, else at a spaced "•"/"·", else at spaced
 * dashes; null when that gives fewer than two fields (three for dashes), or when the first ends in a colon (a
 * labelled list).
 * @param line one line of cleaned text
 */
export function headerFields(line: string): string[] | null {
  const by = line.includes('|') ? PATTERNS.bar : PATTERNS.dot.test(line) ? PATTERNS.dot : PATTERNS.dash;
  const fields = line.split(by).map((f) => f.trim()).filter(Boolean);
  // A single spaced dash joins many things ("Seattle, WA - USA", "Remote - Canada"); a header has two or more.
  const least = by === PATTERNS.dash ? 3 : 2;
  // "Open roles: • Leads • Engineers" is a labelled list, not a header.
  return fields.length >= least && !fields[0]!.endsWith(':') ? fields : null;
}

/**
 * Whether a line is a header line (see the module comment).
 * @param line one line of cleaned text
 * @param rank its place among the text's non-empty lines (0 for the first)
 */
export function isHeaderLine(line: string, rank: number): boolean {
  const t = line.trim();
  if (headerFields(t) === null) return false;
  return PATTERNS.barLine.test(t) || (rank < HEADER.topLines && t.length <= HEADER.maxLength);
}

/** The header lines at the top of a text, in order, each with its fields. */
export function topHeaderLines(text: string): { line: string; fields: string[] }[] {
  return topLines(text).flatMap((line, rank) => (isHeaderLine(line, rank) ? [{ line, fields: headerFields(line)! }] : []));
}

/** The first `n` non-empty lines of a text, trimmed (reading no further than they go). */
export function topLines(text: string, n: number = HEADER.topLines): string[] {
  const top: string[] = [];
  for (let i = 0; i < text.length && top.length < n;) {
    let end = text.indexOf('\n', i);
    if (end < 0) end = text.length;
    const line = text.slice(i, end).trim();
    if (line) top.push(line);
    i = end + 1;
  }
  return top;
}

/**
 * The rank among non-empty lines of the line starting at `lineStart`, or HEADER.topLines when it is further down
 * (cheap: it reads only as far as the top lines go).
 */
export function rankOfLine(text: string, lineStart: number): number {
  let rank = 0;
  let i = 0;
  while (i < lineStart && rank < HEADER.topLines) {
    const end = text.indexOf('\n', i);
    const stop = end < 0 || end >= lineStart ? lineStart : end;
    if (text.slice(i, stop).trim()) rank++;
    i = stop + 1;
  }
  return rank;
}
