/** PLACEHOLDER: posted date (absolute, or relative resolved against captured) and an inferred capture date. */
export function extractDates(_text: string, _captured: string | null): { posted: string | null; captured: string | null; evidence: { field: string; rule: string; evidence: string }[] } {
  return { posted: null, captured: null, evidence: [] };
}
