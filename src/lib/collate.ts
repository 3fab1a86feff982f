/**
 * One fixed ordering of text for everything the datasets and pages sort: English collation (so "Zoox" follows "apple"
 * as a reader expects, and "L10" follows "L9"), ties broken by code units. `localeCompare` without a locale orders by
 * the machine's locale (LANG), so the same input gave different bytes on a Danish machine; this never does.
 */
const collator = new Intl.Collator('en', { sensitivity: 'variant', numeric: true });

/** Compare two strings the same way on every machine; a total order (equal only when identical). */
export function compareText(a: string, b: string): number {
  return collator.compare(a, b) || (a < b ? -1 : a > b ? 1 : 0);
}
