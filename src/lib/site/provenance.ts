/** Where each field of a posting came from, for the posting page: the rules that fired, or the front matter. Pure. */
import type { PostingRow } from '../dataset/types.ts';

/** A field's provenance: rule names (deduplicated, in trace order), and whether front matter set it. */
export interface Provenance {
  rules: string[];
  evidence: string[];
  fromFrontMatter: boolean;
}

/**
 * The provenance of `field` ("pay", "remote", "level", "role", "locations", "posted", "captured", "skills", "title", "company").
 * Fields set by front matter corrections say so, whatever the trace holds.
 */
export function provenance(row: Pick<PostingRow, 'trace' | 'overridden'>, field: string): Provenance {
  const entries = row.trace.filter((t) => t.field === field);
  return {
    rules: [...new Set(entries.map((t) => t.rule))],
    evidence: [...new Set(entries.map((t) => t.evidence))],
    fromFrontMatter: row.overridden.includes(field),
  };
}

/** "rule range-currency-symbol", "front matter", "not found": a provenance in a few words. */
export function provenanceLabel(p: Provenance, found: boolean): string {
  if (p.fromFrontMatter) return 'set in front matter';
  if (p.rules.length) return `rule: ${p.rules.join(', ')}`;
  return found ? 'from front matter' : 'not found in the text';
}
