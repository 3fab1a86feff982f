/**
 * The generated parts of CONTRIBUTING.md: the allowed values (from the zod schema, src/lib/extract/types.ts and the
 * taxonomy) and the table of checks. `npm run docs` writes them between markers; a test fails when they are stale,
 * so the contributor docs cannot drift from the validator.
 */
import { frontMatterSchema } from './schema.ts';
import { LEVELS, PERIODS, REMOTE_POLICIES } from '../extract/types.ts';
import { knownCurrencies } from '../extract/money.ts';
import type { ExtractContext } from '../taxonomy.ts';
import { MAX_BYTES, PAY_CEILING_USD, PAY_FLOOR_USD } from './checks.ts';
import { WINDOW_DAYS, SIMILAR } from './duplicates.ts';

/** What each front matter field holds, for the docs; every schema field must have an entry. */
export const FIELD_DOCS: Record<string, string> = {
  title: 'the role’s title as the employer writes it',
  company: 'the employer’s name; aliases listed below are folded to the canonical name',
  captured: 'the date you copied the text (YYYY-MM-DD); it resolves “Posted 3 days ago”',
  posted: 'the date the employer posted the role (YYYY-MM-DD), when known from outside the text; `YYYY-MM` when only the month is known (counted as the 1st for exchange rates)',
  url: 'where the posting was found (http or https): the job’s own page, or its Hacker News item',
  origin: 'written by the importers: `hn`, `ashby`, `greenhouse`, `lever`, or `file` (a CSV/JSON Lines import)',
  board: 'written by the importers: what the job board states in structured form, never read from the text: `pay` (a list of `{ min, max, currency, period, label }`), `workplace` (`remote`, `hybrid`, `onsite`) and `locations`. The site uses it, labelled “stated by the job board”, where the text states nothing',
  pay: 'correction: base pay `{ min, max, currency, period }` (`max` omitted or null for “150k+”), or `null` for “states no pay”',
  remote: 'correction: `remote`, `hybrid` or `onsite`, or `{ policy, region, officeDaysPerYear: [low, high] }`, or `null`',
  level: 'correction: the level (values below), or `null`',
  locations: 'correction: a list such as `["San Francisco, CA, US", "Remote, US"]`',
};

/** Every check `check` runs: rule id (as printed), severity, and what it means. */
export const CHECK_RULES: { rule: string; severity: 'error' | 'warning'; meaning: string }[] = [
  { rule: 'front-matter', severity: 'error', meaning: 'the file does not start with a `---` front matter block, or the block is not `key: value` lines' },
  { rule: 'yaml', severity: 'error', meaning: 'the front matter is not valid YAML (the message gives its line)' },
  { rule: 'schema', severity: 'error', meaning: 'an unknown field, a missing `title`/`company`, a wrong type, a value outside the allowed list, or pay `min` greater than `max`' },
  { rule: 'empty', severity: 'error', meaning: 'the file is empty' },
  { rule: 'binary', severity: 'error', meaning: 'the file holds NUL bytes: it is not text' },
  { rule: 'encoding', severity: 'error', meaning: 'the file is not UTF-8 (the message names the first bad line); save it as UTF-8' },
  { rule: 'control-character', severity: 'error', meaning: 'an invisible control character (not tab or line break) on the named line' },
  { rule: 'size', severity: 'error', meaning: `the file is over ${MAX_BYTES / 1_000_000} MB` },
  { rule: 'file-name', severity: 'error', meaning: 'the file name is not lowercase kebab-case ASCII ending in `.md`' },
  { rule: 'folder', severity: 'error', meaning: 'the file is not in a folder, or not in the folder named by its company’s slug' },
  { rule: 'currency', severity: 'error', meaning: 'a `pay` correction uses a currency with no rate in content/rates.yml (a warning when extraction found it in the text)' },
  { rule: 'duplicate', severity: 'error', meaning: `same company, title and near-identical text, or the same url, dated within ${WINDOW_DAYS} days (or either undated)` },
  { rule: 'repost', severity: 'warning', meaning: `the same posting (same company, title and text, or same url) more than ${WINDOW_DAYS} days later: kept as a posting of its own date` },
  { rule: 'pay-range', severity: 'warning', meaning: `annual pay under $${PAY_FLOOR_USD.toLocaleString('en-US')} or over $${PAY_CEILING_USD.toLocaleString('en-US')} in USD: probably not base pay` },
  { rule: 'pay-order', severity: 'warning', meaning: 'extracted pay has its minimum above its maximum' },
  { rule: 'dates', severity: 'warning', meaning: 'the posted date is after the capture date' },
  { rule: 'sources', severity: 'error', meaning: 'content/sources.yml is not valid YAML, does not match its schema (origin, board, company for each board), or lists a board twice' },
  { rule: 'taxonomy-skill-id', severity: 'warning', meaning: 'a skill id is listed twice in content/taxonomy/skills.yml' },
  { rule: 'taxonomy-synonym', severity: 'warning', meaning: 'one synonym belongs to two skills' },
  { rule: 'taxonomy-company', severity: 'warning', meaning: 'a company name or alias is listed for two companies' },
  { rule: 'rates-date', severity: 'warning', meaning: 'two rate entries share a date in content/rates.yml' },
  { rule: 'rates-usd', severity: 'warning', meaning: 'content/rates.yml gives USD a rate other than 1' },
];

