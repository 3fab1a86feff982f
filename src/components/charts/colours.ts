/** Fixed colours for the role families (and "all ML roles"), so a family looks the same in every chart. */
import { schemeTableau10 } from 'd3';

export const FAMILY_COLOURS: Record<string, string> = {
  all: '#7a8794',
  'ml-engineer': schemeTableau10[0]!,
  'research-scientist': schemeTableau10[1]!,
  'applied-scientist': schemeTableau10[4]!,
  'data-scientist': schemeTableau10[2]!,
  'ml-platform': schemeTableau10[6]!,
  'ai-engineer': schemeTableau10[5]!,
};

/** Colours for series keyed `<family>:<anything>` (pay disclosure), from the family's colour. */
export const familyKeyed = (keys: string[]): Record<string, string> =>
  Object.fromEntries(keys.map((k) => [k, FAMILY_COLOURS[k.split(':')[0]!] ?? '#888']));
