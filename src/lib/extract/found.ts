/** What a field rule returns: the value, the rule that fired, and the exact span(s) of cleaned text. */
export interface Found<T> {
  value: T;
  rule: string;
  evidence: string;
}
