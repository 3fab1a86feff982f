import type { Companies } from '../taxonomy.ts';

/** Fold an employer name to its canonical form through content/taxonomy/companies.yml aliases. */
export function canonicalCompany(name: string, companies: Companies): string {
  const key = name.trim().toLowerCase();
  for (const c of companies) {
    if (c.name.toLowerCase() === key || c.aliases.some((a) => a.toLowerCase() === key)) return c.name;
  }
  return name.trim();
}
