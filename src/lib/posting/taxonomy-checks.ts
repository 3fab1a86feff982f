/**
 * Warnings about the taxonomy and rates files (content/taxonomy/*.yml, content/rates.yml): a skill id listed twice,
 * a synonym shared by two skills, a company alias that clashes with another company, a rates date listed twice.
 * They never stop a build; `check` prints them with the file and line.
 */
import { readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { VFile } from 'vfile';
import type { Point } from 'unist';
import type { ExtractContext } from '../taxonomy.ts';
import { warn } from './checks.ts';
import { pointAt } from './place.ts';

/** The line of the `n`-th (0-based) match of `pattern` in `text`, or line 1. */
function nth(text: string, pattern: RegExp, n: number, from = 0): Point {
  const re = new RegExp(pattern.source, pattern.flags.includes('g') ? pattern.flags : pattern.flags + 'g');
  re.lastIndex = from;
  let m: RegExpExecArray | null;
  let i = 0;
  while ((m = re.exec(text))) {
    if (i++ === n) return pointAt(text, m.index);
    if (m[0] === '') re.lastIndex++;
  }
  return { line: 1, column: 1 };
}
const esc = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * Check the taxonomy and rates; returns one VFile per file that has something to say.
 * @param ctx the loaded taxonomy and rates
 * @param contentRoot the folder holding taxonomy/ and rates.yml (for reading lines)
 * @param displayRoot paths are shown relative to this folder
 */
export function taxonomyChecks(ctx: ExtractContext, contentRoot: string, displayRoot = process.cwd()): VFile[] {
  const open = (rel: string) => {
    const full = join(contentRoot, rel);
    let value = '';
    try { value = readFileSync(full, 'utf8'); } catch { /* reported by loadContext */ }
    return new VFile({ path: relative(displayRoot, full) || full, value });
  };
  const skillsFile = open('taxonomy/skills.yml');
  const skillsText = String(skillsFile.value);
  const idSeen = new Map<string, number>();
  const synonymOwner = new Map<string, string>();
  for (const s of ctx.skills) {
    const n = idSeen.get(s.id) ?? 0;
    idSeen.set(s.id, n + 1);
    const idPlace = nth(skillsText, new RegExp(`id:\\s*["']?${esc(s.id)}["']?\\s*$`, 'm'), n);
    if (n > 0) warn(skillsFile, `skill id \`${s.id}\` is listed ${n + 1} times: merge the entries`, idPlace, 'taxonomy-skill-id');
    const own = new Set<string>();
    for (const syn of s.synonyms) {
      const key = syn.toLowerCase();
      if (own.has(key)) continue;
      own.add(key);
      const owner = synonymOwner.get(syn.toLowerCase());
      if (owner && owner !== s.id) {
        warn(skillsFile, `synonym “${syn}” of skill \`${s.id}\` is also a synonym of \`${owner}\`: a posting naming it would count as both`, idPlace, 'taxonomy-synonym');
      } else synonymOwner.set(syn.toLowerCase(), s.id);
    }
  }
  const companiesFile = open('taxonomy/companies.yml');
  const companiesText = String(companiesFile.value);
  const nameOwner = new Map<string, string>();
  for (const c of ctx.companies) {
    const place = nth(companiesText, new RegExp(`name:\\s*["']?${esc(c.name)}`), 0);
    for (const spelling of [c.name, ...c.aliases]) {
      const key = spelling.trim().toLowerCase();
      const owner = nameOwner.get(key);
      if (owner !== undefined && owner !== c.name) {
        warn(companiesFile, `“${spelling}” is listed for both \`${owner}\` and \`${c.name}\`: postings naming it would be folded to the first`, place, 'taxonomy-company');
      }
      nameOwner.set(key, owner ?? c.name);
    }
  }
  const ratesFile = open('rates.yml');
  const ratesText = String(ratesFile.value);
  const dates = new Map<string, number>();
  for (const r of ctx.rates) {
    const n = dates.get(r.date) ?? 0;
    dates.set(r.date, n + 1);
    if (n > 0) warn(ratesFile, `rates dated ${r.date} are listed ${n + 1} times: which applies is unclear`, nth(ratesText, new RegExp(`date:\\s*["']?${esc(r.date)}`), n), 'rates-date');
    if ('USD' in r.perUsd && r.perUsd.USD !== 1) warn(ratesFile, `USD per USD must be 1, not ${r.perUsd.USD}`, nth(ratesText, /USD\s*:/, 0), 'rates-usd');
  }
  return [skillsFile, companiesFile, ratesFile].filter((f) => f.messages.length > 0);
}
