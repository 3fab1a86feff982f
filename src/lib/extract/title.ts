import type { Found } from './found.ts';

/** PLACEHOLDER: title and company named in the text (for inputs without front matter). */
export function extractTitle(_text: string): Found<string> | null {
  return null;
}
export function extractCompanyName(_text: string): Found<string> | null {
  return null;
}