const code = (s: string) => `\`${s}\``;

/** Markdown listing the allowed front matter fields and values. Throws when a schema field has no entry in FIELD_DOCS. */
export function allowedValuesMarkdown(ctx: ExtractContext): string {
  const shape = frontMatterSchema.shape as Record<string, { safeParse(v: unknown): { success: boolean } }>;
  const rows = Object.keys(shape).map((key) => {
    const doc = FIELD_DOCS[key];
    if (!doc) throw new Error(`front matter field \`${key}\` has no description in FIELD_DOCS (src/lib/posting/docs.ts)`);
    const required = !shape[key]!.safeParse(undefined).success;
    return `| ${code(key)} | ${required ? 'required' : 'optional'} | ${doc} |`;
  });
  const companies = ctx.companies.map((c) => `${c.name}${c.aliases.length ? ` (also ${c.aliases.map((a) => `“${a}”`).join(', ')})` : ''}`);
  return [
    '| field | | what it holds |',
    '| --- | --- | --- |',
    ...rows,
    '',
    `- \`level\`: ${LEVELS.map(code).join(', ')}`,
    `- \`remote\` (or \`remote.policy\`): ${REMOTE_POLICIES.map(code).join(', ')}`,
    '- `remote.region`: a country, or `North America`, `Europe`, `EU`, `LATAM`, `APAC`, `worldwide`',
    `- \`pay.period\`: ${PERIODS.map(code).join(', ')}`,
    `- \`pay.currency\` (from content/rates.yml, plus USD): ${[...knownCurrencies(ctx.rates)].sort().map(code).join(', ')}`,
    `- companies with aliases (content/taxonomy/companies.yml): ${companies.join('; ') || 'none yet'}`,
    '- dates: `YYYY-MM-DD`, a real calendar date',
  ].join('\n');
}

/** Markdown table of every check, its severity and meaning. */
export function checksMarkdown(): string {
  return [
    '| rule | | what it means |',
    '| --- | --- | --- |',
    ...CHECK_RULES.map((r) => `| ${code(r.rule)} | ${r.severity} | ${r.meaning} |`),
    '',
    `Near-identical text means at least ${Math.round(SIMILAR * 100)}% of the texts’ three-word sequences in common (Jaccard similarity of word 3-shingles, ignoring case and punctuation).`,
  ].join('\n');
}

/** The generated blocks of CONTRIBUTING.md, by marker name. */
export function generatedBlocks(ctx: ExtractContext): Record<string, string> {
  return { 'allowed-values': allowedValuesMarkdown(ctx), checks: checksMarkdown() };
}

/**
 * Replace each `<!-- NAME:start -->…<!-- NAME:end -->` block of a document with its generated text.
 * Throws naming a marker that is missing.
 * @param doc the document (CONTRIBUTING.md)
 * @param blocks generated text by marker name
 */
export function fillBlocks(doc: string, blocks: Record<string, string>): string {
  let out = doc;
  for (const [name, body] of Object.entries(blocks)) {
    const re = new RegExp(`(<!-- ${name}:start[^>]*-->\\n)[\\s\\S]*?(<!-- ${name}:end -->)`);
    if (!re.test(out)) throw new Error(`CONTRIBUTING.md has no \`<!-- ${name}:start -->\` … \`<!-- ${name}:end -->\` markers`);
    out = out.replace(re, (_m, a: string, b: string) => `${a}${body}\n${b}`);
  }
  return out;
}
