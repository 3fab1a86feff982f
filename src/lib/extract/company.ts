import type { Companies } from '../taxonomy.ts';

/** Each list's names and aliases, lowercased, to the canonical name: the first company in the list that has it. */
const folded = new WeakMap<Companies, Map<string, string>>();

function foldingOf(companies: Companies): Map<string, string> {
  let map = folded.get(companies);
  if (!map) {
    map = new Map();
    for (const c of companies) {
      for (const key of [c.name, ...c.aliases].map((s) => s.toLowerCase())) if (!map.has(key)) map.set(key, c.name);
    }
    folded.set(companies, map);
  }
  return map;
}

/** Fold an employer name to its canonical form through content/taxonomy/companies.yml aliases. */
export function canonicalCompany(name: string, companies: Companies): string {
  return foldingOf(companies).get(name.trim().toLowerCase()) ?? name.trim();
}
