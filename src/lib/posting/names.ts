import { slug as githubSlug } from 'github-slugger';

/** Lowercase kebab-case ASCII: letters and digits in runs joined by single hyphens ("machine-learning-engineer"). */
export const KEBAB = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

/**
 * The slug rule used for company folders and posting file names: github-slugger's rule (lowercase, punctuation
 * dropped, spaces to hyphens) applied after folding accents to ASCII ("Zürich" → "zurich"), with anything still not
 * ASCII dropped and runs of hyphens collapsed. Returns "" when nothing ASCII is left.
 * @param text a company name or a posting title
 */
export function slugify(text: string): string {
  const ascii = text
    .normalize('NFKD')
    .replace(/\p{M}+/gu, '')
    .replace(/[/\\|_:;·•–—]+/g, ' ');
  return githubSlug(ascii)
    .replace(/[^a-z0-9-]+/g, '')
    .replace(/-{2,}/g, '-')
    .replace(/^-+|-+$/g, '');
}

/** A slug cut to at most `max` characters at a hyphen, so file names stay readable. */
export function shortSlug(text: string, max = 80): string {
  const s = slugify(text);
  if (s.length <= max) return s;
  const cut = s.slice(0, max);
  const at = cut.lastIndexOf('-');
  return (at > 20 ? cut.slice(0, at) : cut).replace(/-+$/, '');
}

/** Where a posting lives relative to the content folder, and what is wrong with that place. */
export interface PlaceProblem {
  reason: string;
  rule: string;
}

/**
 * Problems with a posting's place: it must be `<company-slug>/<slug>.md`, both parts lowercase kebab-case ASCII,
 * the folder equal to the company's slug.
 * @param rel path relative to the content folder, `/`-separated
 * @param company the canonical company name from front matter, or null when unknown (front matter invalid)
 */
export function placeProblems(rel: string, company: string | null): PlaceProblem[] {
  const parts = rel.split('/');
  const name = parts.at(-1) ?? rel;
  const problems: PlaceProblem[] = [];
  // A move suggestion names the file as it should be called, never a name that would fail this check again.
  const goodName = name.endsWith('.md') && !KEBAB.test(name.slice(0, -3)) ? `${shortSlug(name.slice(0, -3)) || 'posting'}.md` : name;
  if (!name.endsWith('.md')) {
    problems.push({ reason: `\`${name}\` is not a posting file: postings are \`.md\` files named in lowercase kebab-case, e.g. \`machine-learning-engineer.md\``, rule: 'file-name' });
  } else if (!KEBAB.test(name.slice(0, -3))) {
    const better = shortSlug(name.slice(0, -3));
    problems.push({ reason: `file name \`${name}\` is not lowercase kebab-case ASCII${better ? `; rename it to \`${better}.md\`` : ''}`, rule: 'file-name' });
  }
  const wanted = company ? slugify(company) : null;
  if (parts.length === 1) {
    problems.push({ reason: `\`${name}\` is not in a company folder: move it to \`${wanted || '<company-slug>'}/${goodName}\``, rule: 'folder' });
    return problems;
  }
  if (parts.length > 2) {
    problems.push({ reason: `\`${rel}\` is nested too deep: postings live at \`<company-slug>/<slug>.md\`${wanted ? `, here \`${wanted}/${goodName}\`` : ''}`, rule: 'folder' });
    return problems;
  }
  const folder = parts[0]!;
  if (!KEBAB.test(folder)) {
    problems.push({ reason: `folder \`${folder}\` is not lowercase kebab-case ASCII${wanted ? `; the company's folder is \`${wanted}\`` : ''}`, rule: 'folder' });
  } else if (wanted !== null && wanted !== '' && folder !== wanted) {
    problems.push({ reason: `folder \`${folder}\` is not the slug of company \`${company}\`: move the file to \`${wanted}/${goodName}\``, rule: 'folder' });
  } else if (wanted === '') {
    problems.push({ reason: `company \`${company}\` has no ASCII letters or digits to make a folder name from; add an ASCII alias in content/taxonomy/companies.yml`, rule: 'folder' });
  }
  return problems;
}
