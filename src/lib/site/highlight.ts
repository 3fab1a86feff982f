/**
 * Highlight ranges for the posting page: where in the cleaned text each field's evidence sits.
 * Pure: returns plain text segments; the page prints them with Astro's escaping expressions ({segment.text}),
 * so nothing from a posting is ever interpreted as markup or code.
 */

/** A field's evidence to highlight (a Trace entry: field, rule, the exact span of cleaned text). */
export interface Mark {
  field: string;
  rule: string;
  evidence: string;
}

/** A run of text and the marks that cover all of it (empty when unmarked). */
export interface Segment {
  text: string;
  marks: Mark[];
}

/** The text cut into segments, and the marks whose evidence is not in the text (front matter, title …). */
export interface Highlighted {
  segments: Segment[];
  missing: Mark[];
}

/**
 * Cut `text` at the start and end of each mark's evidence (its first occurrence) so a page can wrap each marked
 * run in <mark>. Overlapping evidence gives segments carrying several marks. Joining the segments' text gives
 * `text` back exactly.
 * @param text the cleaned posting text
 * @param marks field, rule and evidence for each highlight (duplicates are dropped; empty evidence is ignored)
 */
export function highlight(text: string, marks: readonly Mark[]): Highlighted {
  const seen = new Set<string>();
  const spans: { start: number; end: number; mark: Mark }[] = [];
  const missing: Mark[] = [];
  for (const m of marks) {
    const key = `${m.field}\u0000${m.rule}\u0000${m.evidence}`;
    if (!m.evidence || seen.has(key)) continue;
    seen.add(key);
    const start = text.indexOf(m.evidence);
    if (start < 0) missing.push(m);
    else spans.push({ start, end: start + m.evidence.length, mark: m });
  }
  const cuts = [...new Set([0, text.length, ...spans.flatMap((s) => [s.start, s.end])])].sort((a, b) => a - b);
  const segments: Segment[] = [];
  for (let i = 0; i + 1 < cuts.length; i++) {
    const a = cuts[i]!, b = cuts[i + 1]!;
    const covering = spans.filter((s) => s.start <= a && s.end >= b).map((s) => s.mark);
    const last = segments.at(-1);
    if (last && sameMarks(last.marks, covering)) last.text += text.slice(a, b);
    else segments.push({ text: text.slice(a, b), marks: covering });
  }
  return { segments, missing };
}

const sameMarks = (a: Mark[], b: Mark[]) => a.length === b.length && a.every((m, i) => m === b[i]);

/** "pay (range-currency-symbol); skills (skill:python)": a mark set in words, for a title attribute. */
export const marksLabel = (marks: readonly Mark[]): string => marks.map((m) => `${m.field} (${m.rule})`).join('; ');

/** The first field of a mark set, for colouring (CSS class `hl-<field>`, with dots and odd characters dropped). */
export const markClass = (marks: readonly Mark[]): string =>
  marks.length ? `hl-${(marks[0]!.field.split('.')[0] ?? '').replace(/[^a-z0-9-]/gi, '')}` : '';
